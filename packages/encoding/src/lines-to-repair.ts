/**
 * The lines the repair chain can change, so that it runs on those alone.
 *
 * Every pass acts only at characters of its own class (given to `actingCharacters`) and reads
 * context only within their line: runs of mojibake never hold a line feed, a line feed is never
 * edited but as the end of `\r\n`, and no ASCII character composes under NFC. The one exception,
 * the lossy mojibake rules' count of typographic marks in the whole document, is given the count
 * outside these lines. So the chain runs on the lines holding an acting character, joined, each
 * with the line feed before it (its first character then has the context it has in the document),
 * and every other line is passed through untouched: a clean text costs one scan, a text with a few
 * broken lines the repair of those lines.
 */
import { lastAtOrBefore, type PassMap } from './edits.ts';

/** A span of the document, `[start, end)` in UTF-16 indices. */
export interface LineSpan {
  start: number;
  end: number;
}

/**
 * Flags every UTF-16 code unit that one of `classes` matches (astral characters by their high
 * surrogate), and a regex that finds the runs of code units that may be flagged: everything but the
 * ASCII characters no class matches, so that the common ASCII text is skipped by the regex engine.
 */
export function actingCharacters(classes: readonly RegExp[]): { flagged: Uint8Array; candidates: RegExp } {
  const units = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
  const flagged = new Uint8Array(0x10000);
  for (const characterClass of classes) {
    for (const match of units.matchAll(new RegExp(characterClass.source, 'g'))) flagged[match.index] = 1;
  }
  const quietAscii = Array.from({ length: 0x80 }, (_, code) => code)
    .filter((code) => flagged[code] === 0)
    .map((code) => `\\u${code.toString(16).padStart(4, '0')}`)
    .join('');
  return { flagged, candidates: new RegExp(`[^${quietAscii}]+`, 'g') };
}

/**
 * The spans of `text` the chain must see: each line holding a flagged character, with the line
 * feed before it and the one ending it; overlapping spans (adjacent lines) merged. Linear: each
 * character is looked at by the scan, and at most once more when its line start is sought.
 */
export function linesToRepair(text: string, flagged: Uint8Array, candidates: RegExp): LineSpan[] {
  const spans: LineSpan[] = [];
  candidates.lastIndex = 0;
  for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
    const runEnd = match.index + match[0].length;
    let at = match.index;
    while (at < runEnd && flagged[text.charCodeAt(at)] === 0) at += 1;
    if (at === runEnd) continue;
    // The line feed before the line (its index), or the start of the text.
    const lineFeedBefore = text.lastIndexOf('\n', at - 1);
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd === -1 ? text.length : lineEnd + 1;
    const last = spans.at(-1);
    if (last && lineFeedBefore < last.end) last.end = end;
    else spans.push({ start: Math.max(lineFeedBefore, 0), end });
    candidates.lastIndex = end;
  }
  return spans;
}

/** Whether `spans` are the whole of `text`: then the chain runs on the text itself. */
const isWhole = (text: string, spans: readonly LineSpan[]): boolean => spans.length === 1 && spans[0]?.start === 0 && spans[0].end === text.length;

/** The joined spans: the text the chain runs on. */
export const joinSpans = (text: string, spans: readonly LineSpan[]): string => (isWhole(text, spans) ? text : spans.map((span) => text.slice(span.start, span.end)).join(''));

/** The text outside `spans`, as its pieces. */
export function outsideSpans(text: string, spans: readonly LineSpan[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const span of spans) {
    pieces.push(text.slice(at, span.start));
    at = span.end;
  }
  pieces.push(text.slice(at));
  return pieces;
}

/**
 * The document after the chain has run on its spans, joined: positions of the joined input and
 * output mapped to the document's input and output. A span's output is the forward image of its
 * input through every pass (`maps`); spans never share an edit, since each ends with a line feed
 * that survives every pass (or at the end of the document).
 */
export class SplicedRepair {
  /** Start of each span in the document's input. */
  private readonly starts: number[];
  /** Start of each span in the joined input. */
  private readonly joinedStarts: number[] = [];
  /** Start of each span's output in the joined output. */
  private readonly joinedOutStarts: number[] = [];
  /** Start of each span's output in the document's output. */
  private readonly outStarts: number[] = [];
  /** Document output length less input length, up to the end of each span. */
  private readonly shiftAfter: number[] = [];
  /** The document's output. */
  readonly text: string;

  constructor(
    input: string,
    private readonly spans: readonly LineSpan[],
    joinedOutput: string,
    private readonly maps: readonly PassMap[],
  ) {
    this.starts = spans.map((span) => span.start);
    let joinedAt = 0;
    let shift = 0;
    for (const span of spans) {
      const outStart = this.forward(joinedAt);
      this.joinedStarts.push(joinedAt);
      this.joinedOutStarts.push(outStart);
      this.outStarts.push(span.start + shift);
      joinedAt += span.end - span.start;
      shift += this.forward(joinedAt) - outStart - (span.end - span.start);
      this.shiftAfter.push(shift);
    }
    this.text = maps.length === 0 ? input : isWhole(input, spans) ? joinedOutput : this.splice(input, joinedOutput);
  }

  /** The document's output: its input outside the spans, the chain's output inside. */
  private splice(input: string, joinedOutput: string): string {
    const parts: string[] = [];
    let copiedTo = 0;
    for (const [k, span] of this.spans.entries()) {
      const outEnd = k + 1 < this.spans.length ? (this.joinedOutStarts[k + 1] as number) : joinedOutput.length;
      parts.push(input.slice(copiedTo, span.start), joinedOutput.slice(this.joinedOutStarts[k] as number, outEnd));
      copiedTo = span.end;
    }
    parts.push(input.slice(copiedTo));
    return parts.join('');
  }

  private forward(joined: number): number {
    return this.maps.reduce((at, map) => map.forward(at), joined);
  }

  /** A position of the joined input, in the document's input. */
  inputOf(joined: number): number {
    const span = lastAtOrBefore(this.joinedStarts, joined);
    return (this.starts[span] as number) + joined - (this.joinedStarts[span] as number);
  }

  /**
   * A position of the joined output, in the document's output; `joined`, a position of the joined
   * input that it comes from, says which span it belongs to (one span's output ends where the
   * next one's starts).
   */
  outputOf(joinedOutput: number, joined: number): number {
    const span = lastAtOrBefore(this.joinedStarts, joined);
    return (this.outStarts[span] as number) + joinedOutput - (this.joinedOutStarts[span] as number);
  }

  /** A position of the document's input, in its output. */
  forwardInput(position: number): number {
    const span = lastAtOrBefore(this.starts, position);
    if (span < 0) return position;
    const { start, end } = this.spans[span] as LineSpan;
    if (position >= end) return position + (this.shiftAfter[span] as number);
    const joined = (this.joinedStarts[span] as number) + position - start;
    return this.outputOf(this.forward(joined), joined);
  }
}
