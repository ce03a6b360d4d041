/**
 * Screening of raw bytes before decoding: what is plainly not a text source, and a file cut in
 * the middle of a character. Pure: no I/O.
 */

import type { RejectReason } from './reject-reasons.ts';

export interface Rejection {
  reason: RejectReason;
  message: string;
}

/** File signatures of formats that are never a transcript, checked before any decoding. */
const SIGNATURES: readonly { bytes: readonly number[]; reason: RejectReason; what: string }[] = [
  { bytes: [0x1f, 0x8b], reason: 'repair/compressed', what: 'a gzip-compressed file: decompress it first' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], reason: 'repair/compressed', what: 'a zip archive: extract it first' },
  { bytes: [0x42, 0x5a, 0x68], reason: 'repair/compressed', what: 'a bzip2-compressed file: decompress it first' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], reason: 'repair/compressed', what: 'an xz-compressed file: decompress it first' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], reason: 'repair/compressed', what: 'a zstd-compressed file: decompress it first' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], reason: 'repair/binary', what: 'a PNG image, not text' },
  { bytes: [0xff, 0xd8, 0xff], reason: 'repair/binary', what: 'a JPEG image, not text' },
  { bytes: [0x47, 0x49, 0x46, 0x38], reason: 'repair/binary', what: 'a GIF image, not text' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], reason: 'repair/binary', what: 'a PDF document: convert it to text first' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], reason: 'repair/binary', what: 'an executable, not text' },
];

export function screenSignature(bytes: Uint8Array): Rejection | null {
  const match = SIGNATURES.find((signature) => signature.bytes.every((byte, index) => bytes[index] === byte));
  return match ? { reason: match.reason, message: `the file is ${match.what}` } : null;
}

/**
 * How many trailing bytes form an incomplete UTF-8 sequence (0 when none): a file cut in the
 * middle of a character. Dropping them keeps the rest decodable as UTF-8 instead of the whole
 * file falling back to another encoding.
 */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 && byte <= 0xf7 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}
