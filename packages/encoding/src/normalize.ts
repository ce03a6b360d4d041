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
export const BEFORE_REPAIR = /[\r\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u2060\ufeff]/g;

export function normalizeBefore(text: string): Edit[] {
  const edits: Edit[] = [];
  // One character class, not an alternation: V8 scans a class over the whole text far faster.
  BEFORE_REPAIR.lastIndex = 0;
  for (let match = BEFORE_REPAIR.exec(text); match; match = BEFORE_REPAIR.exec(text)) {
    const start = match.index;
    const code = text.charCodeAt(start);
    if (code === 0x0d || code === 0x2028 || code === 0x2029) {
      const end = code === 0x0d && text.charCodeAt(start + 1) === 0x0a ? start + 2 : start + 1;
      edits.push(normalization(start, end, '\n', 'line-end'));
      BEFORE_REPAIR.lastIndex = end;
    } else {
      edits.push(normalization(start, start + 1, '', code < 0x20 || code === 0x7f ? 'control-character' : 'zero-width'));
    }
  }
  return edits;
}

/**
 * After mojibake repair: C1 controls and soft hyphens still left removed; odd spaces (U+00A0, U+2000..U+200A...)
 * inside a line to a space, while a line holding only whitespace keeps it (forum threads mark
 * posts with lines holding only U+00A0); the private-use bullet U+F0B7 of Word's Symbol font to
 * `•`; export escapes `\$`, `\%`, `\&` to the bare sign (never Markdown's structural `\*`, `\_`).
 */
export const AFTER_REPAIR = /[\u0080-\u009f\u00a0\u00ad\u1680\u2000-\u200a\u202f\u205f\u3000\uf0b7\\]/g;
const ESCAPED = new Set(['$', '%', '&']);

export function normalizeAfter(text: string): Edit[] {
  const edits: Edit[] = [];
  // The line of the last odd space, cached so that a line full of odd spaces is scanned once.
  let lineStart = -1;
  let lineEnd = -1;
  let lineBlank = false;
  AFTER_REPAIR.lastIndex = 0;
  for (let match = AFTER_REPAIR.exec(text); match; match = AFTER_REPAIR.exec(text)) {
    const start = match.index;
    const code = text.charCodeAt(start);
    if ((code >= 0x80 && code <= 0x9f) || code === 0xad) {
      edits.push(normalization(start, start + 1, '', code === 0xad ? 'zero-width' : 'control-character'));
    } else if (code === 0xf0b7) {
      edits.push(normalization(start, start + 1, '•', 'private-use-bullet'));
    } else if (code === 0x5c) {
      // A backslash escapes the sign after it unless it is itself escaped (`\\$` stays).
      const sign = text.charAt(start + 1);
      if (ESCAPED.has(sign) && text.charCodeAt(start - 1) !== 0x5c) {
        edits.push(normalization(start, start + 2, sign, 'export-escape'));
        AFTER_REPAIR.lastIndex = start + 2;
      }
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
 * Characters that can make a text not NFC: a superset of those with a non-zero combining class or
 * an NFC quick-check value other than Yes (marks, Hangul vowels and final consonants, singletons
 * such as U+212B and U+2000, the CJK compatibility ideographs), coarse ranges kept few because
 * V8 scans a short class far faster than ICU normalises. A text with none of them is NFC
 * (UAX #15, quick check), so ICU runs only on text that has one. Astral characters are matched by
 * their high surrogate: U+10000..U+1EFFF, U+2F800..U+2FBFF and U+E0000..U+E03FF. A test checks
 * the class against every code point of the running ICU.
 */
export const NFC_SENSITIVE = /[\u0300-\u1fff\u2000\u2001\u20d0-\u20ff\u2126\u212a\u212b\u2329\u232a\u2adc\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099\u309a\ua66f-\uabff\uf900-\ufb4f\ufe00-\ufe0f\ufe20-\ufe2f\ud800-\ud83b\ud87e\udb40]/;

/**
 * NFC, located: a stretch of non-ASCII characters with the character before it is normalised on
 * its own. That is exact because no ASCII character composes with what precedes it.
 */
const NON_ASCII_STRETCH = /[^\u0000-\u007f]+/g;

export function normalizeNfc(text: string): Edit[] {
  if (!NFC_SENSITIVE.test(text) || text.normalize('NFC') === text) return [];
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
