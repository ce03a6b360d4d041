import type { FormatParser, ParsedDocument } from './types.ts';
import { capiqParser } from './formats/capiq.ts';
import { forumParser } from './formats/forum.ts';
import { markdownParser } from './formats/markdown.ts';
import { motleyFoolParser } from './formats/motley-fool.ts';
import { seekingAlphaParser } from './formats/seeking-alpha.ts';

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
