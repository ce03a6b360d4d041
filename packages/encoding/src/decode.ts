/**
 * Bytes to text: UTF-16 by its BOM, else UTF-8 with its invalid bytes read as cp1252, else cp1252.
 * Nothing is dropped: every byte that was not valid is a span of `invalid`.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { CP1252_HIGH, decodeSequence, sequenceLength } from './bytes.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Spans of the decoded text (UTF-16) that stand for bytes that were not valid. */
  invalid: { start: number; end: number; bytes: string; rule: string }[];
  /** Whether the text may hold characters past U+FFFF (surrogate pairs): false spares a scan for them. */
  astral: boolean;
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
  // Only a four-byte sequence, led by 0xF0..0xF4, decodes past U+FFFF; memchr finds those bytes fast.
  const astral = [0xf0, 0xf1, 0xf2, 0xf3, 0xf4].some((lead) => body.includes(lead));
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8', invalid: [], astral };
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
    return { text, encoding: 'windows-1252', invalid: undefinedBytes, astral: false };
  }
  return { text: parts.join(''), encoding: 'utf-8', invalid, astral };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function decodeBytes(bytes: Uint8Array): Decoded {
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
    return { text, encoding, invalid, astral: true };
  }
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return decodeUtf8(bom ? buffer.subarray(3) : buffer);
}
