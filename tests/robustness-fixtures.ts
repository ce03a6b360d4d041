/**
 * Bad inputs for the robustness suite, each made from the committed seeds so the tests need no
 * binary fixtures: every case is a few lines that say exactly what is wrong with the file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { seedsDir } from './release.ts';

/** A CapIQ transcript with characters cp1252 cannot hold (▲): only UTF-16 can carry it whole. */
export const CAPIQ_SEED = '000_a38aff60faea0394.txt';

/**
 * The good files every case is built beside: a markdown transcript, a one-line Motley Fool page
 * and the CapIQ transcript. Speakers are resolved across all documents of a build, so a twin of a
 * good file (another encoding of it) must have its original among them to change nothing.
 */
export const GOOD = ['002_77d29d239d22e634.txt', '003_8a2b0ef1bec22bbd.txt', CAPIQ_SEED] as const;
export const MARKDOWN_SEED = GOOD[0];

export async function seedText(name: string): Promise<string> {
  return readFile(join(seedsDir, name), 'utf8');
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The markdown seed with typography a cp1252 file can carry: curly apostrophes and en dashes. */
export function typographic(text: string): string {
  return text.replaceAll("'", '\u2019').replaceAll(' - ', ' \u2013 ');
}

/** UTF-16LE with its byte-order mark. */
export function utf16le(text: string): Uint8Array {
  return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
}

export function cp1252(text: string): Uint8Array {
  return iconv.encode(text, 'win1252');
}

/** A NUL byte after every 1000th character: stray bytes, not a binary file. */
export function withNuls(text: string): string {
  return text.replace(/[^]{1000}/g, (chunk) => `${chunk}\u0000`);
}

/** The UTF-8 bytes of `text`, cut after the first byte of its last multi-byte character. */
export function cutMidCharacter(text: string): { bytes: Uint8Array; keptText: string } {
  const last = text.lastIndexOf('\u2019');
  const keptText = text.slice(0, last);
  return { bytes: new Uint8Array([...utf8(keptText), ...utf8('\u2019').subarray(0, 1)]), keptText };
}

/** The first `share` of the text, ending at a space in the middle of a turn. */
export function cutOff(text: string, share: number): string {
  return text.slice(0, text.indexOf(' ', Math.floor(text.length * share)));
}

/** A markdown transcript's lines without its `**Speaker**` label lines. */
export function withoutLabels(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(?:#+\s*)?\*\*/.test(line))
    .join('\n');
}

/** Only the label lines of a markdown transcript (and the blank lines between them). */
export function labelsOnly(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() === '' || /^\s*(?:#+\s*)?\*\*/.test(line))
    .join('\n');
}

/** Signature and header chunk of a 1x1 PNG, then pixel-like bytes. */
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
  0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4,
]);

export const HTML_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><title>Tesla Q1 2024 earnings call</title></head>
<body><main><h1>Tesla Q1 2024 earnings call</h1><p>The transcript is loading…</p></main></body>
</html>
`;

export const PROSE = `The harbour was quiet that morning. Gulls circled the moored boats and the fishmonger
set out his trays of ice, as he had every morning for thirty years.

Nobody in the town remembered when the lighthouse had last been painted, and nobody minded.
`;

export function gzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes));
}

/** About `bytes` bytes on one line: the one-line Motley Fool seed repeated. */
export function oneLine(text: string, bytes: number): string {
  const line = text.replaceAll('\n', ' ');
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

export { utf8 };
