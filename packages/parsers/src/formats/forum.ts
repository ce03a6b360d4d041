import type { StageIssue } from '@callset/schema';
import type { FormatParser, ParsedDocument, ParsedTable, ParsedTurn } from '../types.ts';
import { codePointOffsets, emptyMetadata } from '../text.ts';
import { readThread, type Para } from '../forum/blocks.ts';
import { resolvePosts } from '../forum/quotes.ts';
import { findTables, type PostLine } from '../forum/tables.ts';

/**
 * Signs of a scraped forum page; each kind counts once, so one stray "said:" is not enough.
 * Line padding is [ \t]*, not \s*, which would run across blank lines from every line start.
 */
const FORUM_SIGNS: readonly RegExp[] = [
  /^[ \t]*\u00a0[ \t\u00a0]*$/m,
  /^[ \t]*Click to expand(?:\.{3}|…)[ \t]*$/m,
  /^.{1,60} (?:said|wrote):[ \t]*$/m,
  /(?:^|Quote:)[ \t]*Originally Posted by /m,
  /^[ \t]*Reactions?:/m,
  /^[ \t]*Last edited(?::| by [^:\n]{1,60}:)/m,
  /This site may earn (?:a )?commission/,
  /^[ \t]*(?:Register|Log in|Sign up)[ \t]*$/m,
  // No '[' inside the cell, so a line of unclosed tags is scanned once, not once per tag.
  /\[TD\d*\][^\n[]*\[\/TD\d*\]/,
];

/** An @name not inside a word or an e-mail address; it may not end in '.' or '-' ("@Reality." is Reality). */
const MENTION = /(?:^|[^\w@.])@([A-Za-z0-9_][\w.-]{0,38}[A-Za-z0-9_]|[A-Za-z0-9_])/g;

export function detectForum(text: string): number {
  if (/Earnings (?:Conference )?Call/i.test(text.slice(0, 400))) return 0;
  const signs = FORUM_SIGNS.filter((sign) => sign.test(text)).length;
  return signs === 0 ? 0 : Math.min(0.95, 0.35 + 0.15 * signs);
}

/** @names a post addresses, in order, once each. */
export function mentionsIn(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((match) => match[1] ?? ''))].filter(Boolean);
}

export const forumParser: FormatParser = {
  format: 'forum',
  detect: detectForum,
  parse(text): ParsedDocument {
    const toCodePoints = codePointOffsets(text);
    const thread = readThread(text);
    const resolved = resolvePosts(thread);
    const issues: StageIssue[] = [...thread.issues];
    const paraAt = (index: number): Para | undefined => thread.paras[index];
    const tables: ParsedTable[] = [];
    const turns: ParsedTurn[] = resolved.posts.map((post, turnIndex) => {
      const lines: PostLine[] = post.segment.paras.flatMap((index) => {
        const para = paraAt(index);
        return para ? [{ text: para.text, start: para.start, end: para.end, lineNo: para.lineNo }] : [];
      });
      const inTable = new Set<number>();
      for (const found of findTables(lines)) {
        const spanLines = found.lineIndexes.map((i) => lines[i]).filter((line) => line !== undefined);
        const start = spanLines.reduce((least, line) => Math.min(least, line.start), Infinity);
        const end = spanLines.reduce((most, line) => Math.max(most, line.end), 0);
        found.lineIndexes.forEach((i) => inTable.add(i));
        tables.push({ turnIndex, charStart: toCodePoints(start), charEnd: toCodePoints(end), cells: found.cells });
        issues.push({ code: 'forum/table-rebuilt', severity: 'info', char_start: start, char_end: end, message: `table markup and labels moved from post ${turnIndex} into table_cells` });
      }
      const body = lines.filter((_, i) => !inTable.has(i)).map((line) => line.text);
      const first = lines[0];
      const last = lines[lines.length - 1];
      return {
        speakerLabel: post.author,
        speakerName: post.author,
        speakerRole: null,
        speakerOrg: null,
        speakerType: 'forum_member',
        section: 'post',
        text: body.join('\n'),
        charStart: toCodePoints(first?.start ?? 0),
        charEnd: toCodePoints(last?.end ?? 0),
        replyTo: post.replyTo,
        mentions: mentionsIn(body.join('\n')),
      };
    });
    for (const copy of resolved.removed) {
      const first = paraAt(copy.segment.paras[0] ?? -1);
      const last = paraAt(copy.segment.paras[copy.segment.paras.length - 1] ?? -1);
      const where = copy.foundIn === null ? 'a repeated copy' : `a ${copy.segment.nested ? 'nested quote' : 'quote'} inside post ${copy.foundIn}`;
      issues.push({
        code: copy.segment.kind === 'quote' ? 'forum/quote-removed' : 'forum/duplicate-post',
        severity: 'info',
        char_start: first?.start ?? null,
        char_end: last?.end ?? null,
        message: `${where} of post ${copy.copyOf} removed; the post is kept once`,
      });
    }
    return {
      format: 'forum',
      metadata: { ...emptyMetadata('forum_thread'), title: thread.title },
      participants: [],
      turns,
      tables,
      issues: issues
        .map((issue) => ({
          ...issue,
          char_start: issue.char_start === null ? null : toCodePoints(issue.char_start),
          char_end: issue.char_end === null ? null : toCodePoints(issue.char_end),
        }))
        .sort((a, b) => (a.char_start ?? -1) - (b.char_start ?? -1)),
    };
  },
};
