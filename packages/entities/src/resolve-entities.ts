import { SPEAKER_TYPES, normalizeForId, placeholderSpeakerId, type FirmRow, type IssueRow, type SpeakerRow, type SpeakerType } from '@callset/schema';
import { compareText } from './display.ts';
import { parsePersonName, type PersonName } from './person-name.ts';
import type { EntityRegistry, Evidence, PersonEntry, RegistryProposals } from './registry.ts';
import { resolveFirms } from './resolve-firms.ts';
import { resolvePeople, type ResolvedPerson } from './resolve-people.ts';

/** The speaker facts of one turn, as the document gives them. */
/** An issue row but for its source_path, which only the pipeline knows. */
export type DocumentIssue = Omit<IssueRow, 'source_path'>;

export interface SpeakerMention {
  documentId: string;
  speakerLabel: string | null;
  /** The name as the document writes it, cleaned of firm and role. */
  speakerName: string | null;
  speakerType: SpeakerType;
  speakerOrg: string | null;
  /** The turn's span, for issues. */
  charStart?: number | null;
  charEnd?: number | null;
}

export interface ResolvedMention {
  speakerId: string;
  /** Canonical name of the person; null for placeholders. */
  speakerName: string | null;
  firmId: string | null;
}

export interface EntityResolution {
  /** One per mention, in the mentions' order. */
  mentions: ResolvedMention[];
  speakers: SpeakerRow[];
  firms: FirmRow[];
  /** Issues by document; the pipeline adds the file (source_path) they are about. */
  issues: DocumentIssue[];
  /** People no registry entry holds, as entries `callset registry accept` can add. */
  proposals: RegistryProposals;
}

export interface ResolveOptions {
  registry: EntityRegistry;
  /** Source path of each document, cited by proposals; the document id otherwise. */
  sources?: ReadonlyMap<string, string>;
}

type PlaceholderKind = keyof typeof placeholderSpeakerId;

const PLACEHOLDER_NAMES: Record<PlaceholderKind, string> = { operator: 'Operator', unknown: 'Unknown speaker', forumMember: 'Forum member' };

/**
 * Turns that are no person: the operator, forum members (the contract gives a thread's members
 * one id), and speakers the document does not name ("Unknown speaker", "Unidentified Analyst",
 * or no name at all). Each gets an id per document.
 */
function placeholderOf(mention: SpeakerMention): PlaceholderKind | null {
  if (mention.speakerType === 'operator') return 'operator';
  if (mention.speakerType === 'forum_member') return 'forumMember';
  const key = normalizeForId(mention.speakerName ?? '');
  if (key === 'operator') return 'operator';
  if (key === '' || /^(?:unknown|unidentified)\b/.test(key)) return 'unknown';
  return null;
}

/** What the mentions of one speaker_id add up to. */
interface SpeakerFacts {
  speakerId: string;
  canonicalName: string;
  person: ResolvedPerson | null;
  labels: Set<string>;
  firmIds: Set<string>;
  types: Map<SpeakerType, number>;
  mentions: SpeakerMention[];
  spellings: Set<PersonName>;
}

/** The usual type: the most frequent, ties in the contract's order of types. */
function usualType(counts: ReadonlyMap<SpeakerType, number>): SpeakerType {
  return [...SPEAKER_TYPES].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0] ?? 'unknown';
}

/** The first of a document's mentions by position: the same whatever order mentions came in. */
function compareMentions(a: SpeakerMention, b: SpeakerMention): number {
  return (a.charStart ?? 0) - (b.charStart ?? 0) || compareText(a.speakerLabel ?? '', b.speakerLabel ?? '') || compareText(a.speakerName ?? '', b.speakerName ?? '');
}

function firstMentionPerDocument(mentions: readonly SpeakerMention[]): SpeakerMention[] {
  const first = new Map<string, SpeakerMention>();
  for (const mention of mentions) {
    const earlier = first.get(mention.documentId);
    if (!earlier || compareMentions(mention, earlier) < 0) first.set(mention.documentId, mention);
  }
  return [...first.values()];
}

function ambiguityIssue(person: ResolvedPerson, mention: SpeakerMention): DocumentIssue {
  const candidates = person.ambiguousWith.map((name) => JSON.stringify(name)).join(', ');
  return {
    document_id: mention.documentId,
    stage: 'normalize',
    code: 'speaker/ambiguous',
    severity: 'warn',
    char_start: mention.charStart ?? null,
    char_end: mention.charEnd ?? null,
    message: `${JSON.stringify(mention.speakerName)} can be any of ${candidates} by the name rules; kept apart as ${person.speakerId} until the person registry says who it is`,
  };
}

function proposalOf(person: ResolvedPerson, spellings: readonly PersonName[], mentions: readonly SpeakerMention[], sources: ReadonlyMap<string, string>): PersonEntry {
  const evidence = firstMentionPerDocument(mentions)
    .map((mention): Evidence => ({
      source: sources.get(mention.documentId) ?? mention.documentId,
      document_id: mention.documentId,
      quote: (mention.speakerLabel ?? mention.speakerName ?? '').trim(),
    }))
    .sort((a, b) => compareText(a.source, b.source) || compareText(a.document_id ?? '', b.document_id ?? ''));
  const aliases = [...new Set(spellings.map((spelling) => spelling.written))].sort(compareText);
  return { speaker_id: person.speakerId, canonical_name: person.canonicalName, aliases, evidence };
}

/**
 * speaker_id, canonical name and firm_id for every mention of a corpus, with the speakers and
 * firms tables, ambiguity issues and registry proposals. A function of the set of mentions and
 * the registry: the mentions' order changes nothing but the order of `mentions` in the result.
 */
export function resolveEntities(mentions: readonly SpeakerMention[], options: ResolveOptions): EntityResolution {
  const { registry, sources = new Map() } = options;
  // Names repeat on every turn: each distinct one is parsed once.
  const names = new Map<string, PersonName | null>();
  const parsed = mentions.map((mention) => {
    const placeholder = placeholderOf(mention);
    const written = mention.speakerName ?? '';
    if (!placeholder && !names.has(written)) names.set(written, parsePersonName(written));
    const name = placeholder ? null : (names.get(written) ?? null);
    return { mention, name, placeholder: name ? null : (placeholder ?? 'unknown') };
  });
  const people = resolvePeople(
    [...names.values()].flatMap((name) => name ?? []),
    registry.people,
  );
  const firms = resolveFirms(
    mentions.flatMap((mention) => mention.speakerOrg ?? []),
    registry,
  );

  const speakers = new Map<string, SpeakerFacts>();
  const resolved = parsed.map(({ mention, name, placeholder }): ResolvedMention => {
    const person = name ? (people.byNameKey.get(name.key) ?? null) : null;
    const speakerId = person?.speakerId ?? placeholderSpeakerId[placeholder ?? 'unknown'](mention.documentId);
    const firmId = mention.speakerOrg ? (firms.idByName.get(mention.speakerOrg) ?? null) : null;
    const speaker: SpeakerFacts = speakers.get(speakerId) ?? {
      speakerId,
      canonicalName: person?.canonicalName ?? PLACEHOLDER_NAMES[placeholder ?? 'unknown'],
      person,
      labels: new Set(),
      firmIds: new Set(),
      types: new Map(),
      mentions: [],
      spellings: new Set(),
    };
    speakers.set(speakerId, speaker);
    const label = mention.speakerLabel?.trim();
    if (label) speaker.labels.add(label);
    if (firmId) speaker.firmIds.add(firmId);
    speaker.types.set(mention.speakerType, (speaker.types.get(mention.speakerType) ?? 0) + 1);
    speaker.mentions.push(mention);
    if (name) speaker.spellings.add(name);
    return { speakerId, speakerName: person?.canonicalName ?? null, firmId };
  });

  const issues: DocumentIssue[] = [];
  const proposals: PersonEntry[] = [];
  for (const { person, mentions: ofSpeaker, spellings } of speakers.values()) {
    if (person && person.ambiguousWith.length > 0) issues.push(...firstMentionPerDocument(ofSpeaker).map((mention) => ambiguityIssue(person, mention)));
    else if (person && !person.entry) proposals.push(proposalOf(person, [...spellings], ofSpeaker, sources));
  }
  const speakerRows = [...speakers.values()]
    .map(
      (speaker): SpeakerRow => ({
        speaker_id: speaker.speakerId,
        canonical_name: speaker.canonicalName,
        is_person: speaker.person !== null,
        aliases: [...speaker.labels].sort(compareText),
        speaker_type: usualType(speaker.types),
        firm_ids: [...speaker.firmIds].sort(compareText),
      }),
    )
    .sort((a, b) => compareText(a.speaker_id, b.speaker_id));
  return {
    mentions: resolved,
    speakers: speakerRows,
    firms: firms.firms,
    issues: issues.sort((a, b) => compareText(a.document_id, b.document_id) || (a.char_start ?? 0) - (b.char_start ?? 0) || compareText(a.message, b.message)),
    proposals: { people: proposals.sort((a, b) => compareText(a.speaker_id, b.speaker_id)) },
  };
}
