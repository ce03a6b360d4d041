/**
 * Repair throughput in MB/s (of input bytes) on clean text (as is, and as repaired: nothing left to
 * change) and on corrupted text, against two baselines
 * measured in the same run: the floor (`Buffer.toString('utf8')` + NFC) and a straightforward
 * per-line re-decode (each line with a suspect character encoded to cp1252 and decoded as UTF-8).
 * Every figure is the median of several repetitions, the three runners interleaved so that a load
 * spike on a shared machine hits them alike; the ratio to the floor is taken within a repetition.
 * Prints a table and writes `bench/out/encoding.json` at the repository root (gitignored).
 * Run: `npm run bench` in this package, or `npx tsx bench/bench.ts [MB] [REPETITIONS]`
 * (default 32 MB per corpus, 5 repetitions).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import iconv from 'iconv-lite';
import { repairBytes } from '../src/index.ts';
import { asCp1252, lossy } from '../test/helpers.ts';

const megabytes = Number(process.argv[2] ?? 32);
const repetitions = Number(process.argv[3] ?? 5);
const here = (path: string): URL => new URL(path, import.meta.url);
const seeds = here('../../../seeds/');
const clean = [
  readFileSync(here('../test/fixtures/clean-corpus.txt'), 'utf8'),
  ...readdirSync(seeds)
    .filter((name) => name.endsWith('.txt') && !name.startsWith('001_'))
    .map((name) => readFileSync(new URL(name, seeds), 'utf8')),
].join('\n');

function corpus(text: string): Buffer {
  const unit = Buffer.from(text, 'utf8');
  return Buffer.concat(Array.from({ length: Math.ceil((megabytes * 1e6) / unit.length) }, () => unit));
}

const floor = (bytes: Buffer): string => bytes.toString('utf8').normalize('NFC');

function perLine(bytes: Buffer): string {
  return bytes
    .toString('utf8')
    .split('\n')
    .map((line) => {
      if (!/[\u00c2-\u00f4]/.test(line)) return line;
      const redecoded = iconv.encode(line, 'win1252');
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(redecoded);
      } catch {
        return line;
      }
    })
    .join('\n')
    .normalize('NFC');
}

const runners = { repairBytes, floor, perLine } as const;
type Runner = keyof typeof runners;

function rate(run: (bytes: Buffer) => unknown, bytes: Buffer): number {
  const start = process.hrtime.bigint();
  run(bytes);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return bytes.length / 1e6 / seconds;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const corpora = {
  // The clean corpus holds a few export escapes and a private-use bullet; as repaired, nothing is left to change.
  'clean, nothing to change': corpus(repairBytes(Buffer.from(clean, 'utf8')).text),
  clean: corpus(clean),
  'cp1252 mojibake': corpus(asCp1252(clean)),
  'lossy mojibake': corpus(lossy(clean)),
};
const loadBefore = loadavg()[0] as number;
const results = Object.entries(corpora).map(([name, bytes]) => {
  for (const run of Object.values(runners)) run(bytes.subarray(0, 1e6)); // warm up the JIT
  const samples: Record<Runner, number[]> = { repairBytes: [], floor: [], perLine: [] };
  const ratios: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const [runner, run] of Object.entries(runners) as [Runner, (bytes: Buffer) => unknown][]) samples[runner].push(rate(run, bytes));
    ratios.push((samples.repairBytes.at(-1) as number) / (samples.floor.at(-1) as number));
  }
  return {
    corpus: name,
    bytes: bytes.length,
    mbPerSecond: { repairBytes: median(samples.repairBytes), floor: median(samples.floor), perLine: median(samples.perLine) },
    repairToFloor: median(ratios),
    samples,
  };
});
const load = { before: loadBefore, after: loadavg()[0] as number };

const lines = [
  `corpus ≈ ${megabytes} MB each, MB/s of input bytes on one core, median of ${repetitions}; load average ${load.before.toFixed(1)} -> ${load.after.toFixed(1)}`,
  ['corpus', 'repairBytes', 'floor (utf8+NFC)', 'per-line re-decode', 'repairBytes / floor'].join('\t'),
  ...results.map((result) => [result.corpus, ...Object.values(result.mbPerSecond).map((value) => value.toFixed(1)), result.repairToFloor.toFixed(2)].join('\t')),
];
process.stdout.write(`${lines.join('\n')}\n`);
const outDir = here('../../../bench/out/');
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('encoding.json', outDir), `${JSON.stringify({ megabytes, repetitions, load, results }, null, 2)}\n`);
