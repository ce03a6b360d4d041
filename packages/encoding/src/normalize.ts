/**
 * Normalisation that keeps line structure: every pass returns edits rather than a new string, so
 * each change is counted and located. Typography is never touched (no uncurling, never NFKC).
 */
import type { Edit } from './edits.ts';

const normalization = (start: number, end: number, after: string, rule: string): Edit => ({ start, end, after, rule, kind: 'normalization' });

/**
 * Before mojibake repair: line ends to `\n`; C0 controls (but tab and line feed), DEL and
 * zero-width characters removed. C1 controls and the soft hyphen stay for now: they may be bytes
 * of mojibake (`Ã` + U+00AD is `í`); `normalizeAfter` removes what repair left of them.
 * U+200C/U+200D stay too: they carry meaning in Persian and in emoji sequences.
 */
const BEFORE = /\r\n?|[\u2028\u2029]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\u200b\u2060\ufeff]/g;

export function normalizeBefore(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(BEFORE)) {
    const found = match[0];
    const start = match.index;
    const lineEnd = found.startsWith('\r') || found === '\u2028' || found === '\u2029';
    const control = found.charCodeAt(0) < 0x20 || found === '\u007f';
    edits.push(normalization(start, start + found.length, lineEnd ? '\n' : '', lineEnd ? 'line-end' : control ? 'control-character' : 'zero-width'));
  }
  return edits;
}

/**
 * After mojibake repair: C1 controls and soft hyphens still left removed; odd spaces (U+00A0, U+2000..U+200A...)
 * inside a line to a space, while a line holding only whitespace keeps it (forum threads mark
 * posts with lines holding only U+00A0); the private-use bullet U+F0B7 of Word's Symbol font to
 * `•`; export escapes `\$`, `\%`, `\&` to the bare sign (never Markdown's structural `\*`, `\_`).
 */
const AFTER = /[\u0080-\u009f\u00ad]|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|\uf0b7|(?<!\\)\\[$%&]/g;

export function normalizeAfter(text: string): Edit[] {
  const edits: Edit[] = [];
  // The line of the last match, cached so that a line full of odd spaces is scanned once.
  let lineStart = -1;
  let lineEnd = -1;
  let lineBlank = false;
  for (const match of text.matchAll(AFTER)) {
    const found = match[0];
    const start = match.index;
    const code = found.charCodeAt(0);
    const c1 = code >= 0x80 && code <= 0x9f;
    if (c1 || found === '\u00ad') {
      edits.push(normalization(start, start + 1, '', c1 ? 'control-character' : 'zero-width'));
    } else if (found === '\uf0b7') {
      edits.push(normalization(start, start + 1, '•', 'private-use-bullet'));
    } else if (found.startsWith('\\')) {
      edits.push(normalization(start, start + 2, found.slice(1), 'export-escape'));
    } else {
      if (start >= lineEnd) {
        lineStart = text.lastIndexOf('\n', start) + 1;
        const next = text.indexOf('\n', start);
        lineEnd = next === -1 ? text.length : next;
        lineBlank = text.slice(lineStart, lineEnd).trim() === '';
      }
      if (!lineBlank) edits.push(normalization(start, start + 1, ' ', 'odd-space'));
    }
  }
  return edits;
}

/**
 * NFC, located: a stretch of non-ASCII characters with the character before it is normalised on
 * its own. That is exact because no ASCII character composes with what precedes it.
 */
const NON_ASCII_STRETCH = /[^\u0000-\u007f]+/g;

export function normalizeNfc(text: string): Edit[] {
  if (text.normalize('NFC') === text) return [];
  const edits: Edit[] = [];
  for (const match of text.matchAll(NON_ASCII_STRETCH)) {
    const start = Math.max(0, match.index - 1);
    const end = match.index + match[0].length;
    const segment = text.slice(start, end);
    const composed = segment.normalize('NFC');
    if (composed !== segment) edits.push(normalization(start, end, composed, 'nfc'));
  }
  return edits;
}
