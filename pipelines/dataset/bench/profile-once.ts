/**
 * Times one build over a corpus folder, in this process; prints JSON. Used by bench.ts.
 *   profile-once.ts CORPUS                       each stage in this thread, in memory, timed apart
 *   profile-once.ts CORPUS --workers N           `callset build` over N workers, no cache: read,
 *                                                repair+parse+normalize, resolve (speakers), write
 *   profile-once.ts CORPUS --workers N --cache DIR   the same with the per-document cache in DIR
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReleaseFolder, type Manifest } from '@callset/writers';
import { build } from '../src/build.ts';
import { discoverSources } from '../src/discover.ts';
import { normalizeStage, parseStage, repairStage, writeStage } from '../src/stages.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { workers: { type: 'string' }, cache: { type: 'string' } } });
const inputDir = positionals[0] ?? '';
const workers = values.workers === undefined ? null : Number(values.workers);
const timings: Record<string, number> = {};
async function timed<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await run();
  timings[name] = Number(process.hrtime.bigint() - start) / 1e9;
  return result;
}

const out = await mkdtemp(join(tmpdir(), 'callset-bench-'));
let sourceBytes = 0;
for (const entry of await readdir(inputDir, { recursive: true, withFileTypes: true })) {
  if (entry.isFile()) sourceBytes += (await stat(join(entry.parentPath, entry.name))).size;
}
let documents: number;
let cached = 0;
if (workers === null) {
  const files = await timed('read', () => discoverSources(inputDir));
  const repaired = await timed('repair', () => repairStage(files));
  const parsed = await timed('parse', () => parseStage(repaired));
  const normalized = await timed('normalize', () => normalizeStage(parsed, {}));
  const rendered = await timed('render', () => writeStage(normalized));
  await timed('write', () => writeReleaseFolder(join(out, 'next'), rendered));
  documents = files.length;
} else {
  // build() logs as each phase starts: the time between its messages is each phase's.
  const phases: [string, bigint][] = [['read', process.hrtime.bigint()]];
  const phaseOf = (message: string) =>
    message.startsWith('repair, parse, normalize') ? 'repair+parse+normalize' : message === 'resolve speakers' ? 'resolve' : message.startsWith('write: ') ? 'write' : null;
  const log = (message: string) => {
    const phase = phaseOf(message);
    if (phase) phases.push([phase, process.hrtime.bigint()]);
    const hits = /^cache: (\d+) read/.exec(message);
    if (hits) cached = Number(hits[1]);
  };
  const summary = await build({ inputDir, outputDir: out, workers, cacheDir: values.cache ?? false, log });
  phases.push(['end', process.hrtime.bigint()]);
  for (const [index, [phase, start]] of phases.slice(0, -1).entries()) timings[phase] = Number((phases[index + 1]?.[1] ?? start) - start) / 1e9;
  documents = summary.documents;
}
const manifest = JSON.parse(await readFile(join(out, 'next', 'manifest.json'), 'utf8')) as Manifest;
// The manifest lists every file but itself and SHA256SUMS, a few KB.
const outputBytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
await rm(out, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ timings, sourceBytes, documents, cached, outputBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
