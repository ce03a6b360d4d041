import { normalizeForId, slugify, trimWhere } from '@callset/schema';
import { blankAsides } from './asides.ts';

/** A firm or company name by the rules in README.md. */
export interface FirmName {
  /** As written, spaces collapsed. */
  written: string;
  /** What is left to show once the rules have run: "Goldman Sachs" for "Goldman Sachs Group Inc., Research Division". */
  display: string;
  /** Equal keys are one firm: case, punctuation, spacing, '&'/'and' and legal forms do not tell firms apart. */
  key: string;
}

/** Words that say what legal form a firm has, not which firm it is; dropped from the end of a name. */
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'companies', 'llc', 'lp', 'llp', 'ltd', 'limited',
  'plc', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'se', 'group', 'holdings', 'and',
]);
/** Capital IQ writes the research arm: "Morgan Stanley, Research Division". */
const RESEARCH_DIVISION = /,? ?(?:equity )?research (?:division|department)$/i;
const ASIDES = [['(', ')'], ['[', ']']] as const;
const isTrailingPunctuation = (char: string) => /[\s,;:&.-]/u.test(char);

function firmWordKey(word: string): string {
  return normalizeForId(word.replace(/&/g, ' and ')).replace(/ /g, '');
}

/** Null when nothing firm-like is left (no letters or digits). */
export function parseFirmName(raw: string): FirmName | null {
  const words = blankAsides(raw.normalize('NFKC'), ASIDES)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(RESEARCH_DIVISION, '')
    .split(/\s+/)
    .map((text) => ({ text, key: firmWordKey(text) }))
    .filter((word) => word.key);
  if (words.length > 1 && words[0]?.key === 'the') words.shift();
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)?.key ?? '')) words.pop();
  if (words.length === 0) return null;
  const display = trimWhere(words.map((word) => word.text).join(' '), isTrailingPunctuation, 'end');
  return { written: raw.trim().replace(/\s+/g, ' '), display: display || (words[0]?.text ?? ''), key: words.map((word) => word.key).join('') };
}

/** Slug of a firm's display name, '&' read as 'and' so that "A & B" and "A B" get different ids. */
export function firmSlug(display: string): string {
  return slugify(display.replace(/&/g, ' and '));
}
