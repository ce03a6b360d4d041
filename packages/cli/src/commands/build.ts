import { parseArgs } from 'node:util';
import { build } from '@callset/dataset';
import { UsageError, type Io } from '../io.ts';

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { input: { type: 'string' }, output: { type: 'string' }, catalog: { type: 'string' }, strict: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false }, workers: { type: 'string' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  if (!values.input || !values.output) throw new UsageError('build needs --input DIR and --output DIR');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UsageError(`--workers must be a whole number of at least 1, not ${JSON.stringify(values.workers)}`);
  if (values.cache !== undefined && values['no-cache']) throw new UsageError('--cache DIR and --no-cache contradict each other: give one');
  const options = {
    ...(values['no-cache'] ? { cacheDir: false as const } : values.cache ? { cacheDir: values.cache } : {}),
    ...(workers ? { workers } : {}),
    inputDir: values.input,
    outputDir: values.output,
    ...(values.catalog ? { catalogPath: values.catalog } : {}),
    verbose: values.verbose,
    log: (message: string) => io.err(`${message}\n`),
  };
  let summary: Awaited<ReturnType<typeof build>>;
  try {
    summary = await build(options);
  } catch (error) {
    // The caller prints the message alone; the stack is for whoever asked for --verbose.
    if (values.verbose && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    throw error;
  }
  const counts = Object.entries(summary.rows).map(([table, rows]) => `${table} ${rows}`).join(', ');
  io.err(`built ${summary.releaseDir}: ${counts}\n`);
  for (const rejected of summary.rejected) io.err(`rejected ${rejected.sourcePath}: ${rejected.reason}: ${rejected.message}\n`);
  return values.strict && summary.rejected.length > 0 ? 1 : 0;
}
