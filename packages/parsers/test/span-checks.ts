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

/** Each turn's span starts with its speech: the first six words at the span are the text's first six. */
export function expectSpansOnSpeech(text: string, doc: ParsedDocument): void {
  const points = [...text];
  const words = (value: string) => value.split(/\s+/).slice(0, 6).join(' ');
  for (const turn of doc.turns) expect(words(points.slice(turn.charStart, turn.charEnd).join(''))).toBe(words(turn.text));
}
