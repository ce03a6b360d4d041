/**
 * Edits made by one pass over a text, and the bookkeeping that maps positions between the text a
 * pass read and the text it wrote. Positions here are UTF-16 indices (what JS strings index by);
 * they become code points only at the public edge (`toCodePointOffsets`).
 */

export type EditKind = 'repair' | 'normalization';

/** Replace `[start, end)` of the pass input with `after`. Edits of one pass are sorted and disjoint. */
export interface Edit {
  start: number;
  end: number;
  after: string;
  rule: string;
  kind: EditKind;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.after);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Maps positions of a pass's input to its output (`forward`) or back (`backward`). A position
 * inside an edited span maps to the start of that span on the other side.
 */
export class PassMap {
  private readonly inStarts: number[];
  private readonly outStarts: number[];

  constructor(private readonly edits: readonly Edit[]) {
    this.inStarts = [];
    this.outStarts = [];
    let delta = 0;
    for (const edit of edits) {
      this.inStarts.push(edit.start);
      this.outStarts.push(edit.start + delta);
      delta += edit.after.length - (edit.end - edit.start);
    }
  }

  forward(position: number): number {
    return this.map(position, this.inStarts, this.outStarts, (edit) => edit.end - edit.start, (edit) => edit.after.length);
  }

  backward(position: number): number {
    return this.map(position, this.outStarts, this.inStarts, (edit) => edit.after.length, (edit) => edit.end - edit.start);
  }

  private map(position: number, from: readonly number[], to: readonly number[], fromLength: (edit: Edit) => number, toLength: (edit: Edit) => number): number {
    // Last edit starting at or before `position` (binary search keeps a pass map O(log n) per lookup).
    const found = lastAtOrBefore(from, position);
    if (found < 0) return position;
    const edit = this.edits[found] as Edit;
    const fromStart = from[found] as number;
    const toStart = to[found] as number;
    const past = position - fromStart - fromLength(edit);
    return past < 0 ? toStart : toStart + toLength(edit) + past;
  }
}

/** Index of the last of the sorted `starts` at or before `position`, or -1. */
export function lastAtOrBefore(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] as number) <= position) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

/** UTF-16 indices of the surrogate pairs of `text`, found by a native regex scan. */
export const surrogatePairs = (text: string): number[] => Array.from(text.matchAll(SURROGATE_PAIR), (match) => match.index);

/**
 * UTF-16 indices (any order) of a text with surrogate pairs at `pairs` to code point counts: an
 * index less the pairs wholly before it.
 */
export function toCodePointOffsets(pairs: readonly number[], indices: readonly number[]): number[] {
  if (pairs.length === 0) return [...indices];
  const order = indices.map((_, i) => i).sort((a, b) => (indices[a] as number) - (indices[b] as number));
  const out = new Array<number>(indices.length);
  let before = 0;
  for (const i of order) {
    const target = indices[i] as number;
    while (before < pairs.length && (pairs[before] as number) + 2 <= target) before += 1;
    out[i] = target - before;
  }
  return out;
}
