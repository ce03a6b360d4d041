import type { FormatParser, ParsedDocument } from './types.ts';
import { capiqParser, forumParser, markdownParser, motleyFoolParser, seekingAlphaParser } from './formats.ts';

export * from './types.ts';
export { codePointLength, codePointOffsets } from './text.ts';

export const PARSERS: readonly FormatParser[] = [capiqParser, seekingAlphaParser, motleyFoolParser, markdownParser, forumParser];

/** The parser most sure of the text, or null when none recognises it. Never reads names or catalogs. */
export function detectFormat(text: string): FormatParser | null {
  let best: FormatParser | null = null;
  let bestScore = 0;
  for (const parser of PARSERS) {
    const score = parser.detect(text);
    if (score > bestScore) {
      best = parser;
      bestScore = score;
    }
  }
  return best;
}

export function parseDocument(text: string): ParsedDocument | null {
  return detectFormat(text)?.parse(text) ?? null;
}
