import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { build } from '@callset/dataset';
import { repairBytes } from '@callset/encoding';

const HELP = `callset: earnings-call transcripts and investor-forum threads into a versioned dataset

Usage:
  callset build --input DIR --output DIR [--catalog FILE] [--strict]
      Run the whole pipeline on every file under --input (recursively, sorted) and
      write the release to <--output>/next/. A catalog.json at the top of --input is
      read as that folder's catalog unless --catalog names another. Every input ends
      up in documents.csv, parsed or rejected with a reason. Exit code 0 unless
      --strict and a document was rejected.
  callset repair [FILE] [--explain]
      Print FILE (or stdin) with its encoding repaired. --explain lists each repair
      (offset, before, after, rule) on stderr instead.
  callset help | --help
      This text.
`;

export type Writer = (text: string) => void;

export interface Io {
  out: Writer;
  err: Writer;
  readStdin: () => Promise<Uint8Array>;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

class UsageError extends Error {}

async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { input: { type: 'string' }, output: { type: 'string' }, catalog: { type: 'string' }, strict: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  if (!values.input || !values.output) throw new UsageError('build needs --input DIR and --output DIR');
  const summary = await build({
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

async function repairCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { explain: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw new UsageError('repair takes at most one FILE');
  const [file] = positionals;
  const bytes = file ? await readFile(file) : await io.readStdin();
  const result = repairBytes(bytes);
  if (values.explain) {
    for (const repair of [...result.repairs, ...result.normalizations].sort((a, b) => a.offset - b.offset)) {
      io.out(`${repair.offset}\t${JSON.stringify(repair.before)}\t${JSON.stringify(repair.after)}\t${repair.rule}\n`);
    }
    io.err(`${result.repairs.length} repairs, ${result.normalizations.length} normalizations, decoded as ${result.encoding}\n`);
  } else {
    io.out(result.text);
  }
  return 0;
}

/** Runs the callset command line; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? 2 : 0;
      case 'build':
        return await buildCommand(rest, io);
      case 'repair':
        return await repairCommand(rest, io);
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`callset: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) io.err('Run `callset --help` for usage.\n');
    return usage ? 2 : 1;
  }
}
