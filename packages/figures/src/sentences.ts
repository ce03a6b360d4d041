import type { Token } from './tokens.ts';

/** Words whose trailing "." does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'vs', 'etc', 'inc', 'co', 'corp', 'ltd', 'st', 'jr', 'sr', 'approx', 'no', 'e.g', 'i.e', 'al', 'u.s']);
const ENDINGS = new Set(['.', '?', '!', ';']);

/** A run of tokens [start, end) read as one sentence. */
export interface Sentence {
  start: number;
  end: number;
}

/**
 * Splits tokens into sentences at ".", "?", "!", ";" and line breaks. A "." after a single letter
 * ("J.B.", "U.S.", "p.m.") or a known abbreviation, or glued to the next token, ends nothing.
 */
export function splitSentences(tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    if (!token) continue;
    if (at > start && token.newline) {
      sentences.push({ start, end: at });
      start = at;
    }
    if (!ENDINGS.has(token.text)) continue;
    const next = tokens[at + 1];
    if (token.text === '.') {
      const before = tokens[at - 1];
      if (next && next.start === token.end) continue;
      if (before && before.kind === 'word' && (before.text.length === 1 || ABBREVIATIONS.has(before.lower))) continue;
    }
    sentences.push({ start, end: at + 1 });
    start = at + 1;
  }
  if (start < tokens.length) sentences.push({ start, end: tokens.length });
  return sentences;
}

/** For each token index, the index of its sentence in `sentences`. */
export function sentenceIndex(sentences: readonly Sentence[], tokenCount: number): Uint32Array {
  const index = new Uint32Array(tokenCount);
  sentences.forEach((sentence, position) => index.fill(position, sentence.start, sentence.end));
  return index;
}
