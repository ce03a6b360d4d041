/** Times each stage once over a corpus folder, in this process; prints JSON. Used by bench.ts. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReleaseFolder } from '@callset/writers';
import { discoverSources } from '../src/discover.ts';
import { processSources } from '../src/parallel.ts';
import { normalizeStage, parseStage, repairStage, writeStage } from '../src/stages.ts';

const [inputDir = '', workersArg] = process.argv.slice(2);
/** With a worker count, time the parallel path as one 'process' stage; without, each stage in this thread. */
const workers = workersArg === undefined ? null : Number(workersArg);
const timings: Record<string, number> = {};
async function timed<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await run();
  timings[name] = Number(process.hrtime.bigint() - start) / 1e9;
  return result;
}

const out = await mkdtemp(join(tmpdir(), 'callset-bench-'));
const files = await timed('read', () => discoverSources(inputDir));
const normalized =
  workers === null
    ? await (async () => {
        const repaired = await timed('repair', () => repairStage(files));
        const parsed = await timed('parse', () => parseStage(repaired));
        return timed('normalize', () => normalizeStage(parsed, {}));
      })()
    : await timed(`repair+parse+normalize (${workers} workers)`, () => processSources(files, {}, workers));
const rendered = await timed('render', () => writeStage(normalized));
await timed('write', () => writeReleaseFolder(join(out, 'next'), rendered));
let outputBytes = 0;
for (const bytes of rendered.values()) outputBytes += bytes.byteLength;
await rm(out, { recursive: true, force: true });
const sourceBytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
process.stdout.write(`${JSON.stringify({ timings, sourceBytes, documents: files.length, outputBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
