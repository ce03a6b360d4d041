import type { Section, SpeakerType } from '@callset/schema';
import { buildTurns, type BuiltTurns, type Piece } from './turn-builder.ts';

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

/** A span that is not speech (header, participant list, trailer), in UTF-16 offsets. */
export interface SetAside {
  start: number;
  end: number;
  code: string;
  message: string;
}

/** A section heading or marker and the section it opens. */
export interface SectionMark {
  start: number;
  end: number;
  section: Section;
}

/**
 * A parser's reading of a text whose labels sit anywhere in a line (Seeking Alpha, Motley Fool):
 * the spans of labels, headings and set-aside matter; everything between them is speech.
 */
export interface SpanLayout {
  labels: readonly SpeakerLabel[];
  setAside: readonly SetAside[];
  sections: readonly SectionMark[];
  /** What separates two paragraphs of speech, a global regex: a line end, or a run of spaces on a flattened page. */
  paragraphBreak: RegExp;
}

/**
 * Turns from a span layout: the speech between labels, headings and set-aside spans is cut into
 * paragraphs at `paragraphBreak` and handed, with the rest, to the one turn builder. Spans that
 * overlap one already taken are ignored.
 */
export function buildTurnsFromLayout(text: string, layout: SpanLayout): BuiltTurns {
  const boundaries: Piece[] = [
    ...layout.labels.map(({ start, end, label, name, role, org, speakerType }): Piece => ({ kind: 'label', start, end, speaker: { label, name, role, org, type: speakerType } })),
    ...layout.setAside.map(({ start, end, code, message }): Piece => ({ kind: 'aside', start, end, code, message })),
    ...layout.sections.map(({ start, end, section }): Piece => ({ kind: 'section', start, end, section })),
  ].sort((a, b) => spanOf(a)[0] - spanOf(b)[0] || spanOf(a)[1] - spanOf(b)[1]);
  const pieces: Piece[] = [];
  let cursor = 0;
  const speech = (from: number, to: number) => {
    const raw = text.slice(from, to);
    let at = 0;
    const paragraph = (end: number) => {
      const part = raw.slice(at, end);
      const lead = part.length - part.trimStart().length;
      const trimmed = part.trim();
      if (trimmed !== '') pieces.push({ kind: 'speech', start: from + at + lead, end: from + at + lead + trimmed.length });
    };
    for (const match of raw.matchAll(layout.paragraphBreak)) {
      paragraph(match.index);
      pieces.push({ kind: 'break' });
      at = match.index + match[0].length;
    }
    paragraph(raw.length);
  };
  for (const boundary of boundaries) {
    const [start, end] = spanOf(boundary);
    if (start < cursor) continue;
    speech(cursor, start);
    pieces.push(boundary);
    cursor = end;
  }
  speech(cursor, text.length);
  return buildTurns(text, pieces);
}

function spanOf(piece: Piece): [number, number] {
  return piece.kind === 'break' ? [0, 0] : [piece.start, piece.end];
}
