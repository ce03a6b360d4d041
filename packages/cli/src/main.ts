import { readFileSync } from 'node:fs';
import { UsageError, defaultIo, type Io } from './io.ts';
import { buildCommand } from './commands/build.ts';
import { evalCommand } from './commands/eval.ts';
import { registryCommand } from './commands/registry.ts';
import { releaseCommand } from './commands/release.ts';
import { repairCommand } from './commands/repair.ts';
import { verifyCommand } from './commands/verify.ts';

export type { Io } from './io.ts';

/** The version in this package's package.json, which npm publishes it under. */
const CLI_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const HELP = `callset: earnings-call transcripts and investor-forum threads into a versioned dataset

Usage:
  callset build --input DIR --output DIR [--catalog FILE] [--strict] [--workers N]
                [--cache DIR | --no-cache] [--verbose]
      Run the whole pipeline on every file under --input (recursively, sorted) and
      write the release to <--output>/next/, and the people the person registry
      does not hold to <--output>/registry-proposals.json. A catalog.json at the
      top of --input is read as that folder's catalog unless --catalog names
      another. Every input ends up in documents.csv, parsed or rejected with a
      reason. Exit code 0 unless --strict and a document was rejected. --workers N
      spreads documents over N threads (default: all cores); the output is the
      same bytes for any N. What repair, parse and normalize made of each source is
      cached per document (default <--output>/.cache/documents/; --cache DIR puts
      it elsewhere, --no-cache turns it off), keyed by the source's sha256, path
      and catalog entry and by the code of those stages: a rebuild redoes only the
      sources that changed, and gives the same bytes as a build without a cache.
      --verbose also prints the stack of any internal error.
  callset registry accept [--proposals FILE] [--registry DIR]
      Merge the people a build proposed (default output/registry-proposals.json,
      written by every build beside <--output>/next/) into the person registry
      (default packages/entities/registry/people.json): new people are added, known
      ids gain the proposal's aliases and evidence. Builds never write the registry.
  callset repair [FILE] [--explain]
      Print FILE (or stdin) with its encoding repaired. --explain lists each repair
      (offset, before, after, rule) on stderr instead.
  callset release --bump patch|minor|major [--public] [--output DIR] [--dist DIR]
      Freeze <--output>/next/ (default output/next/) into <--output>/<version>/ with
      CHANGELOG.md and changes.json against the previous frozen release, and write
      <--dist>/callset-<version>.tar.gz (default dist/). A frozen version is never
      rewritten; a contract break (column removed or retyped) needs --bump major.
      --public withholds the text of sources that are not redistributable.
  callset verify DIR [--public]
      Recheck a release folder: SHA256SUMS, manifest.json, row counts and schemas of
      every table in CSV, Arrow and Parquet. --public also fails on any text of a
      non-redistributable source. Exit code 1 on any mismatch.
  callset eval --gold DIR [--release DIR] [--details]
      Score a release (default output/next/) against hand-written annotations: every
      *.json file in --gold (format in tests/gold/README.md). Prints, per document and
      overall, turn precision, recall and F1, and speaker, speaker-type and section
      accuracy of the matched turns; --details lists every disagreement. Exit code 0.
  callset help | --help
      This text.
  callset --version
      The version of callset.
`;

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
      case 'version':
      case '--version':
        io.out(`callset ${CLI_VERSION}\n`);
        return 0;
      case 'build':
        return await buildCommand(rest, io);
      case 'registry':
        return await registryCommand(rest, io);
      case 'repair':
        return await repairCommand(rest, io);
      case 'release':
        return await releaseCommand(rest, io);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'eval':
        return await evalCommand(rest, io);
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
