import type { StageIssue } from '@callset/schema';
import { splitLines } from '../text.ts';

/** A non-blank content line of the thread. Offsets are UTF-16 into the text. */
export interface Para {
  text: string;
  /** Whitespace-collapsed text, the unit quotes are matched on. */
  key: string;
  start: number;
  end: number;
  lineNo: number;
  block: number;
}

/** A quote the page marks itself ("X said:" … "Click to expand..."), as global paragraph indexes. */
export interface MarkedQuote {
  from: number;
  to: number;
  author: string | null;
}

/** Content between separators: one rendered post, possibly carrying quotes of others. */
export interface Block {
  from: number;
  to: number;
  marked: MarkedQuote[];
  /** Author named by a "Posted by X" line, when the page gives one. */
  author: string | null;
}

export interface Thread {
  title: string | null;
  paras: Para[];
  blocks: Block[];
  issues: StageIssue[];
}

/** Words a reaction bar is made of. */
const REACTION_WORDS = 'Like|Love|Informative|Helpful|Funny|Agree|Disagree|Fact Checking|Insightful|Useful|Thanks|Wow|Haha|Sad|Angry|Winner|Dislike';
const REACTION_WORD = new RegExp(`^(?:${REACTION_WORDS})$`, 'i');
const REACTION_START = new RegExp(`^[•·*\\-\\uf0b7]?\\s*(?:${REACTION_WORDS})`, 'i');
const BULLET = /^[•·*\-\uf0b7]\s*/;

/**
 * Where a reaction count ends the line ("Like x 3", "Like 12"): spaces, an optional x, spaces and
 * 1 to 6 digits, as far back as they go; -1 when the line has none. What `/\s*x?\s*\d{1,6}$/i`
 * matches, read backwards from the end: that regex tried every split of the spaces between its
 * two `\s*` from every start, cubic on a line of spaces.
 */
function countStart(value: string): number {
  const isDigit = (at: number) => value.charAt(at) >= '0' && value.charAt(at) <= '9';
  const spacesBefore = (end: number) => {
    while (end > 0 && /\s/.test(value.charAt(end - 1))) end--;
    return end;
  };
  let at = value.length;
  while (at > 0 && isDigit(at - 1)) at--;
  if (at === value.length) return -1;
  // Past six digits, the count is the last six: a digit before them is not a space or an x.
  if (value.length - at > 6) return value.length - 6;
  at = spacesBefore(at);
  return at > 0 && /x/i.test(value.charAt(at - 1)) ? spacesBefore(at - 1) : at;
}

/**
 * A reaction line: one bulleted reaction word ("• Informative"), a word with its count ("Like x 3"),
 * or a list of them. Decided by the words, since a bulleted line of anything else is content.
 */
function isReactionLine(value: string): boolean {
  if (value.length > 80 || !REACTION_START.test(value)) return false;
  const bulleted = BULLET.test(value);
  const unbulleted = value.replace(BULLET, '');
  const count = countStart(unbulleted);
  const counted = count !== -1;
  const words = (counted ? unbulleted.slice(0, count) : unbulleted).split(/[,•·]/).map((word) => word.trim());
  return words.every((word) => REACTION_WORD.test(word)) && (bulleted || counted || words.length > 1);
}

/** Lines that are site chrome; each ends the block it follows. */
const BOILERPLATE: readonly RegExp[] = [
  /^This site may earn (?:a )?commission/i,
  /^Last edited(?::| by [^:]{1,60}:)/i,
  /^Reactions?:/i,
  /^(?:Reply|Quote|Report|Share|Like|Bookmark|Log in|Register|Sign up|Log in or Register|Click to shrink\.{3})$/i,
  /^You must log in or register to reply here\.?$/i,
  /^#\d{1,6}$/,
  /^(?:Join Date|Posts|Location|Messages|Reaction score|Joined|Points|Likes Received):\s*\S.{0,40}$/i,
];
const isBoilerplate = (value: string) => isReactionLine(value) || BOILERPLATE.some((re) => re.test(value));
const NAV = /^(?:Register|Log in|Sign up|Log in or Register|Log in \| Register)$/i;
const QUOTE_END = /^Click to expand(?:\.{3}|…)$/i;
/** Attribution lines over a quote, matched on whitespace-collapsed text: "X said:", "Quote: Originally Posted by X". */
const QUOTE_SAID = /^(\S.{0,60}?) (?:said|wrote):$/i;
const QUOTE_POSTED = /^(?:Quote: )?Originally Posted by (\S.{0,60}?)(?: View Post)?$/i;
const QUOTE_BARE = /^Quote:$/i;
/** Longer than any attribution line: such lines skip the attribution patterns. */
const MAX_ATTRIBUTION = 120;
const POSTED_BY = /^(?:Posted by|Author:)\s+(\S.{0,60})$/i;
/** Punctuation left behind by the scrape ("."): not content, but reported. */
const RESIDUE = /^[^\p{L}\p{N}]{1,3}$/u;

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

type LineKind = 'separator' | 'blank' | 'boilerplate' | 'residue' | 'quote-start' | 'quote-end' | 'content';

function lineKind(raw: string, value: string): LineKind {
  if (!value) return raw.includes('\u00a0') ? 'separator' : 'blank';
  if (isBoilerplate(value)) return 'boilerplate';
  if (RESIDUE.test(value)) return 'residue';
  if (QUOTE_END.test(value)) return 'quote-end';
  if (value.length <= MAX_ATTRIBUTION && quoteAuthor(collapse(value)) !== undefined) return 'quote-start';
  return 'content';
}

/**
 * Quote attributions ("X said:") that a "Click to expand..." closes in the same block. Short quotes
 * have no closing line, and a sentence may end in "said:", so an unclosed attribution stays content.
 */
function closedAttributions(kinds: readonly LineKind[], from: number): Set<number> {
  const closed = new Set<number>();
  let open: number[] = [];
  let blanks = 0;
  for (let i = from; i < kinds.length; i++) {
    const kind = kinds[i];
    blanks = kind === 'blank' ? blanks + 1 : 0;
    if (kind === 'separator' || kind === 'boilerplate' || blanks >= 2) open = [];
    else if (kind === 'quote-start') open.push(i);
    else if (kind === 'quote-end' && open.length > 0) closed.add(open.pop() ?? -1);
  }
  return closed;
}

/**
 * Cuts a scraped thread into blocks of content lines. Blocks end at lines holding only U+00A0,
 * at two blank lines in a row, and at boilerplate; the site header and title come off the top.
 */
export function readThread(text: string): Thread {
  const lines = splitLines(text);
  const values = lines.map((line) => line.text.trim());
  const issues: StageIssue[] = [];
  const remove = (line: { start: number; end: number }, code: string, message: string) =>
    issues.push({ code, severity: 'info', char_start: line.start, char_end: line.end, message });
  const headerEnd = headerLength(values);
  let title: string | null = null;
  lines.slice(0, headerEnd).forEach((line, lineNo) => {
    const value = values[lineNo] ?? '';
    if (value) remove(spanOf(line, value), 'forum/boilerplate-removed', `site header removed: "${value}"`);
  });
  const kinds = lines.map((line, lineNo) => lineKind(line.text, values[lineNo] ?? ''));
  const attributions = closedAttributions(kinds, headerEnd);
  const paras: Para[] = [];
  const blocks: Block[] = [];
  let current: Block | null = null;
  let blanks = 0;
  let openQuote: { from: number; author: string | null; depth: number } | null = null;
  const close = () => {
    if (current && current.to > current.from) blocks.push(current);
    current = null;
    openQuote = null;
  };
  lines.forEach((line, lineNo) => {
    if (lineNo < headerEnd) return;
    const value = values[lineNo] ?? '';
    const kind = kinds[lineNo];
    if (kind === 'separator' || kind === 'blank') {
      blanks++;
      if (kind === 'separator' || blanks >= 2) close();
      return;
    }
    blanks = 0;
    const span = spanOf(line, value);
    if (title === null && paras.length === 0 && headerEnd > 0 && value.length <= 150 && kind !== 'boilerplate') {
      title = value;
      remove(span, 'forum/boilerplate-removed', `thread title removed from the posts (kept as the document title): "${value}"`);
      return;
    }
    if (kind === 'boilerplate') {
      remove(span, 'forum/boilerplate-removed', `site boilerplate removed: "${value}"`);
      close();
      return;
    }
    if (kind === 'residue') {
      remove(span, 'forum/residue-removed', `stray punctuation line removed: "${value}"`);
      return;
    }
    const block: Block = current ?? { from: paras.length, to: paras.length, marked: [], author: null };
    current = block;
    const posted = POSTED_BY.exec(value);
    if (posted && block.to === block.from) {
      block.author = collapse(posted[1] ?? '');
      remove(span, 'forum/boilerplate-removed', `post author line removed: "${value}"`);
      return;
    }
    if (kind === 'quote-start' && attributions.has(lineNo)) {
      const author = quoteAuthor(collapse(value)) ?? null;
      remove(span, 'forum/boilerplate-removed', `quote attribution removed: "${value}"`);
      if (openQuote) openQuote.depth++;
      else openQuote = { from: block.to, author, depth: 1 };
      return;
    }
    if (kind === 'quote-end') {
      remove(span, 'forum/boilerplate-removed', `quote marker removed: "${value}"`);
      const quote: { from: number; author: string | null; depth: number } | null = openQuote;
      if (quote && --quote.depth === 0) {
        if (block.to > quote.from) block.marked.push({ from: quote.from, to: block.to, author: quote.author });
        openQuote = null;
      }
      return;
    }
    paras.push({ text: value, key: collapse(value), ...span, lineNo, block: blocks.length });
    block.to = paras.length;
  });
  close();
  return { title, paras, blocks, issues };
}

/** The author an attribution line names (null when it names none), or undefined when the line is no attribution. */
function quoteAuthor(value: string): string | null | undefined {
  if (QUOTE_BARE.test(value)) return null;
  return (QUOTE_SAID.exec(value) ?? QUOTE_POSTED.exec(value))?.[1];
}

/** The span of a line's trimmed value. */
function spanOf(line: { text: string; start: number }, value: string): { start: number; end: number } {
  const start = line.start + line.text.indexOf(value);
  return { start, end: start + value.length };
}

/** Lines of site header: everything up to the last navigation line ("Register") near the top. */
function headerLength(lines: readonly string[]): number {
  let seen = 0;
  let end = 0;
  for (let i = 0; i < lines.length && seen < 8; i++) {
    if (!lines[i]) continue;
    seen++;
    if (NAV.test(lines[i] ?? '')) end = i + 1;
  }
  return end;
}
