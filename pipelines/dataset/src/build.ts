import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCatalog, type Catalog } from '@callset/schema';
import { writeReleaseFolder } from '@callset/writers';
import { stageCodeVersion } from './cache.ts';
import { CATALOG_FILE, discoverSources, type DiscoverIo, type SourceFile } from './discover.ts';
import { writeProposals } from './entities-stage.ts';
import { defaultWorkerCount, processSources } from './parallel.ts';
import { parseStage, repairStage, writeStage } from './stages.ts';

export interface BuildOptions {
  inputDir: string;
  /** The release lands in `<outputDir>/next/`, the registry proposals in `<outputDir>/registry-proposals.json`. */
  outputDir: string;
  /** A catalog file; by default the input folder's own catalog.json, if any. */
  catalogPath?: string;
  log?: (message: string) => void;
  /** Worker threads for the per-document stages; 1 runs them in this thread. Default: all cores. */
  workers?: number;
  /** Also log the stack of every parser that threw (`callset build --verbose`). */
  verbose?: boolean;
  /**
   * The per-document cache folder (see cache.ts), or false for none. Default:
   * `<outputDir>/.cache/documents`.
   */
  cacheDir?: string | false;
  /** Discovery's file reads; tests inject failures here. */
  discoverIo?: DiscoverIo;
}

export interface BuildSummary {
  documents: number;
  /** Each rejected document, with the message of the issue that gives its reason. */
  rejected: { sourcePath: string; reason: string; message: string }[];
  rows: Record<string, number>;
  releaseDir: string;
}

export async function loadCatalog(path: string, required: boolean): Promise<Catalog> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`cannot read catalog ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`catalog ${path} is not JSON: ${(error as Error).message}`);
  }
  try {
    return parseCatalog(json);
  } catch (error) {
    throw new Error(`catalog ${path}: ${(error as Error).message}`);
  }
}

/** The whole pipeline in one process: the same stage functions the turbo tasks run. */
export async function build(options: BuildOptions): Promise<BuildSummary> {
  const log = options.log ?? (() => {});
  const catalog = await loadCatalog(options.catalogPath ?? join(options.inputDir, CATALOG_FILE), options.catalogPath !== undefined);
  const files = await discoverSources(options.inputDir, options.discoverIo);
  const workers = options.workers ?? defaultWorkerCount();
  const cacheDir = options.cacheDir ?? join(options.outputDir, '.cache', 'documents');
  const cache = cacheDir === false ? null : { dir: cacheDir, codeVersion: stageCodeVersion() };
  log(`repair, parse, normalize: ${files.length} files on ${workers} worker${workers === 1 ? '' : 's'}${cache ? `, cache ${cache.dir}` : ', no cache'}`);
  const processed = await processSources(files, catalog, { workers, cache });
  if (cache) log(`cache: ${processed.cached} read, ${processed.processed} processed and stored (of ${processed.cached + processed.processed} distinct sources)`);
  const normalized = processed.release;
  const releaseDir = join(options.outputDir, 'next');
  log(`write: ${releaseDir}`);
  await writeReleaseFolder(releaseDir, writeStage(normalized));
  log(`registry proposals: ${await writeProposals(options.outputDir, normalized)}`);
  const rows = Object.fromEntries(Object.entries(normalized.tables).map(([table, tableRows]) => [table, tableRows.length]));
  const rejected = normalized.tables.documents
    .filter((document) => document.status === 'rejected')
    .map((document) => {
      const reason = document.reject_reason ?? 'unknown';
      const issue = normalized.tables.issues.find((row) => row.source_path === document.source_path && row.code === reason);
      return { sourcePath: document.source_path, reason, message: issue?.message ?? '' };
    });
  if (options.verbose) {
    const failed = rejected.filter((document) => document.reason === 'internal/parser-error').map((document) => document.sourcePath);
    for (const { sourcePath, stack } of parserStacks(files, failed)) log(`${sourcePath}: ${stack}`);
  }
  return { documents: normalized.tables.documents.length, rejected, rows, releaseDir };
}

/**
 * The stacks of the parsers that threw on `sourcePaths`, for `--verbose`: re-run here, in this
 * thread, because the workers hand back release rows only and a stack never goes into those.
 */
function parserStacks(files: readonly SourceFile[], sourcePaths: readonly string[]): { sourcePath: string; stack: string }[] {
  return files
    .filter((file) => sourcePaths.includes(file.sourcePath))
    .flatMap((file) => parseStage(repairStage([file])).flatMap((source) => (source.stack ? [{ sourcePath: file.sourcePath, stack: source.stack }] : [])));
}
