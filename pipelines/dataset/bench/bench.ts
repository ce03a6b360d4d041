/**
 * Pipeline benchmark. Generates a synthetic corpus (default 2,000 documents, about 100 MB) and,
 * over 5 runs in fresh processes (warm file cache), reports median [min..max] of:
 *   - each stage in one thread, in memory (the turbo stages' path), and the whole build: seconds,
 *     MB/s of source, documents/s;
 *   - the baseline measured in the same run: reading and hashing the corpus, the floor any build pays;
 *   - `callset build` (streaming, bounded memory) on 1 and on 2 worker threads, and the speed-up;
 *   - the build with the per-document cache: cold (filling it) and after one file changed;
 *   - peak RSS and output size.
 * Then the scaling check: the whole build on a corpus 10x larger (default 20,000 documents, about
 * 1 GB; `--scale-docs 0` skips it), seconds per MB against the small corpus.
 *
 *   npm run bench -- --filter=@callset/dataset            (from the repo root)
 *   tsx bench/bench.ts --docs 2000 --runs 5 --seed 1 --scale-docs 20000 --scale-runs 1
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, statfs, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    'scale-docs': { type: 'string', default: '20000' },
    'scale-runs': { type: 'string', default: '1' },
  },
});
const docs = Number(values.docs);
const runs = Number(values.runs);
const scaleDocs = Number(values['scale-docs']);
const scaleRuns = Number(values['scale-runs']);
const cores = availableParallelism();
const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const outDir = join(repoRoot, 'bench', 'out');

interface Run {
  timings: Record<string, number>;
  sourceBytes: number;
  documents: number;
  cached: number;
  outputBytes: number;
  maxRssBytes: number;
}

interface Stats {
  median: number;
  min: number;
  max: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

const total = (run: Run) => Object.values(run.timings).reduce((a, b) => a + b, 0);

async function baselineSeconds(dir: string): Promise<number> {
  const start = process.hrtime.bigint();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) createHash('sha256').update(await readFile(join(entry.parentPath, entry.name))).digest();
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function profile(corpus: string, ...args: string[]): Run {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'profile-once.ts'), corpus, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output) as Run;
}

/** Bytes of corpus, release and cache per document of about 52 KB, with headroom. */
const DISK_PER_DOCUMENT = 52_000 * 8;

const work = await mkdtemp(join(tmpdir(), 'callset-bench-corpus-'));
try {
  const needed = Math.max(docs, scaleDocs) * DISK_PER_DOCUMENT;
  const disk = await statfs(work);
  if (disk.bavail * disk.bsize < needed) throw new Error(`not enough free disk in ${work}: the bench needs about ${(needed / 1e9).toFixed(1)} GB`);
  const corpus = join(work, 'corpus');
  process.stderr.write(`generating ${docs} documents...\n`);
  const corpusBytes = await generateCorpus(join(repoRoot, 'seeds'), corpus, docs, Number(values.seed));
  const mb = corpusBytes / 1e6;
  await baselineSeconds(corpus); // warm the file cache
  const loadBefore = loadavg()[0] ?? 0;
  const series = { staged: [] as Run[], oneWorker: [] as Run[], twoWorkers: [] as Run[], cacheCold: [] as Run[], oneChanged: [] as Run[], baselines: [] as number[] };
  const changedFiles: string[] = [];
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`run ${run + 1}/${runs}\n`);
    series.baselines.push(await baselineSeconds(corpus));
    series.staged.push(profile(corpus));
    series.oneWorker.push(profile(corpus, '--workers', '1'));
    series.twoWorkers.push(profile(corpus, '--workers', '2'));
    const cacheDir = join(work, 'cache');
    await rm(cacheDir, { recursive: true, force: true });
    series.cacheCold.push(profile(corpus, '--workers', '2', '--cache', cacheDir));
    // One file edited the way a correction would be: a sentence appended.
    const shard = join(corpus, '000');
    const name = (await readdir(shard)).sort()[run] ?? '';
    changedFiles.push(name);
    const path = join(shard, name);
    const before = await readFile(path);
    await appendFile(path, `\nA correction to the transcript, number ${run}.\n`);
    series.oneChanged.push(profile(corpus, '--workers', '2', '--cache', cacheDir));
    await writeFile(path, before);
    await rm(cacheDir, { recursive: true, force: true });
  }
  const loadAfter = loadavg()[0] ?? 0;

  let scale: { docs: number; corpusBytes: number; runs: Run[]; error?: string } | null = null;
  if (scaleDocs > 0) {
    await rm(corpus, { recursive: true, force: true });
    const large = join(work, 'corpus-large');
    process.stderr.write(`generating ${scaleDocs} documents for the scaling check...\n`);
    const largeBytes = await generateCorpus(join(repoRoot, 'seeds'), large, scaleDocs, Number(values.seed));
    await baselineSeconds(large);
    scale = { docs: scaleDocs, corpusBytes: largeBytes, runs: [] };
    try {
      for (let run = 0; run < scaleRuns; run++) {
        process.stderr.write(`scaling run ${run + 1}/${scaleRuns}\n`);
        scale.runs.push(profile(large, '--workers', String(cores)));
      }
    } catch (error) {
      // A build that fails at scale (out of memory, say) is a finding, not a reason to lose the rest.
      scale.error = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    }
    await rm(large, { recursive: true, force: true });
  }

  const fmt = (value: number, width = 8, digits = 2) => value.toFixed(digits).padStart(width);
  const row = (label: string, seconds: Stats, bytes = corpusBytes, documents = docs, baseline = stats(series.baselines).median) =>
    `${label.padEnd(34)}${fmt(seconds.median)}${fmt(bytes / 1e6 / seconds.median, 9, 1)}${fmt(documents / seconds.median, 9, 0)}${fmt(seconds.median / baseline, 9, 1)}x  [${seconds.min.toFixed(2)}..${seconds.max.toFixed(2)}]`;
  const stages = Object.keys(series.staged[0]?.timings ?? {});
  const rss = (list: readonly Run[]) => stats(list.map((run) => run.maxRssBytes / 2 ** 20));
  const oneWorker = stats(series.oneWorker.map(total));
  const twoWorkers = stats(series.twoWorkers.map(total));
  const cold = stats(series.cacheCold.map(total));
  const changed = stats(series.oneChanged.map(total));
  const changedProcessing = stats(series.oneChanged.map((run) => run.timings['repair+parse+normalize'] ?? 0));
  const changedRest = stats(series.oneChanged.map((run) => total(run) - (run.timings['repair+parse+normalize'] ?? 0)));
  const lines = [
    `machine: ${cores} cores, load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the runs`,
    `corpus: ${docs} documents, ${mb.toFixed(1)} MB, seed ${values.seed}; ${runs} runs, median [min..max]`,
    '',
    `${'step'.padEnd(34)}${'seconds'.padStart(8)}${'MB/s'.padStart(9)}${'docs/s'.padStart(9)}${'vs base'.padStart(10)}`,
    ...stages.map((stage) => row(`${stage} (1 thread)`, stats(series.staged.map((run) => run.timings[stage] ?? 0)))),
    row('build, 1 thread, stage by stage', stats(series.staged.map(total))),
    row('build, 1 worker', oneWorker),
    row('build, 2 workers', twoWorkers),
    row('build, 2 workers, cache cold', cold),
    row('build, 2 workers, one file changed', changed),
    row('baseline: read + sha256', stats(series.baselines)),
    '',
    `speed-up 1 -> 2 workers: ${(oneWorker.median / twoWorkers.median).toFixed(2)}x`,
    `one file changed of ${docs}: ${(changed.median / twoWorkers.median).toFixed(2)} of a build without cache; ` +
      `${series.oneChanged[0]?.cached ?? 0} documents from the cache; repair+parse+normalize ${changedProcessing.median.toFixed(2)} s, the rest (read, resolve, write) ${changedRest.median.toFixed(2)} s`,
    `peak RSS (MiB, median): 1 thread ${rss(series.staged).median.toFixed(0)}, 1 worker ${rss(series.oneWorker).median.toFixed(0)}, 2 workers ${rss(series.twoWorkers).median.toFixed(0)}; output ${((series.staged[0]?.outputBytes ?? 0) / 1e6).toFixed(1)} MB`,
  ];
  if (scale) {
    const largeMb = scale.corpusBytes / 1e6;
    if (scale.error !== undefined || scale.runs.length === 0) {
      lines.push(`scaling: ${scale.docs} documents (${largeMb.toFixed(0)} MB) failed: ${scale.error ?? 'no run'}`);
    } else {
      const largeSeconds = stats(scale.runs.map(total));
      const small = cores === 2 ? twoWorkers : oneWorker;
      lines.push(
        `scaling, ${cores} workers: ${mb.toFixed(0)} MB in ${small.median.toFixed(1)} s (${(small.median / mb).toFixed(3)} s/MB), ` +
          `${largeMb.toFixed(0)} MB in ${largeSeconds.median.toFixed(1)} s (${(largeSeconds.median / largeMb).toFixed(3)} s/MB, ${scale.runs.length} run${scale.runs.length === 1 ? '' : 's'}); ` +
          `cost per MB ${(largeSeconds.median / largeMb / (small.median / mb)).toFixed(2)}x; peak RSS ${rss(scale.runs).median.toFixed(0)} MiB`,
      );
      for (const stage of Object.keys(scale.runs[0]?.timings ?? {})) {
        const smallStage = stats(series.twoWorkers.map((run) => run.timings[stage] ?? 0)).median;
        const largeStage = stats(scale.runs.map((run) => run.timings[stage] ?? 0)).median;
        lines.push(`  ${stage.padEnd(26)}${(smallStage / mb).toFixed(4)} s/MB at ${mb.toFixed(0)} MB, ${(largeStage / largeMb).toFixed(4)} s/MB at ${largeMb.toFixed(0)} MB`);
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  await mkdir(outDir, { recursive: true });
  const jsonPath = join(outDir, `pipeline-${docs}.json`);
  await writeFile(jsonPath, `${JSON.stringify({ docs, corpusBytes, cores, loadBefore, loadAfter, changedFiles, ...series, scale }, null, 2)}\n`);
  process.stderr.write(`wrote ${jsonPath}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
