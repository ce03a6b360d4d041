import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCatalog, type Catalog } from '@callset/schema';
import { makeTempFolder } from '@callset/writers';
import { stageCodeVersion } from './cache.ts';
import { CATALOG_FILE, discoverSourceEntries, readSource, type DiscoverIo, type SourceEntry } from './discover.ts';
import { writeProposals } from './entities-stage.ts';
import { defaultWorkerCount, processSources, type ProcessOptions } from './parallel.ts';
import { parseStage, repairStage } from './stages.ts';
import { resolveParts, writeRelease, type Rejection, type ResolvedCorpus } from './write-release.ts';

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
  rejected: Rejection[];
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

/**
 * The whole pipeline in one process, in memory that does not grow with the corpus beyond what
 * entity resolution reads: documents are processed and stored (cache or a spill folder beside
 * the release), speakers resolved across them, then the release streamed out document by
 * document. The same stage functions as the turbo tasks, and the same bytes.
 */
export async function build(options: BuildOptions): Promise<BuildSummary> {
  const log = options.log ?? (() => {});
  const catalog = await loadCatalog(options.catalogPath ?? join(options.inputDir, CATALOG_FILE), options.catalogPath !== undefined);
  const sources = await discoverSourceEntries(options.inputDir, options.discoverIo);
  const workers = options.workers ?? defaultWorkerCount();
  const cacheDir = options.cacheDir ?? join(options.outputDir, '.cache', 'documents');
  const cache = cacheDir === false ? null : { dir: cacheDir, codeVersion: stageCodeVersion() };
  log(`repair, parse, normalize: ${sources.length} files on ${workers} worker${workers === 1 ? '' : 's'}${cache ? `, cache ${cache.dir}` : ', no cache'}`);
  // Results the cache does not keep wait here; a build killed before it removes the folder leaves it to removeStaleTemp.
  const spillDir = await makeTempFolder(options.outputDir, 'spill');
  try {
    const corpus = await processAndResolve(sources, catalog, { workers, cache, spill: { dir: spillDir, codeVersion: 'spill' } }, log);
    const releaseDir = join(options.outputDir, 'next');
    log(`write: ${releaseDir}`);
    const written = await writeRelease(
      releaseDir,
      corpus,
      sources.map((source) => ({ source_path: source.sourcePath, source_sha256: source.sha256 })),
    );
    log(`registry proposals: ${await writeProposals(options.outputDir, written.proposals)}`);
    if (options.verbose) {
      const failed = written.rejected.filter((document) => document.reason === 'internal/parser-error').map((document) => document.sourcePath);
      for (const { sourcePath, stack } of parserStacks(sources, failed)) log(`${sourcePath}: ${stack}`);
    }
    return { documents: written.rows.documents, rejected: written.rejected, rows: written.rows, releaseDir };
  } finally {
    await rm(spillDir, { recursive: true, force: true });
  }
}

/** Phases one and two: every document processed and stored, then speakers resolved; the speaker facts are let go on return. */
async function processAndResolve(sources: readonly SourceEntry[], catalog: Catalog, options: ProcessOptions, log: (message: string) => void): Promise<ResolvedCorpus> {
  const processed = await processSources(sources, catalog, options);
  if (options.cache) log(`cache: ${processed.cached} read, ${processed.processed} processed and stored (of ${processed.cached + processed.processed} distinct sources)`);
  log('resolve speakers');
  return resolveParts(processed.parts);
}

/**
 * The stacks of the parsers that threw on `sourcePaths`, for `--verbose`: re-run here, in this
 * thread, because the workers hand back release rows only and a stack never goes into those.
 */
function parserStacks(sources: readonly SourceEntry[], sourcePaths: readonly string[]): { sourcePath: string; stack: string }[] {
  return sources
    .filter((source) => sourcePaths.includes(source.sourcePath))
    .flatMap((source) => parseStage(repairStage([readSource(source)])).flatMap((parsed) => (parsed.stack ? [{ sourcePath: source.sourcePath, stack: parsed.stack }] : [])));
}
