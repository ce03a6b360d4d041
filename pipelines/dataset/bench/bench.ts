/**
 * Pipeline benchmark: generates a synthetic corpus (default 2,000 documents, about 100 MB),
 * runs the whole build 5 times in fresh processes (warm file cache) and reports per-stage
 * throughput, documents per second, peak RSS and output size as median [min..max], next to a
 * baseline measured in the same run: reading and hashing the corpus, the floor any build pays.
 *
 *   npm run bench -- --filter=@callset/dataset            (from the repo root)
 *   tsx bench/bench.ts --docs 20000 --runs 5 --seed 1
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } },
});
const docs = Number(values.docs);
const runs = Number(values.runs);
const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const outDir = join(repoRoot, 'bench', 'out');

interface Run {
  timings: Record<string, number>;
  sourceBytes: number;
  documents: number;
  outputBytes: number;
  maxRssBytes: number;
}

function stats(samples: number[]): { median: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

async function baselineSeconds(dir: string): Promise<number> {
  const start = process.hrtime.bigint();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) createHash('sha256').update(await readFile(join(entry.parentPath, entry.name))).digest();
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const work = await mkdtemp(join(tmpdir(), 'callset-corpus-'));
try {
  const estimated = docs * 52_000 * 3; // corpus + release + headroom
  const disk = await statfs(work);
  if (disk.bavail * disk.bsize < estimated) throw new Error(`not enough free disk in ${work}: need about ${(estimated / 1e9).toFixed(1)} GB`);
  const corpus = join(work, 'corpus');
  process.stderr.write(`generating ${docs} documents...\n`);
  const corpusBytes = await generateCorpus(join(repoRoot, 'seeds'), corpus, docs, Number(values.seed));
  await baselineSeconds(corpus); // warm the file cache
  const results: Run[] = [];
  const oneWorker: Run[] = [];
  const twoWorkers: Run[] = [];
  const baselines: number[] = [];
  const profile = (...args: string[]) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(here, 'profile-once.ts'), corpus, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Run;
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`run ${run + 1}/${runs}\n`);
    baselines.push(await baselineSeconds(corpus));
    results.push(profile());
    oneWorker.push(profile('1'));
    twoWorkers.push(profile('2'));
  }
  const mb = corpusBytes / 1e6;
  const stages = Object.keys(results[0]?.timings ?? {});
  const totals = results.map((result) => Object.values(result.timings).reduce((a, b) => a + b, 0));
  const rows = [
    ...stages.map((stage) => ({ stage, seconds: stats(results.map((result) => result.timings[stage] ?? 0)) })),
    { stage: 'build (all stages)', seconds: stats(totals) },
    { stage: 'baseline: read + sha256', seconds: stats(baselines) },
  ];
  const baseline = stats(baselines).median;
  const fmt = (value: number) => value.toFixed(2).padStart(8);
  const lines = [
    `corpus: ${docs} documents, ${mb.toFixed(1)} MB, seed ${values.seed}; ${runs} runs, median [min..max]`,
    `${'stage'.padEnd(26)}${'seconds'.padStart(8)}${'MB/s'.padStart(10)}${'docs/s'.padStart(10)}  vs baseline`,
    ...rows.map(({ stage, seconds }) =>
      `${stage.padEnd(26)}${fmt(seconds.median)}${(mb / seconds.median).toFixed(1).padStart(10)}${(docs / seconds.median).toFixed(0).padStart(10)}  ${(seconds.median / baseline).toFixed(1)}x  [${seconds.min.toFixed(2)}..${seconds.max.toFixed(2)} s]`,
    ),
    `peak RSS: ${stats(results.map((result) => result.maxRssBytes / 2 ** 20)).median.toFixed(0)} MiB; output: ${((results[0]?.outputBytes ?? 0) / 1e6).toFixed(1)} MB`,
    ...[oneWorker, twoWorkers].map((series, index) => {
      const seconds = stats(series.map((result) => Object.values(result.timings).reduce((a, b) => a + b, 0)));
      const rss = stats(series.map((result) => result.maxRssBytes / 2 ** 20)).median;
      return `build, ${index + 1} worker${index ? 's' : ''}: ${seconds.median.toFixed(2)} s [${seconds.min.toFixed(2)}..${seconds.max.toFixed(2)}], ${(mb / seconds.median).toFixed(1)} MB/s, peak RSS ${rss.toFixed(0)} MiB`;
    }),
    `speed-up 1 -> 2 workers: ${(stats(oneWorker.map((r) => Object.values(r.timings).reduce((a, b) => a + b, 0))).median / stats(twoWorkers.map((r) => Object.values(r.timings).reduce((a, b) => a + b, 0))).median).toFixed(2)}x`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, `pipeline-${docs}.json`), `${JSON.stringify({ docs, corpusBytes, runs: results, oneWorker, twoWorkers, baselines }, null, 2)}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
