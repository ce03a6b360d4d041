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

/** Lines that are site chrome; each ends the block it follows. Reactions are matched by vocabulary, not bullet. */
const BOILERPLATE: readonly RegExp[] = [
  /^This site may earn (?:a )?commission/i,
  /^Last edited(?: by [^:]{1,60})?:/i,
  /^Reactions?:/i,
  /^(?:[•·*\-\uf0b7]\s*)?(?:Like|Love|Informative|Helpful|Funny|Agree|Disagree|Fact Checking|Insightful|Useful|Thanks|Wow|Haha|Sad|Angry|Winner|Dislike)(?:\s*(?:x\s*)?\d+)?$/i,
  /^(?:Reply|Quote|Report|Share|Like|Bookmark|Log in|Register|Sign up|Log in or Register|Click to shrink\.{3})$/i,
  /^#\d{1,6}$/,
  /^(?:Join Date|Posts|Location|Messages|Reaction score|Joined|Points|Likes Received):\s*\S.{0,40}$/i,
];
const NAV = /^(?:Register|Log in|Sign up|Log in or Register|Log in \| Register)$/i;
const QUOTE_END = /^Click to expand\.{3}$|^Click to expand…$/i;
const QUOTE_START = /^(?:(?<said>\S.{0,60}?) (?:said|wrote):|Quote:\s*(?:Originally Posted by (?<vb>\S.{0,60}?))?(?:\s*View Post)?|Originally Posted by (?<orig>\S.{0,60}?))$/i;
const POSTED_BY = /^(?:Posted by|Author:)\s+(\S.{0,60})$/i;
/** Punctuation left behind by the scrape ("."): not content, but reported. */
const RESIDUE = /^[^\p{L}\p{N}]{1,3}$/u;

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * Cuts a scraped thread into blocks of content lines. Blocks end at lines holding only U+00A0,
 * at two blank lines in a row, and at boilerplate; the site header and title come off the top.
 */
export function readThread(text: string): Thread {
  const lines = splitLines(text);
  const issues: StageIssue[] = [];
  const remove = (line: { start: number; end: number }, code: string, message: string) =>
    issues.push({ code, severity: 'info', char_start: line.start, char_end: line.end, message });
  const headerEnd = headerLength(lines.map((line) => line.text.trim()));
  let title: string | null = null;
  for (const line of lines.slice(0, headerEnd)) {
    const value = line.text.trim();
    if (value) remove(line, 'forum/boilerplate-removed', `site header removed: "${value}"`);
  }
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
    const value = line.text.trim();
    if (!value) {
      blanks++;
      if (line.text.includes('\u00a0') || blanks >= 2) close();
      return;
    }
    blanks = 0;
    const span = { start: line.start + line.text.indexOf(value), end: line.start + line.text.indexOf(value) + value.length };
    if (title === null && paras.length === 0 && headerEnd > 0 && value.length <= 150 && !BOILERPLATE.some((re) => re.test(value))) {
      title = value;
      remove(span, 'forum/boilerplate-removed', `thread title removed from the posts (kept as the document title): "${value}"`);
      return;
    }
    if (BOILERPLATE.some((re) => re.test(value))) {
      remove(span, 'forum/boilerplate-removed', `site boilerplate removed: "${value}"`);
      close();
      return;
    }
    if (RESIDUE.test(value)) {
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
    const start = QUOTE_START.exec(value);
    if (start) {
      const groups = start.groups ?? {};
      const author = groups['said'] ?? groups['vb'] ?? groups['orig'] ?? null;
      remove(span, 'forum/boilerplate-removed', `quote attribution removed: "${value}"`);
      if (openQuote) openQuote.depth++;
      else openQuote = { from: block.to, author: author ? collapse(author) : null, depth: 1 };
      return;
    }
    if (QUOTE_END.test(value)) {
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
