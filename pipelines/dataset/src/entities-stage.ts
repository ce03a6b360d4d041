import { join } from 'node:path';
import { defaultRegistry, renderJson, resolveEntities, type EntityRegistry, type RegistryProposals, type ResolvedMention, type SpeakerMention } from '@callset/entities';
import { sortRows, type DocumentRow, type FirmRow, type IssueRow, type SpeakerRow, type TableRows, type UtteranceRow } from '@callset/schema';
import { writeFileAtomic } from '@callset/writers';
import type { NormalizedRelease } from './stages.ts';

/** What entity resolution reads of each utterance: the speaker facts the document gives. */
export function speakerMentions(utterances: readonly UtteranceRow[]): SpeakerMention[] {
  return utterances.map((utterance) => ({
    documentId: utterance.document_id,
    speakerLabel: utterance.speaker_label,
    speakerName: utterance.speaker_name,
    speakerType: utterance.speaker_type,
    speakerOrg: utterance.speaker_org,
    charStart: utterance.char_start,
    charEnd: utterance.char_end,
  }));
}

/** Speakers and firms settled across a corpus, and what each of its documents gets from them. */
export interface CorpusEntities {
  /** One per mention, in the order of the mentions resolved. */
  mentions: ResolvedMention[];
  speakers: SpeakerRow[];
  firms: FirmRow[];
  /** The `speaker/ambiguous` issues (and the like) of each document. */
  issuesOf: ReadonlyMap<string, IssueRow[]>;
  proposals: RegistryProposals;
}

/**
 * Speakers and firms across every document at once, once per build on the main thread: ids
 * depend on the whole set of names (a middle initial seen in one call links spellings in two
 * others), so no chunk of documents can settle them alone. Reads only the documents rows and
 * what the documents say on each utterance (`mentions`, in release order).
 */
export function resolveCorpusEntities(documents: readonly DocumentRow[], mentions: readonly SpeakerMention[], registry: EntityRegistry = defaultRegistry()): CorpusEntities {
  const sources = new Map(documents.filter((document) => document.status === 'ok').map((document) => [document.document_id, document.source_path]));
  const resolution = resolveEntities(mentions, { registry, sources });
  const issuesOf = new Map<string, IssueRow[]>();
  for (const issue of resolution.issues) {
    const row = { ...issue, source_path: sources.get(issue.document_id) ?? issue.document_id };
    issuesOf.set(issue.document_id, [...(issuesOf.get(issue.document_id) ?? []), row]);
  }
  return { mentions: resolution.mentions, speakers: resolution.speakers, firms: resolution.firms, issuesOf, proposals: resolution.proposals };
}

/**
 * The resolution applied to some documents' tables (all of a release, or one document): sets
 * speaker_id, the canonical speaker_name and firm_id of each utterance, the speaker_id of each
 * figure, and adds the documents' entity issues to their rows and counts. `resolved` holds the
 * resolved mentions of exactly these utterances, in their order.
 */
export function applyEntities(tables: TableRows, resolved: readonly ResolvedMention[], issuesOf: CorpusEntities['issuesOf']): TableRows {
  if (resolved.length !== tables.utterances.length) throw new Error(`${resolved.length} resolved mentions for ${tables.utterances.length} utterances`);
  const utterances = tables.utterances.map((utterance, index) => {
    const mention = resolved[index];
    return mention ? { ...utterance, speaker_id: mention.speakerId, speaker_name: mention.speakerName, firm_id: mention.firmId } : utterance;
  });
  const speakerOf = new Map(utterances.map((utterance) => [utterance.utterance_id, utterance.speaker_id]));
  const documentIds = [...new Set(tables.documents.map((document) => document.document_id))];
  return {
    ...tables,
    documents: tables.documents.map((document) => (document.status === 'ok' ? { ...document, issue_count: document.issue_count + (issuesOf.get(document.document_id)?.length ?? 0) } : document)),
    utterances,
    figures: tables.figures.map((figure) => (figure.utterance_id ? { ...figure, speaker_id: speakerOf.get(figure.utterance_id) ?? figure.speaker_id } : figure)),
    issues: sortRows('issues', [...tables.issues, ...documentIds.flatMap((id) => issuesOf.get(id) ?? [])]),
  };
}

/**
 * resolveCorpusEntities and applyEntities over a whole release held in memory: fills the
 * speakers and firms tables. Run it once on a release whose utterances are not resolved yet.
 */
export function resolveEntitiesStage(release: NormalizedRelease, registry: EntityRegistry = defaultRegistry()): NormalizedRelease {
  const { tables } = release;
  const entities = resolveCorpusEntities(tables.documents, speakerMentions(tables.utterances), registry);
  return {
    ...release,
    tables: { ...applyEntities(tables, entities.mentions, entities.issuesOf), speakers: entities.speakers, firms: entities.firms },
    proposals: entities.proposals,
  };
}

export const REGISTRY_PROPOSALS_FILE = 'registry-proposals.json';

/**
 * `<outputDir>/registry-proposals.json`: the people the person registry does not hold. Written
 * beside the release, never in it and never into the registry: `callset registry accept` merges
 * it on purpose. Returns what it wrote, for the log.
 */
export async function writeProposals(outputDir: string, proposals: RegistryProposals = { people: [] }): Promise<string> {
  const path = join(outputDir, REGISTRY_PROPOSALS_FILE);
  await writeFileAtomic(path, new TextEncoder().encode(renderJson(proposals)));
  return `${proposals.people.length} people in ${path}`;
}
