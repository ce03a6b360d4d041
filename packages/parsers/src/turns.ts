import type { Section, SpeakerType } from '@callset/schema';
import type { Participant, ParsedTurn } from './types.ts';
import { codePointOffsets } from './text.ts';

/** A speaker label found in the text, in UTF-16 offsets. */
export interface LabelHit {
  start: number;
  /** Where the speech starts (after the label and any role line). */
  bodyStart: number;
  label: string;
  name: string;
  role: string | null;
  org: string | null;
  speakerType: SpeakerType;
}

export interface SectionMark {
  start: number;
  section: Section;
}

const OPERATOR = /^operator$/i;

/** Speaker type of a name: the participant list decides, else the operator label, else unknown. */
export function speakerTypeOf(name: string, participants: readonly Participant[]): SpeakerType {
  if (OPERATOR.test(name.trim())) return 'operator';
  const match = participants.find((participant) => participant.name === name);
  return match?.speakerType ?? 'unknown';
}

/**
 * Cuts the text into turns at the label hits: each turn runs from its label to the next label
 * (or `end`). `cleanBody` turns the raw speech into the utterance text.
 */
export function turnsFromLabels(
  text: string,
  hits: readonly LabelHit[],
  sections: readonly SectionMark[],
  end: number,
  cleanBody: (raw: string) => string,
): ParsedTurn[] {
  const toCodePoints = codePointOffsets(text);
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const turns: ParsedTurn[] = [];
  sorted.forEach((hit, index) => {
    const next = sorted[index + 1];
    const turnEnd = Math.min(next ? next.start : end, end);
    if (turnEnd <= hit.start) return;
    const sectionMark = [...sections].reverse().find((mark) => mark.start <= hit.start);
    const rawBody = text.slice(Math.min(hit.bodyStart, turnEnd), turnEnd);
    let spanEnd = turnEnd;
    while (spanEnd > hit.start && /\s/.test(text[spanEnd - 1] ?? '')) spanEnd--;
    turns.push({
      speakerLabel: hit.label,
      speakerName: hit.name,
      speakerRole: hit.role,
      speakerOrg: hit.org,
      speakerType: hit.speakerType,
      section: sectionMark?.section ?? 'presentation',
      text: cleanBody(rawBody),
      charStart: toCodePoints(hit.start),
      charEnd: toCodePoints(spanEnd),
      replyTo: [],
    });
  });
  return turns;
}
