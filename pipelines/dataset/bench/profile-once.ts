/**
 * Times one build over a corpus folder, in this process; prints JSON. Used by bench.ts.
 *   profile-once.ts CORPUS                       each stage in this thread, timed apart
 *   profile-once.ts CORPUS --workers N           repair+parse+normalize over N workers as one timing
 *   profile-once.ts CORPUS --workers N --cache DIR   the same with the per-document cache in DIR
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReleaseFolder } from '@callset/writers';
import { stageCodeVersion } from '../src/cache.ts';
import { discoverSources } from '../src/discover.ts';
import { processSources } from '../src/parallel.ts';
import { normalizeStage, parseStage, repairStage, writeStage } from '../src/stages.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { workers: { type: 'string' }, cache: { type: 'string' } } });
const inputDir = positionals[0] ?? '';
const workers = values.workers === undefined ? null : Number(values.workers);
const cache = values.cache === undefined ? null : { dir: values.cache, codeVersion: stageCodeVersion() };
const timings: Record<string, number> = {};
async function timed<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await run();
  timings[name] = Number(process.hrtime.bigint() - start) / 1e9;
  return result;
}

const out = await mkdtemp(join(tmpdir(), 'callset-bench-'));
const files = await timed('read', () => discoverSources(inputDir));
let cached = 0;
const normalized =
  workers === null
    ? await (async () => {
        const repaired = await timed('repair', () => repairStage(files));
        const parsed = await timed('parse', () => parseStage(repaired));
        return timed('normalize', () => normalizeStage(parsed, {}));
      })()
    : await timed('repair+parse+normalize', async () => {
        const processed = await processSources(files, {}, { workers, cache });
        cached = processed.cached;
        return processed.release;
      });
const rendered = await timed('render', () => writeStage(normalized));
await timed('write', () => writeReleaseFolder(join(out, 'next'), rendered));
let outputBytes = 0;
for (const bytes of rendered.values()) outputBytes += bytes.byteLength;
await rm(out, { recursive: true, force: true });
const sourceBytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
process.stdout.write(`${JSON.stringify({ timings, sourceBytes, documents: files.length, cached, outputBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
