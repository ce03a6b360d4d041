/** Bytes to clean text: decode, repair mojibake, normalise, with every change located and logged. */
import type { StageIssue } from '@callset/schema';
import { decodeBytes, type Decoded, type Encoding } from './decode.ts';
import { surrogatePairs, toCodePointOffsets } from './edits.ts';
import { actingCharacters, joinSpans, linesToRepair, outsideSpans, SplicedRepair, type LineSpan } from './lines-to-repair.ts';
import { countTypography, MOJIBAKE_START } from './mojibake.ts';
import { AFTER_REPAIR, BEFORE_REPAIR, NFC_SENSITIVE } from './normalize.ts';
import { repairText, type Located } from './repair-text.ts';

export type { Encoding } from './decode.ts';

/**
 * One change made to the text. `offset` counts code points into the decoded text, the input of the
 * repair step (after the BOM, before any repair), so every change of every pass is located in one
 * text. `before` is what the changing pass saw there, `after` what it wrote.
 */
export interface Repair {
  offset: number;
  before: string;
  after: string;
  rule: string;
}

export interface RepairResult {
  /** The repaired text that every later span points into. */
  text: string;
  /** The encoding the bytes were decoded as. */
  encoding: Encoding;
  /** Mojibake and decoding repairs. */
  repairs: Repair[];
  /** Line-end and other normalizations. */
  normalizations: Repair[];
  /** Decoding problems, then one `encoding/repaired` info per repair; spans point into `text`. */
  issues: StageIssue[];
}

/** The characters some pass acts on: a line without any is passed through untouched. */
const ACTING = actingCharacters([BEFORE_REPAIR, MOJIBAKE_START, AFTER_REPAIR, NFC_SENSITIVE]);

/** Bytes to clean text: decode, repair mojibake, normalise. Pure: no I/O, never throws on bytes. */
export function repairBytes(bytes: Uint8Array): RepairResult {
  const decoded = decodeBytes(bytes);
  return repairDecoded(decoded, linesToRepair(decoded.text, ACTING.flagged, ACTING.candidates));
}

/**
 * Repair of decoded text whose lines outside `spans` are passed through untouched. Exported for the
 * test that this changes nothing: the result is the same with one span over the whole text.
 */
export function repairDecoded(decoded: Decoded, spans: readonly LineSpan[]): RepairResult {
  let typographyOutside: number | undefined;
  const typographyElsewhere = (): number => (typographyOutside ??= outsideSpans(decoded.text, spans).reduce((sum, piece) => sum + countTypography(piece), 0));
  const chain = repairText(joinSpans(decoded.text, spans), typographyElsewhere);
  const spliced = new SplicedRepair(decoded.text, spans, chain.text, chain.maps);
  const { text } = spliced;
  const located = chain.located;
  // Surrogate pairs, for code point offsets: none in the output when none in the input and none
  // in what the chain wrote (repair can make an emoji), which spares two scans of the text.
  const inputPairs = located.length + decoded.invalid.length > 0 && decoded.astral ? surrogatePairs(decoded.text) : [];
  const outputPairs = located.length + decoded.invalid.length > 0 && (inputPairs.length > 0 || surrogatePairs(chain.text).length > 0) ? surrogatePairs(text) : [];
  const inputOffsets = toCodePointOffsets(
    inputPairs,
    located.map((item) => spliced.inputOf(item.inputAt)),
  );
  const invalidSpans = decoded.invalid.map((span) => [spliced.forwardInput(span.start), spliced.forwardInput(span.end)] as const);
  const outputOffsets = toCodePointOffsets(outputPairs, [...located.flatMap((item) => [spliced.outputOf(item.outputStart, item.inputAt), spliced.outputOf(item.outputEnd, item.inputAt)]), ...invalidSpans.flat()]);
  const toRepair = (item: Located, i: number): Repair => ({ offset: inputOffsets[i] as number, before: item.before, after: item.edit.after, rule: item.edit.rule });
  const all = located.map(toRepair).map((repair, i) => ({ repair, item: located[i] as Located, i }));
  all.sort((a, b) => a.repair.offset - b.repair.offset || a.i - b.i);
  const repairs = all.filter(({ item }) => item.edit.kind === 'repair');
  // Bytes that were not valid are decoding repairs too: `before` shows them as `\xNN`.
  const decodingOffsets = toCodePointOffsets(inputPairs, decoded.invalid.map((span) => span.start));
  const decodingRepairs = decoded.invalid.map((span, k): Repair => ({ offset: decodingOffsets[k] as number, before: span.bytes, after: decoded.text.slice(span.start, span.end), rule: span.rule }));
  const invalidIssues = decoded.invalid.map((span, k): StageIssue => {
    const base = located.length * 2 + k * 2;
    return {
      code: 'encoding/invalid-bytes',
      severity: 'warn',
      char_start: outputOffsets[base] as number,
      char_end: outputOffsets[base + 1] as number,
      message: `bytes ${span.bytes} not valid ${decoded.encoding}; ${decoded.encoding === 'utf-8' ? 'read as windows-1252' : 'replaced by U+FFFD'}`,
    };
  });
  const notUtf8: StageIssue[] =
    decoded.encoding === 'windows-1252'
      ? [{ code: 'encoding/not-utf8', severity: 'info', char_start: null, char_end: null, message: 'bytes are not valid UTF-8; decoded as windows-1252' }]
      : [];
  const repairIssues = repairs.map(({ repair, i }): StageIssue => ({
    code: 'encoding/repaired',
    severity: 'info',
    char_start: outputOffsets[i * 2] as number,
    char_end: outputOffsets[i * 2 + 1] as number,
    message: `${repair.rule}: ${JSON.stringify(repair.before)} -> ${JSON.stringify(repair.after)} at input offset ${repair.offset}`,
  }));
  return {
    text,
    encoding: decoded.encoding,
    repairs: [...decodingRepairs, ...repairs.map(({ repair }) => repair)].sort((a, b) => a.offset - b.offset),
    normalizations: all.filter(({ item }) => item.edit.kind === 'normalization').map(({ repair }) => repair),
    issues: [...notUtf8, ...invalidIssues, ...repairIssues],
  };
}
