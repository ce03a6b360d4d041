import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { StageIssue } from '@callset/schema';
import { CP1252_HIGH, decodeSequence, sequenceLength } from './bytes.ts';
import { applyEdits, PassMap, toCodePointOffsets, type Edit } from './edits.ts';
import { repairMojibake } from './mojibake.ts';
import { normalizeAfter, normalizeBefore, normalizeNfc } from './normalize.ts';

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

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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

interface Decoded {
  text: string;
  encoding: Encoding;
  /** Spans of the decoded text (UTF-16) that stand for bytes that were not valid. */
  invalid: { start: number; end: number; bytes: string; rule: string }[];
}

/** Bytes as `\xNN`: what `before` shows for a decoding repair. */
const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');

/** cp1252 meaning of one high byte; the undefined ones become U+FFFD (and are reported). */
const cp1252Char = (byte: number): string => CP1252_HIGH[byte - 0x80] as string;

/** Length of the valid UTF-8 sequence at `at`, or 0. */
function validSequenceAt(buffer: Buffer, at: number): number {
  const length = sequenceLength(buffer[at] ?? 0);
  if (length === 0 || at + length > buffer.length) return 0;
  return decodeSequence(buffer.subarray(at, at + length)) < 0 ? 0 : length;
}

/**
 * UTF-8 with its invalid bytes kept: each one is read as cp1252 (a file mixing cp1252 lines into
 * UTF-8 is the usual cause) and its span reported. With no valid multi-byte sequence at all the
 * file is cp1252 (a Latin-1 file reads the same but for C1 controls, which text does not hold).
 */
function decodeUtf8(body: Buffer): Decoded {
  // Only files that are not valid UTF-8 pay for the byte walk below. (Not `TextDecoder`: it would
  // drop a second BOM silently, where `normalizeBefore` removes it and says so.)
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8', invalid: [] };
  const parts: string[] = [];
  const invalid: Decoded['invalid'] = [];
  let length = 0;
  let multiByte = 0;
  let validFrom = 0;
  const flushValid = (to: number): void => {
    const chunk = body.toString('utf8', validFrom, to);
    parts.push(chunk);
    length += chunk.length;
  };
  let at = 0;
  while (at < body.length) {
    const byte = body[at] as number;
    if (byte < 0x80) {
      at += 1;
      continue;
    }
    const valid = validSequenceAt(body, at);
    if (valid > 0) {
      multiByte += 1;
      at += valid;
      continue;
    }
    flushValid(at);
    const chars = cp1252Char(byte);
    const last = invalid.at(-1);
    if (last && last.end === length) {
      last.end += chars.length;
      last.bytes += hex(body.subarray(at, at + 1));
    } else {
      invalid.push({ start: length, end: length + chars.length, bytes: hex(body.subarray(at, at + 1)), rule: 'invalid-utf8-as-cp1252' });
    }
    parts.push(chars);
    length += chars.length;
    at += 1;
    validFrom = at;
  }
  flushValid(body.length);
  if (multiByte === 0) {
    const text = iconv.decode(body, 'win1252');
    // One byte is one character in cp1252, so text indices are byte indices.
    const undefinedBytes = Array.from(text.matchAll(/\ufffd+/g), (match) => ({ start: match.index, end: match.index + match[0].length, bytes: hex(body.subarray(match.index, match.index + match[0].length)), rule: 'undefined-cp1252-byte' }));
    return { text, encoding: 'windows-1252', invalid: undefinedBytes };
  }
  return { text: parts.join(''), encoding: 'utf-8', invalid };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function decodeBytes(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [encoding, bom] of [
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const) {
    if (buffer[0] !== bom[0] || buffer[1] !== bom[1]) continue;
    const body = buffer.subarray(2);
    const raw = iconv.decode(body, encoding);
    // A lone surrogate is no character: U+FFFD (same length, so the spans hold), reported.
    const invalid = Array.from(raw.matchAll(LONE_SURROGATE), (match) => ({ start: match.index, end: match.index + 1, bytes: hex(body.subarray(2 * match.index, 2 * match.index + 2)), rule: 'invalid-utf16' }));
    const text = raw.replace(LONE_SURROGATE, '\ufffd');
    // An odd trailing byte cannot be half of a code unit that exists: report it.
    if (body.length % 2 === 1) invalid.push({ start: text.length, end: text.length, bytes: hex(body.subarray(-1)), rule: 'invalid-utf16' });
    return { text, encoding, invalid };
  }
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return decodeUtf8(bom ? buffer.subarray(3) : buffer);
}

/** The passes, in order; the whole chain is rerun until it changes nothing (see `repairText`). */
const PASSES = [normalizeBefore, repairMojibake, normalizeAfter, normalizeNfc] as const;
/** Repair can uncover more repair (an `Ã¢` inside a contraction); two rounds settle every case we know. */
const MAX_ROUNDS = 3;
/** Rules whose edits cannot make a new mojibake pattern or change one's context: no rerun for them. */
const INERT_RULES = new Set(['line-end', 'export-escape', 'private-use-bullet']);

interface Located {
  edit: Edit;
  before: string;
  /** UTF-16 index of the change in the text that went into the repair step. */
  inputAt: number;
  /** UTF-16 span of the change in the final text. */
  outputStart: number;
  outputEnd: number;
}

/** Run every pass to a fixed point and locate each edit both in the input and in the output. */
function repairText(input: string): { text: string; located: Located[]; maps: PassMap[] } {
  const steps: { edits: Edit[]; source: string; map: PassMap }[] = [];
  let text = input;
  // NFC is the costliest pass and idempotent: after its first run it has work only where a later
  // pass edited the text.
  let editedSinceNfc = true;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const pass of PASSES) {
      if (pass === normalizeNfc && !editedSinceNfc) continue;
      const edits = pass(text);
      editedSinceNfc = pass === normalizeNfc ? false : editedSinceNfc || edits.length > 0;
      if (edits.length === 0) continue;
      steps.push({ edits, source: text, map: new PassMap(edits) });
      text = applyEdits(text, edits);
      changed ||= edits.some((edit) => !INERT_RULES.has(edit.rule));
    }
    if (!changed) break;
  }
  const maps = steps.map((step) => step.map);
  const located: Located[] = [];
  for (const [index, step] of steps.entries()) {
    let delta = 0;
    for (const edit of step.edits) {
      const outStart = edit.start + delta;
      delta += edit.after.length - (edit.end - edit.start);
      let inputAt = edit.start;
      for (let back = index - 1; back >= 0; back--) inputAt = (maps[back] as PassMap).backward(inputAt);
      let outputStart = outStart;
      let outputEnd = outStart + edit.after.length;
      for (let ahead = index + 1; ahead < maps.length; ahead++) {
        outputStart = (maps[ahead] as PassMap).forward(outputStart);
        outputEnd = (maps[ahead] as PassMap).forward(outputEnd);
      }
      located.push({ edit, before: step.source.slice(edit.start, edit.end), inputAt, outputStart, outputEnd });
    }
  }
  return { text, located, maps };
}

/** Bytes to clean text: decode, repair mojibake, normalise. Pure: no I/O, never throws on bytes. */
export function repairBytes(bytes: Uint8Array): RepairResult {
  const decoded = decodeBytes(bytes);
  const { text, located, maps } = repairText(decoded.text);
  const toOutput = (position: number): number => maps.reduce((at, map) => map.forward(at), position);
  const inputOffsets = toCodePointOffsets(decoded.text, located.map((item) => item.inputAt));
  const invalidSpans = decoded.invalid.map((span) => [toOutput(span.start), toOutput(span.end)] as const);
  const outputOffsets = toCodePointOffsets(text, [...located.flatMap((item) => [item.outputStart, item.outputEnd]), ...invalidSpans.flat()]);
  const toRepair = (item: Located, i: number): Repair => ({ offset: inputOffsets[i] as number, before: item.before, after: item.edit.after, rule: item.edit.rule });
  const all = located.map(toRepair).map((repair, i) => ({ repair, item: located[i] as Located, i }));
  all.sort((a, b) => a.repair.offset - b.repair.offset || a.i - b.i);
  const repairs = all.filter(({ item }) => item.edit.kind === 'repair');
  // Bytes that were not valid are decoding repairs too: `before` shows them as `\xNN`.
  const decodingOffsets = toCodePointOffsets(decoded.text, decoded.invalid.map((span) => span.start));
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
