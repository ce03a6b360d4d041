import Papa from 'papaparse';
import type { ParsedTableCell } from '../types.ts';

/** One source line of a post: its text and UTF-16 span in the document. */
export interface PostLine {
  text: string;
  start: number;
  end: number;
  /** Line number in the document, so adjacency (no blank line between) can be told. */
  lineNo: number;
}

/** A table found in a post: the lines it occupies and its cells. */
export interface FoundTable {
  /** Indexes into the post's lines that belong to the table (markup and labels). */
  lineIndexes: number[];
  cells: ParsedTableCell[];
}

const CELL_OPEN = /\[(T[DH])(\d*)\]/gi;

/**
 * BBCode cells on one line: `[TD2]a[/TD2][TD2]b[/TD2] [TD2]c[/TD2]`. Cells that touch form a row;
 * whitespace or a `[TR]` between cells starts a new one. Scans with indexOf so unclosed tags stay linear.
 */
export function bbcodeRows(line: string): (string | null)[][] | null {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let last = -1;
  CELL_OPEN.lastIndex = 0;
  for (let open = CELL_OPEN.exec(line); open; open = CELL_OPEN.exec(line)) {
    const close = new RegExp(`\\[/${open[1] ?? ''}${open[2] ?? ''}\\]`, 'gi');
    const bodyStart = open.index + open[0].length;
    close.lastIndex = bodyStart;
    const closed = close.exec(line);
    if (!closed) break;
    const end = closed.index;
    if (last !== -1 && line.slice(last, open.index).replace(/\[\/?TR\]/gi, ' ') !== '') {
      rows.push(row);
      row = [];
    }
    row.push(line.slice(bodyStart, end).trim() || null);
    last = end + closed[0].length;
    CELL_OPEN.lastIndex = last;
  }
  if (row.length > 0) rows.push(row);
  return rows.length > 0 ? rows : null;
}

const NUMERIC = /^[-+(]?[$€£]?\s*[\d.,]+\s*[%kmbKMB)]?$/;

/**
 * A first row is a header when it holds no numbers while later rows do; in a table of words, when there is
 * one label fewer than rows. The lines above the labels may be prose, so the label count alone does not decide.
 */
function hasHeader(rows: readonly (string | null)[][], labelCount: number): boolean {
  if (rows.length < 2) return false;
  const numeric = (row: readonly (string | null)[] | undefined) => (row ?? []).some((cell) => cell !== null && NUMERIC.test(cell));
  if (numeric(rows[0])) return false;
  return rows.slice(1).some(numeric) || labelCount === rows.length - 1;
}

function grid(rows: readonly (string | null)[][], header: readonly (string | null)[] | null, rowLabels: readonly (string | null)[]): ParsedTableCell[] {
  const width = Math.max(header?.length ?? 0, ...rows.map((row) => row.length));
  return rows.flatMap((row, r) =>
    Array.from({ length: width }, (_, c) => ({ row: r, col: c, rowLabel: rowLabels[r] ?? null, colLabel: header?.[c] ?? null, text: row[c] ?? null })),
  );
}

/** The BBCode table on `lines[at]`, with row labels taken from the adjacent lines just above it (after `floor`). */
function bbcodeTable(lines: readonly PostLine[], at: number, floor: number): FoundTable | null {
  const line = lines[at];
  const rows = line ? bbcodeRows(line.text) : null;
  if (!line || !rows) return null;
  // Labels sit on consecutive lines directly above the cells, one per data row.
  const labels: number[] = [];
  for (let i = at - 1; i > floor && labels.length < rows.length; i--) {
    const above = lines[i];
    const below = lines[i + 1];
    if (!above || !below || below.lineNo !== above.lineNo + 1 || /\[\/?T[DHR]/i.test(above.text)) break;
    labels.unshift(i);
  }
  const header = hasHeader(rows, labels.length);
  const body = header ? rows.slice(1) : rows;
  const usedLabels = labels.slice(Math.max(0, labels.length - body.length));
  const rowLabels = usedLabels.map((i) => lines[i]?.text.trim() ?? null);
  return { lineIndexes: [...usedLabels, at], cells: grid(body, header ? (rows[0] ?? null) : null, rowLabels) };
}

const RULE = /^[\s\-=+|:]+$/;

/**
 * A `Code:` block of pipe-delimited lines: header row, rule line, rows whose first cell labels them.
 * The table ends at the first line that is neither a row nor a rule, which may follow it directly.
 */
function codeTable(lines: readonly PostLine[], at: number): FoundTable | null {
  const indexes: number[] = [at];
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i];
    const previous = lines[i - 1];
    if (!line || !previous || line.lineNo !== previous.lineNo + 1 || !(line.text.includes('|') || RULE.test(line.text))) break;
    indexes.push(i);
  }
  const rowLines = indexes.slice(1).map((i) => lines[i]?.text ?? '').filter((text) => !RULE.test(text));
  if (rowLines.length < 2) return null;
  const parsed = Papa.parse<string[]>(rowLines.join('\n'), { delimiter: '|', skipEmptyLines: true });
  const cellText = (value: string | undefined) => {
    const trimmed = (value ?? '').trim();
    return trimmed === '' || /^\.{2,}$/.test(trimmed) ? null : trimmed;
  };
  const [head = [], ...rows] = parsed.data.map((row) => row.map(cellText));
  return { lineIndexes: indexes, cells: grid(rows.map((row) => row.slice(1)), head.slice(1), rows.map((row) => row[0] ?? null)) };
}

const CODE_LINE = /^\s*Code:\s*$/i;

/** Every table in a post's lines, in order; a line belongs to one table at most. */
export function findTables(lines: readonly PostLine[]): FoundTable[] {
  const tables: FoundTable[] = [];
  let taken = -1;
  lines.forEach((line, index) => {
    if (index <= taken) return;
    const table = CODE_LINE.test(line.text) ? codeTable(lines, index) : /\[T[DH]\d*\]/i.test(line.text) ? bbcodeTable(lines, index, taken) : null;
    if (!table || table.cells.length === 0) return;
    tables.push(table);
    taken = table.lineIndexes.reduce((last, i) => Math.max(last, i), taken);
  });
  return tables;
}
