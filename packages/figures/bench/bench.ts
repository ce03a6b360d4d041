/**
 * callset's figure extractor against Microsoft Recognizers-Text on the hand-labelled samples:
 * span precision, recall and F1, correct readings, and throughput over the samples' texts
 * repeated to about 5 MB. `npm run bench` (turbo) or `npx tsx bench/bench.ts` in this package.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { GoldTurnsSchema, extractFigures, figureColumns, scoreFigures, type FigureScore, type GoldTurn, type PredictedFigure } from '../src/index.ts';
import { recognizersFigures } from './recognizers-adapter.ts';

const goldDir = new URL('../test/gold/', import.meta.url);
const load = (name: string): GoldTurn[] => GoldTurnsSchema.parse(JSON.parse(readFileSync(new URL(name, goldDir), 'utf8')));
const TARGET_BYTES = 5 * 1024 * 1024;
const TIME_CAP_SECONDS = 60;
const CORRECT_FIELDS = new Set(['value', 'value_low', 'value_high', 'unit', 'approximate', 'bound']);

type Predict = (text: string, turn: GoldTurn | undefined) => PredictedFigure[];

const systems: [string, Predict][] = [
  [
    'callset',
    (text, turn) =>
      extractFigures(text, {
        fiscalYear: turn?.anchor.fiscal_year ?? null,
        fiscalQuarter: turn?.anchor.fiscal_quarter ?? null,
        eventType: turn?.anchor.event_type ?? null,
        speakerType: turn?.speaker_type ?? null,
        section: turn?.section ?? null,
      }).map(figureColumns),
  ],
  ['recognizers-text', (text) => recognizersFigures(text)],
];

function scoreOn(turns: readonly GoldTurn[], predict: Predict): FigureScore {
  const byText = new Map(turns.map((turn) => [turn.text, turn]));
  return scoreFigures(turns, (text) => predict(text, byText.get(text)));
}

/**
 * MB/s over the sample's texts repeated to about 5 MB, each text read as one turn. A system
 * slower than TIME_CAP_SECONDS stops after the round that passes the cap (at least one whole
 * round), so that the bench ends; the bytes it read are reported with the rate.
 */
function throughput(turns: readonly GoldTurn[], predict: Predict): { rate: number; bytes: number } {
  const sampleBytes = turns.reduce((sum, turn) => sum + Buffer.byteLength(turn.text), 0);
  for (const turn of turns.slice(0, 5)) predict(turn.text, turn); // warm up
  let bytes = 0;
  const started = performance.now();
  while (bytes < TARGET_BYTES && (performance.now() - started) / 1000 < TIME_CAP_SECONDS) {
    for (const turn of turns) predict(turn.text, turn);
    bytes += sampleBytes;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rate: bytes / (1024 * 1024) / seconds, bytes };
}

const fixed = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const rows: string[][] = [];
for (const [sample, file] of [['seeds', 'seeds.json'], ['dev', 'dev.json'], ['holdout', 'holdout.json']] as const) {
  const turns = load(file);
  for (const [name, predict] of systems) {
    const result = scoreOn(turns, predict);
    const wrong = result.mismatches.filter((mismatch) => mismatch.fields.some((field) => CORRECT_FIELDS.has(field))).length;
    const correct = result.matched - wrong;
    rows.push([
      sample,
      name,
      fixed(result.precision.share),
      fixed(result.recall.share),
      fixed(result.f1),
      fixed(result.predicted === 0 ? null : correct / result.predicted),
      fixed(correct / (result.gold + result.spelledGold)),
    ]);
    const speed = throughput(turns, predict);
    rows[rows.length - 1]?.push(speed.rate < 0.1 ? speed.rate.toFixed(4) : speed.rate.toFixed(2), (speed.bytes / (1024 * 1024)).toFixed(2));
  }
}
const header = ['sample', 'system', 'span P', 'span R', 'span F1', 'correct P', 'correct R', 'MB/s', 'MB read'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
console.log([line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
