import { join } from 'node:path';
import { defaultRegistry, renderJson, resolveEntities, type EntityRegistry } from '@callset/entities';
import { sortRows } from '@callset/schema';
import { writeFileAtomic } from '@callset/writers';
import type { NormalizedRelease } from './stages.ts';

/**
 * Speakers and firms across every document at once, once per build on the main thread: ids
 * depend on the whole set of names (a middle initial seen in one call links spellings in two
 * others), so no chunk of documents can settle them alone. Reads what the documents say on
 * each utterance (speaker_label, speaker_name as written, speaker_type, speaker_org), sets
 * speaker_id, the canonical speaker_name and firm_id, and the speaker_id of each figure;
 * fills the speakers and firms tables and adds `speaker/ambiguous` issues.
 * Run it once on a release whose utterances are not resolved yet.
 */
export function resolveEntitiesStage(release: NormalizedRelease, registry: EntityRegistry = defaultRegistry()): NormalizedRelease {
  const { tables } = release;
  const sources = new Map(tables.documents.filter((document) => document.status === 'ok').map((document) => [document.document_id, document.source_path]));
  const resolution = resolveEntities(
    tables.utterances.map((utterance) => ({
      documentId: utterance.document_id,
      speakerLabel: utterance.speaker_label,
      speakerName: utterance.speaker_name,
      speakerType: utterance.speaker_type,
      speakerOrg: utterance.speaker_org,
      charStart: utterance.char_start,
      charEnd: utterance.char_end,
    })),
    { registry, sources },
  );
  const utterances = tables.utterances.map((utterance, index) => {
    const resolved = resolution.mentions[index];
    return resolved ? { ...utterance, speaker_id: resolved.speakerId, speaker_name: resolved.speakerName, firm_id: resolved.firmId } : utterance;
  });
  const speakerOf = new Map(utterances.map((utterance) => [utterance.utterance_id, utterance.speaker_id]));
  const issuesOf = new Map<string, number>();
  for (const issue of resolution.issues) issuesOf.set(issue.document_id, (issuesOf.get(issue.document_id) ?? 0) + 1);
  return {
    ...release,
    tables: {
      ...tables,
      documents: tables.documents.map((document) => (document.status === 'ok' ? { ...document, issue_count: document.issue_count + (issuesOf.get(document.document_id) ?? 0) } : document)),
      utterances,
      speakers: resolution.speakers,
      firms: resolution.firms,
      figures: tables.figures.map((figure) => (figure.utterance_id ? { ...figure, speaker_id: speakerOf.get(figure.utterance_id) ?? figure.speaker_id } : figure)),
      issues: sortRows('issues', [...tables.issues, ...resolution.issues.map((issue) => ({ ...issue, source_path: sources.get(issue.document_id) ?? issue.document_id }))]),
    },
    proposals: resolution.proposals,
  };
}

export const REGISTRY_PROPOSALS_FILE = 'registry-proposals.json';

/**
 * `<outputDir>/registry-proposals.json`: the people the person registry does not hold. Written
 * beside the release, never in it and never into the registry: `callset registry accept` merges
 * it on purpose. Returns what it wrote, for the log.
 */
export async function writeProposals(outputDir: string, release: NormalizedRelease): Promise<string> {
  const path = join(outputDir, REGISTRY_PROPOSALS_FILE);
  const proposals = release.proposals ?? { people: [] };
  await writeFileAtomic(path, new TextEncoder().encode(renderJson(proposals)));
  return `${proposals.people.length} people in ${path}`;
}
