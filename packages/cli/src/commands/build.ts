import { parseArgs } from 'node:util';
import { build } from '@callset/dataset';
import { UsageError, type Io } from '../io.ts';

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { input: { type: 'string' }, output: { type: 'string' }, catalog: { type: 'string' }, strict: { type: 'boolean', default: false }, workers: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (!values.input || !values.output) throw new UsageError('build needs --input DIR and --output DIR');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UsageError(`--workers must be a whole number of at least 1, not ${JSON.stringify(values.workers)}`);
  const summary = await build({
    ...(workers ? { workers } : {}),
    inputDir: values.input,
    outputDir: values.output,
    ...(values.catalog ? { catalogPath: values.catalog } : {}),
    log: (message) => io.err(`${message}\n`),
  });
  const counts = Object.entries(summary.rows).map(([table, rows]) => `${table} ${rows}`).join(', ');
  io.err(`built ${summary.releaseDir}: ${counts}\n`);
  for (const rejected of summary.rejected) io.err(`rejected ${rejected.sourcePath}: ${rejected.reason}\n`);
  return values.strict && summary.rejected.length > 0 ? 1 : 0;
}
