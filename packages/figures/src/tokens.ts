/** A word, a number or one punctuation character of a text; offsets in UTF-16 units. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
  /** The gap before this token holds a line break (a clause boundary). */
  newline: boolean;
}

const LETTER = /\p{L}|\p{M}/u;
const SPACE = /\s/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  if (code < 128) return false;
  return LETTER.test(String.fromCodePoint(text.codePointAt(at) ?? 0));
}

/** UTF-16 length of the code point at `at`. */
function pointLength(text: string, at: number): number {
  return (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}

function digitsEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return end;
}

/**
 * End of the number starting at `at`: digits with thousands separators only when well formed
 * ("1,800", not "3, 4" or "1,80"), then a decimal part; or a bare decimal part (".50").
 */
function numberEnd(text: string, at: number): number {
  let end = digitsEnd(text, at);
  if (end - at <= 3 && end > at) {
    // "1,800,000": groups of exactly three digits after each comma.
    while (text[end] === ',' && digitsEnd(text, end + 1) === end + 4) end += 4;
  }
  if (text[end] === '.' && isDigit(text.charCodeAt(end + 1))) end = digitsEnd(text, end + 1);
  return end;
}

/** End of the word starting at `at`: letters (with combining marks), joined by inner apostrophes ("don't"). */
function wordEnd(text: string, at: number): number {
  let end = at;
  for (;;) {
    while (end < text.length && isLetterAt(text, end)) end += pointLength(text, end);
    const mark = text[end];
    if ((mark === "'" || mark === '’') && end + 1 < text.length && isLetterAt(text, end + 1)) end += 1;
    else return end;
  }
}

/** Splits a text into numbers, words and single punctuation characters, in one linear pass. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let newline = false;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) {
      newline = true;
      at++;
      continue;
    }
    if (code === 32 || code === 9 || (code > 127 && SPACE.test(text[at] ?? ''))) {
      at++;
      continue;
    }
    let end: number;
    let kind: Token['kind'];
    if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(at + 1)))) {
      end = code === 46 ? digitsEnd(text, at + 1) : numberEnd(text, at);
      kind = 'num';
    } else if (isLetterAt(text, at)) {
      end = wordEnd(text, at);
      kind = 'word';
    } else {
      end = at + pointLength(text, at);
      kind = 'punct';
    }
    const value = text.slice(at, end);
    tokens.push({ text: value, lower: value.toLowerCase(), start: at, end, kind, newline });
    newline = false;
    at = end;
  }
  return tokens;
}

/** True when `b` starts right where `a` ends. */
export function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Maps UTF-16 offsets to code-point offsets in one pass. */
export function codePointOffsets(text: string): Uint32Array {
  const map = new Uint32Array(text.length + 1);
  let points = 0;
  for (let unit = 0; unit < text.length; unit++) {
    map[unit] = points;
    const code = text.charCodeAt(unit);
    // A high surrogate and its low surrogate are one code point.
    if (code < 0xd800 || code > 0xdbff || unit + 1 >= text.length) points++;
  }
  map[text.length] = points;
  return map;
}
