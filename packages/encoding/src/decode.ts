import iconv from 'iconv-lite';
import type { StageIssue } from '@callset/schema';

/** One change made to the text: where (code points into the input text), what it was, what it became, and why. */
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
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Mojibake and decoding repairs. */
  repairs: Repair[];
  /** Line-end and other normalizations. */
  normalizations: Repair[];
  issues: StageIssue[];
}

function decodeBytes(bytes: Uint8Array): Pick<RepairResult, 'text' | 'encoding' | 'issues'> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le', issues: [] };
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be', issues: [] };
  }
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', issues: [] };
  } catch {
    return {
      text: iconv.decode(body, 'win1252'),
      encoding: 'windows-1252',
      issues: [
        {
          code: 'encoding/not-utf8',
          severity: 'info',
          char_start: null,
          char_end: null,
          message: 'bytes are not valid UTF-8; decoded as windows-1252',
        },
      ],
    };
  }
}

/** Line ends to LF; the only normalization the text itself gets, so spans stay meaningful. */
export function normalizeLineEnds(text: string): { text: string; normalizations: Repair[] } {
  const normalizations: Repair[] = [];
  let offset = 0;
  const out = text.replace(/\r\n?/g, (match, index: number) => {
    normalizations.push({ offset: index - offset, before: match, after: '\n', rule: 'line-end' });
    offset += match.length - 1;
    return '\n';
  });
  return { text: out, normalizations };
}

/** Bytes to clean text: decode, then normalize line ends. Pure: no I/O. */
export function repairBytes(bytes: Uint8Array): RepairResult {
  const decoded = decodeBytes(bytes);
  const normalized = normalizeLineEnds(decoded.text);
  return {
    text: normalized.text,
    encoding: decoded.encoding,
    repairs: [],
    normalizations: normalized.normalizations,
    issues: decoded.issues,
  };
}
