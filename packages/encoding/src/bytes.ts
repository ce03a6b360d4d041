import iconv from 'iconv-lite';

/**
 * What a cp1252 or Latin-1 decoder made of each high byte, and back. Built from iconv-lite at load
 * time rather than typed in, so the round trips are exactly the decoders' own.
 */

/** cp1252 decoding of bytes 0x80..0xFF; U+FFFD for the five bytes cp1252 leaves undefined. */
export const CP1252_HIGH = iconv.decode(Buffer.from(Array.from({ length: 0x80 }, (_, i) => 0x80 + i)), 'win1252');

/** Code unit -> the byte a cp1252 or Latin-1 decoder produced it from, 0 when none. */
export const BYTE_OF = new Uint8Array(0x10000);
for (let byte = 0x80; byte <= 0xff; byte++) {
  // Latin-1 maps every byte to the same code point (this covers the C1 controls 0x80..0x9F)...
  BYTE_OF[byte] = byte;
  // ...and cp1252 puts printable characters on most of 0x80..0x9F.
  const code = CP1252_HIGH.charCodeAt(byte - 0x80);
  if (code !== 0xfffd) BYTE_OF[code] = byte;
}

/** Length of the UTF-8 sequence a lead byte starts; 0 for anything that cannot lead one. */
export function sequenceLength(byte: number): number {
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

export const isContinuation = (byte: number): boolean => byte >= 0x80 && byte <= 0xbf;

/** Decode one complete UTF-8 sequence, or -1 when it is overlong, a surrogate or out of range. */
export function decodeSequence(bytes: ArrayLike<number>): number {
  const lead = bytes[0] ?? 0;
  const second = bytes[1] ?? 0;
  if (bytes.length < 2) return -1;
  // The second byte's range is what rules out overlong forms, surrogates and code points past U+10FFFF.
  if (lead === 0xe0 && second < 0xa0) return -1;
  if (lead === 0xed && second > 0x9f) return -1;
  if (lead === 0xf0 && second < 0x90) return -1;
  if (lead === 0xf4 && second > 0x8f) return -1;
  let code = bytes.length === 2 ? lead & 0x1f : bytes.length === 3 ? lead & 0x0f : lead & 0x07;
  for (let i = 1; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (!isContinuation(byte)) return -1;
    code = (code << 6) | (byte & 0x3f);
  }
  return code;
}
