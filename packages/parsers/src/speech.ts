import type { SpeakerType, StageIssue } from '@callset/schema';
import type { ParsedTurn } from './types.ts';
import { codePointCursor } from './text.ts';

/** A speaker label found in the text; [start, end) is the label itself, in UTF-16 offsets. */
export interface SpeakerLabel {
  start: number;
  end: number;
  label: string;
  name: string | null;
  role: string | null;
  org: string | null;
  speakerType: SpeakerType;
}

/** A span that is not speech (header, participant list, heading, trailer), in UTF-16 offsets. */
export interface SetAside {
  start: number;
  end: number;
  code: string;
  message: string;
}

export interface SpeechLayout {
  /** Sorted by start, not overlapping each other or the set-aside spans. */
  labels: readonly SpeakerLabel[];
  setAside: readonly SetAside[];
  /** Where a Q&A heading or marker stands, or null when the source has none. */
  qaStart: number | null;
  /** Raw speech (already trimmed) to utterance text. */
  toText: (raw: string) => string;
}

export interface SpeechResult {
  turns: ParsedTurn[];
  issues: StageIssue[];
}

const NOTE = /\[[^[\]\n]{1,80}\]/g;
const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/**
 * Cuts the text into turns: speech runs from the end of a label (or set-aside span) to the next
 * label (or set-aside span). The same speaker labelled again with nobody between continues the
 * turn; speech before any label is a turn of an unknown speaker. Spans cover the speech only.
 */
export function buildTurns(text: string, layout: SpeechLayout): SpeechResult {
  type Boundary = { start: number; end: number; label: SpeakerLabel | null; aside: SetAside | null };
  const boundaries: Boundary[] = [
    ...layout.labels.map((label) => ({ start: label.start, end: label.end, label, aside: null })),
    ...layout.setAside.map((aside) => ({ start: aside.start, end: aside.end, label: null, aside })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: { start: number; end: number; label: SpeakerLabel | null; continues: boolean; labelSpans: SpeakerLabel[] }[] = [];
  let labelSpans: SpeakerLabel[] = [];
  const noteSpans: { start: number; end: number; note: string }[] = [];
  const emptyLabels: SpeakerLabel[] = [];
  const sectionAt = (offset: number) => (layout.qaStart !== null && offset >= layout.qaStart ? 'qa' : 'presentation');
  let speaker: SpeakerLabel | null = null;
  let spoke = true;
  let cursor = 0;
  const flush = (until: number) => {
    let start = cursor;
    let end = until;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (start === end) return;
    const previous = pieces[pieces.length - 1];
    const continues = previous !== undefined && sameSpeaker(previous.label, speaker) && sectionAt(previous.start) === sectionAt(start);
    pieces.push({ start, end, label: speaker, continues, labelSpans });
    labelSpans = [];
    for (const match of text.slice(start, end).matchAll(NOTE)) {
      noteSpans.push({ start: start + match.index, end: start + match.index + match[0].length, note: match[0] });
    }
    spoke = true;
  };
  for (const boundary of boundaries) {
    if (boundary.start < cursor) continue;
    flush(boundary.start);
    if (boundary.label) {
      // Labels with no speech after them, before another speaker's: each one is an empty turn.
      if (!spoke && speaker && !sameSpeaker(speaker, boundary.label)) {
        emptyLabels.push(...labelSpans);
        labelSpans = [];
      }
      speaker = boundary.label;
      labelSpans.push(boundary.label);
      spoke = false;
    }
    cursor = boundary.end;
  }
  flush(text.length);
  if (!spoke) emptyLabels.push(...labelSpans);

  const toCodePoints = codePointCursor(text);
  const turns: ParsedTurn[] = [];
  const issues: StageIssue[] = [];
  // Issues and turns are converted in one ordered pass over all offsets.
  type Offsetted = { at: number; apply: (codePoint: number) => void };
  const conversions: Offsetted[] = [];
  for (const piece of pieces) {
    const rawText = layout.toText(text.slice(piece.start, piece.end));
    const previous = turns[turns.length - 1];
    const addLabelSpans = (turn: ParsedTurn) => {
      for (const label of piece.labelSpans) {
        const span = { charStart: 0, charEnd: 0 };
        (turn.labelSpans ??= []).push(span);
        conversions.push({ at: label.start, apply: (cp) => (span.charStart = cp) });
        conversions.push({ at: label.end, apply: (cp) => (span.charEnd = cp) });
      }
    };
    if (piece.continues && previous) {
      previous.text = `${previous.text}\n${rawText}`;
      addLabelSpans(previous);
      conversions.push({ at: piece.end, apply: (cp) => (previous.charEnd = cp) });
      continue;
    }
    const label = piece.label;
    const turn: ParsedTurn = {
      speakerLabel: label?.label ?? null,
      speakerName: label?.name ?? null,
      speakerRole: label?.role ?? null,
      speakerOrg: label?.org ?? null,
      speakerType: label?.speakerType ?? 'unknown',
      section: sectionAt(piece.start),
      text: rawText,
      charStart: 0,
      charEnd: 0,
      replyTo: [],
    };
    turns.push(turn);
    addLabelSpans(turn);
    conversions.push({ at: piece.start, apply: (cp) => (turn.charStart = cp) });
    conversions.push({ at: piece.end, apply: (cp) => (turn.charEnd = cp) });
  }
  const spanIssue = (start: number, end: number, code: string, severity: StageIssue['severity'], message: string) => {
    const issue: StageIssue = { code, severity, char_start: 0, char_end: 0, message };
    issues.push(issue);
    conversions.push({ at: start, apply: (cp) => (issue.char_start = cp) });
    conversions.push({ at: end, apply: (cp) => (issue.char_end = cp) });
  };
  for (const aside of layout.setAside) spanIssue(aside.start, aside.end, aside.code, 'info', aside.message);
  for (const note of noteSpans) spanIssue(note.start, note.end, 'parse/bracketed-note', 'info', `bracketed note ${note.note} kept inline`);
  for (const label of emptyLabels) spanIssue(label.start, label.end, 'parse/empty-turn', 'warn', `label "${label.label}" is followed by no speech`);
  conversions.sort((a, b) => a.at - b.at);
  for (const conversion of conversions) conversion.apply(toCodePoints(conversion.at));
  issues.sort((a, b) => (a.char_start ?? 0) - (b.char_start ?? 0) || (a.char_end ?? 0) - (b.char_end ?? 0));
  return { turns, issues };
}

function sameSpeaker(a: SpeakerLabel | null, b: SpeakerLabel | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && a.speakerType === b.speakerType && a.org === b.org;
}
