import { placeholderSpeakerId, slugify, type FirmRow, type SpeakerRow, type SpeakerType } from '@callset/schema';

/** The speaker facts of one turn, as a parser found them. */
export interface SpeakerMention {
  speakerName: string | null;
  speakerLabel: string | null;
  speakerOrg: string | null;
  speakerType: SpeakerType;
}

export interface ResolvedSpeaker {
  speakerId: string;
  canonicalName: string | null;
  firmId: string | null;
}

export interface SpeakerResolution {
  perTurn: ResolvedSpeaker[];
  speakers: SpeakerRow[];
  firms: FirmRow[];
}

/** Firm names as documents write them: "Morgan Stanley, Research Division" is Morgan Stanley. */
export function canonicalFirmName(org: string): string {
  return org.replace(/,?\s*Research Division\s*$/i, '').trim();
}

function placeholderFor(documentId: string, mention: SpeakerMention): string | null {
  if (mention.speakerType === 'operator') return placeholderSpeakerId.operator(documentId);
  if (mention.speakerType === 'forum_member' && !mention.speakerName) return placeholderSpeakerId.forumMember(documentId);
  if (!mention.speakerName) return placeholderSpeakerId.unknown(documentId);
  return null;
}

/** Speaker and firm ids for every turn of one document, and the registry rows they imply. */
export function resolveSpeakers(documentId: string, mentions: readonly SpeakerMention[]): SpeakerResolution {
  const speakers = new Map<string, SpeakerRow>();
  const firms = new Map<string, FirmRow>();
  const perTurn = mentions.map((mention): ResolvedSpeaker => {
    const firmName = mention.speakerOrg ? canonicalFirmName(mention.speakerOrg) : null;
    const firmId = firmName ? slugify(firmName) || null : null;
    if (firmId && firmName) {
      const firm = firms.get(firmId) ?? { firm_id: firmId, canonical_name: firmName, aliases: [], successor_firm_id: null };
      if (mention.speakerOrg && !firm.aliases.includes(mention.speakerOrg)) firm.aliases.push(mention.speakerOrg);
      firms.set(firmId, firm);
    }
    const placeholder = placeholderFor(documentId, mention);
    const speakerId = placeholder ?? (slugify(mention.speakerName ?? '') || placeholderSpeakerId.unknown(documentId));
    const canonicalName = placeholder ? null : (mention.speakerName ?? null);
    const row = speakers.get(speakerId) ?? {
      speaker_id: speakerId,
      canonical_name: canonicalName ?? speakerId.split('@')[0] ?? speakerId,
      is_person: placeholder === null,
      aliases: [],
      speaker_type: mention.speakerType,
      firm_ids: [],
    };
    if (mention.speakerLabel && !row.aliases.includes(mention.speakerLabel)) row.aliases.push(mention.speakerLabel);
    if (firmId && !row.firm_ids.includes(firmId)) row.firm_ids.push(firmId);
    speakers.set(speakerId, row);
    return { speakerId, canonicalName, firmId };
  });
  return { perTurn, speakers: [...speakers.values()], firms: [...firms.values()] };
}

/** Merges the registry rows of many documents: aliases and firm ids are unioned, sorted. */
export function mergeRegistries(parts: readonly Pick<SpeakerResolution, 'speakers' | 'firms'>[]): Pick<SpeakerResolution, 'speakers' | 'firms'> {
  const speakers = new Map<string, SpeakerRow>();
  const firms = new Map<string, FirmRow>();
  for (const part of parts) {
    for (const speaker of part.speakers) {
      const existing = speakers.get(speaker.speaker_id);
      speakers.set(
        speaker.speaker_id,
        existing
          ? { ...existing, aliases: union(existing.aliases, speaker.aliases), firm_ids: union(existing.firm_ids, speaker.firm_ids) }
          : { ...speaker, aliases: union([], speaker.aliases), firm_ids: union([], speaker.firm_ids) },
      );
    }
    for (const firm of part.firms) {
      const existing = firms.get(firm.firm_id);
      firms.set(firm.firm_id, existing ? { ...existing, aliases: union(existing.aliases, firm.aliases) } : { ...firm, aliases: union([], firm.aliases) });
    }
  }
  return { speakers: [...speakers.values()], firms: [...firms.values()] };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
