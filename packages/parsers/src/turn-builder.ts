import type { Section, SpeakerType, StageIssue } from '@callset/schema';
import type { ParsedTurn } from './types.ts';
import { codePointOffsets } from './text.ts';

/** Who a label names, as the document writes it. */
export interface Speaker {
  /** The label as written, without markup, footers or role line. */
  label: string;
  /** Null for a label that names nobody (`Unknown speaker`). */
  name: string | null;
  role: string | null;
  org: string | null;
  type: SpeakerType;
}

/**
 * A parser's reading of the text, in order, in UTF-16 offsets. `speech` is one trimmed line of
 * speech; `break` a blank line; `aside` anything set aside (footer, header, boilerplate).
 */
export type Piece =
  | { kind: 'label'; start: number; end: number; speaker: Speaker }
  | { kind: 'speech'; start: number; end: number }
  | { kind: 'break' }
  | { kind: 'section'; start: number; end: number; section: Section }
  | { kind: 'aside'; start: number; end: number; code: string; message: string };

export interface BuiltTurns {
  turns: ParsedTurn[];
  issues: StageIssue[];
  /** Whether the source marks where its Q&A begins (else the parser infers it). */
  qaMarked: boolean;
}

interface Paragraph {
  lines: { start: number; end: number }[];
}

interface Draft {
  speaker: Speaker | null;
  section: Section;
  labelSpans: [number, number][];
  paragraphs: Paragraph[];
  newParagraph: boolean;
}

// Markdown-style backslash escapes (`\$`): the backslash is markup, not speech.
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
// Transcriber notes such as [Technical Difficulty], [indiscernible], [ph]: kept inline, listed as issues.
const NOTE = /\[[^[\]\n]{1,80}\]/g;
const SENTENCE_END = /[.?!…:;"”’)\]*]$/;

/**
 * Whether a paragraph break falls mid-sentence (a page break): the paragraph before ends without
 * sentence punctuation and, when it trails off with a dash, the next starts in lower case.
 */
function continuesSentence(before: string, after: string): boolean {
  if (before === '' || after === '') return false;
  if (SENTENCE_END.test(before)) return false;
  const startsLower = /^\p{Ll}/u.test(after);
  if (/[-–—]$/.test(before)) return startsLower;
  return /[\p{L}\p{N},]$/u.test(before);
}

const sameSpeaker = (a: Speaker | null, b: Speaker) => a !== null && (a.name ?? a.label).toLowerCase() === (b.name ?? b.label).toLowerCase();

/**
 * Groups the pieces into turns. A label starts a turn unless it names the speaker of the turn in
 * progress (a repeated label continues it); speech before any label is a turn of an unknown speaker.
 * Spans cover the speech only; labels and set-aside pieces stay outside the text.
 */
export function buildTurns(text: string, pieces: readonly Piece[]): BuiltTurns {
  const toPoint = codePointOffsets(text);
  const turns: ParsedTurn[] = [];
  const issues: StageIssue[] = [];
  const issue = (start: number, end: number, code: string, severity: StageIssue['severity'], message: string) =>
    issues.push({ code, severity, char_start: toPoint(start), char_end: toPoint(end), message });
  let section: Section = 'presentation';
  let qaMarked = false;
  let draft: Draft | null = null;

  const finish = () => {
    if (!draft) return;
    const done = draft;
    draft = null;
    const first = done.paragraphs[0]?.lines[0];
    const lastParagraph = done.paragraphs[done.paragraphs.length - 1];
    const last = lastParagraph?.lines[lastParagraph.lines.length - 1];
    if (!first || !last) {
      for (const [start, end] of done.labelSpans) issue(start, end, 'parse/empty-turn', 'warn', `label "${done.speaker?.label ?? ''}" is followed by no speech`);
      return;
    }
    let body = '';
    let previous: { text: string; end: number } | null = null;
    for (const paragraph of done.paragraphs) {
      const lineTexts = paragraph.lines.map((line) => {
        const raw = text.slice(line.start, line.end);
        for (const match of raw.matchAll(NOTE)) {
          issue(line.start + match.index, line.start + match.index + match[0].length, 'parse/bracketed-note', 'info', `transcriber note ${match[0]} kept inline`);
        }
        for (const match of raw.matchAll(ESCAPE)) {
          issue(line.start + match.index, line.start + match.index + 1, 'parse/unescaped', 'info', `backslash before "${match[1] ?? ''}" removed`);
        }
        return raw.replace(ESCAPE, '$1');
      });
      const paragraphText = lineTexts.join(' ');
      const start = paragraph.lines[0]?.start ?? 0;
      if (previous && continuesSentence(previous.text, paragraphText)) {
        issue(previous.end, start, 'parse/page-break-joined', 'info', 'paragraph broken mid-sentence joined back');
        body += ` ${paragraphText}`;
      } else {
        body += previous ? `\n${paragraphText}` : paragraphText;
      }
      previous = { text: paragraphText, end: paragraph.lines[paragraph.lines.length - 1]?.end ?? start };
    }
    const speaker = done.speaker;
    turns.push({
      speakerLabel: speaker?.label ?? null,
      speakerName: speaker?.name ?? null,
      speakerRole: speaker?.role ?? null,
      speakerOrg: speaker?.org ?? null,
      speakerType: speaker?.type ?? 'unknown',
      section: done.section,
      text: body,
      charStart: toPoint(first.start),
      charEnd: toPoint(last.end),
      replyTo: [],
      labelSpans: done.labelSpans.map(([start, end]) => ({ charStart: toPoint(start), charEnd: toPoint(end) })),
    });
  };

  for (const piece of pieces) {
    switch (piece.kind) {
      case 'label':
        if (draft && sameSpeaker(draft.speaker, piece.speaker)) {
          draft.labelSpans.push([piece.start, piece.end]);
          draft.newParagraph = true;
        } else {
          finish();
          draft = { speaker: piece.speaker, section, labelSpans: [[piece.start, piece.end]], paragraphs: [], newParagraph: true };
        }
        break;
      case 'speech': {
        draft ??= { speaker: null, section, labelSpans: [], paragraphs: [], newParagraph: true };
        const current = draft.paragraphs[draft.paragraphs.length - 1];
        if (draft.newParagraph || !current) draft.paragraphs.push({ lines: [{ start: piece.start, end: piece.end }] });
        else current.lines.push({ start: piece.start, end: piece.end });
        draft.newParagraph = false;
        break;
      }
      case 'break':
        if (draft) draft.newParagraph = true;
        break;
      case 'section':
        finish();
        section = piece.section;
        if (section === 'qa') qaMarked = true;
        issue(piece.start, piece.end, 'parse/section-heading', 'info', `section heading (${piece.section})`);
        break;
      case 'aside':
        issue(piece.start, piece.end, piece.code, 'info', piece.message);
        break;
    }
  }
  finish();
  return { turns, issues, qaMarked };
}
