import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCatalog, type Catalog } from '@callset/schema';
import { writeReleaseFolder } from '@callset/writers';
import { CATALOG_FILE, discoverSources } from './discover.ts';
import { writeProposals } from './entities-stage.ts';
import { defaultWorkerCount, processSources } from './parallel.ts';
import { writeStage } from './stages.ts';

export interface BuildOptions {
  inputDir: string;
  /** The release lands in `<outputDir>/next/`, the registry proposals in `<outputDir>/registry-proposals.json`. */
  outputDir: string;
  /** A catalog file; by default the input folder's own catalog.json, if any. */
  catalogPath?: string;
  log?: (message: string) => void;
  /** Worker threads for the per-document stages; 1 runs them in this thread. Default: all cores. */
  workers?: number;
}

export interface BuildSummary {
  documents: number;
  rejected: { sourcePath: string; reason: string }[];
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
  return parseCatalog(json);
}

/** The whole pipeline in one process: the same stage functions the turbo tasks run. */
export async function build(options: BuildOptions): Promise<BuildSummary> {
  const log = options.log ?? (() => {});
  const catalog = await loadCatalog(options.catalogPath ?? join(options.inputDir, CATALOG_FILE), options.catalogPath !== undefined);
  const { files, skipped } = await discoverSources(options.inputDir);
  for (const skip of skipped) log(`skipped ${skip.sourcePath}: ${skip.reason}`);
  const workers = options.workers ?? defaultWorkerCount();
  log(`repair, parse, normalize: ${files.length} files on ${workers} worker${workers === 1 ? '' : 's'}`);
  const normalized = await processSources(files, catalog, workers);
  const releaseDir = join(options.outputDir, 'next');
  log(`write: ${releaseDir}`);
  await writeReleaseFolder(releaseDir, writeStage(normalized));
  log(`registry proposals: ${await writeProposals(options.outputDir, normalized)}`);
  const rows = Object.fromEntries(Object.entries(normalized.tables).map(([table, tableRows]) => [table, tableRows.length]));
  const rejected = normalized.tables.documents
    .filter((document) => document.status === 'rejected')
    .map((document) => ({ sourcePath: document.source_path, reason: document.reject_reason ?? 'unknown' }));
  return { documents: normalized.tables.documents.length, rejected, rows, releaseDir };
}
