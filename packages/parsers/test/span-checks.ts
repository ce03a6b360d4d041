import { readFileSync, readdirSync } from 'node:fs';
import { repairBytes } from '@callset/encoding';
import { expect } from 'vitest';
import type { ParsedDocument } from '../src/types.ts';

const seedsDir = new URL('../../../seeds/', import.meta.url);

/** A seed as the pipeline parses it: after repairBytes. */
export function repairedSeed(prefix: string): string {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return repairBytes(readFileSync(new URL(name, seedsDir))).text;
}

export const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** Turn and issue spans lie inside the text, turns in order and not overlapping. */
export function expectOrderedSpans(text: string, doc: ParsedDocument): void {
  const length = [...text].length;
  let previousEnd = 0;
  for (const turn of doc.turns) {
    expect(turn.charStart).toBeGreaterThanOrEqual(previousEnd);
    expect(turn.charEnd).toBeGreaterThan(turn.charStart);
    expect(turn.charEnd).toBeLessThanOrEqual(length);
    previousEnd = turn.charEnd;
  }
  for (const issue of doc.issues) {
    if (issue.char_start === null || issue.char_end === null) continue;
    expect(issue.char_start).toBeGreaterThanOrEqual(0);
    expect(issue.char_end).toBeGreaterThanOrEqual(issue.char_start);
    expect(issue.char_end).toBeLessThanOrEqual(length);
  }
}

/** Every non-blank code point lies in a turn, a label span or a set-aside issue span. */
export function expectCoverage(text: string, doc: ParsedDocument): void {
  const points = [...text];
  const covered = new Uint8Array(points.length);
  const mark = (start: number, end: number) => covered.fill(1, start, end);
  for (const turn of doc.turns) {
    mark(turn.charStart, turn.charEnd);
    for (const span of turn.labelSpans ?? []) mark(span.charStart, span.charEnd);
  }
  for (const issue of doc.issues) if (issue.char_start !== null && issue.char_end !== null) mark(issue.char_start, issue.char_end);
  const holes = points.flatMap((point, index) => (covered[index] || /\s/.test(point) ? [] : [index]));
  expect(holes.slice(0, 5).map((index) => points.slice(index, index + 30).join(''))).toEqual([]);
}

/** Best of three CPU times of `run` (microseconds): CPU rather than wall time, so other processes on the machine matter less. */
function bestOfThree(run: () => void): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}

/**
 * How much longer parsing a text 8x as large takes, measured in the same run: about 8 when the
 * cost is linear, 64 when quadratic. Tests allow 24: the collector, the CPU caches and a busy
 * machine all push the ratio up, and 24 still tells linear from quadratic apart. Make the small
 * text half a megabyte or more, or it fits the caches and runs unfairly fast. A ratio, never an
 * absolute time, so a slow machine passes.
 */
export function growthOfEightfoldInput(parse: (text: string) => unknown, textOfSize: (copies: number) => string, copies: number): number {
  const small = textOfSize(copies);
  const large = textOfSize(8 * copies);
  parse(small); // warm up the JIT before timing
  return bestOfThree(() => parse(large)) / bestOfThree(() => parse(small));
}
