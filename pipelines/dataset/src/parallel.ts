import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sortRows, type Catalog, type TableRows } from '@callset/schema';
import { cacheKey, readCached, writeCached, type DocumentCache } from './cache.ts';
import { sourceSha256, type SourceFile } from './discover.ts';
import { resolveEntitiesStage } from './entities-stage.ts';
import { normalizeDocuments, parseStage, repairStage, type NormalizedRelease } from './stages.ts';

/** A source to process, and where to store the result when the build has a cache. */
export interface DocumentTask {
  file: SourceFile;
  cacheKey: string | null;
}

export interface ChunkTask {
  documents: DocumentTask[];
  catalog: Catalog;
  cache: DocumentCache | null;
}

/**
 * repair -> parse -> normalize, one document at a time, over sources that hold no duplicates of
 * each other, speakers not resolved yet: what a worker runs. Each result is stored in the cache
 * under its key.
 */
export function processChunk(task: ChunkTask): NormalizedRelease[] {
  return task.documents.map(({ file, cacheKey: key }) => {
    const release = normalizeDocuments(parseStage(repairStage([file])), task.catalog);
    if (task.cache && key) writeCached(task.cache, key, release);
    return release;
  });
}

/** The releases of disjoint sets of documents as one release, rows in release order, speakers not resolved yet. */
export function concatReleases(parts: readonly NormalizedRelease[], sources: NormalizedRelease['sources']): NormalizedRelease {
  const tables: TableRows = {
    documents: sortRows('documents', parts.flatMap((part) => part.tables.documents)),
    utterances: sortRows('utterances', parts.flatMap((part) => part.tables.utterances)),
    speakers: [],
    firms: [],
    figures: sortRows('figures', parts.flatMap((part) => part.tables.figures)),
    table_cells: sortRows('table_cells', parts.flatMap((part) => part.tables.table_cells)),
    issues: sortRows('issues', parts.flatMap((part) => part.tables.issues)),
  };
  const texts = Object.fromEntries(parts.flatMap((part) => Object.entries(part.texts)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { tables, texts, sources };
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** Chunks of at most this many source bytes: small enough to balance two cores, large enough to amortise messaging. */
const CHUNK_BYTES = 4 * 2 ** 20;

function chunk(documents: readonly DocumentTask[]): DocumentTask[][] {
  const chunks: DocumentTask[][] = [];
  let current: DocumentTask[] = [];
  let bytes = 0;
  for (const document of documents) {
    if (current.length > 0 && bytes + document.file.bytes.byteLength > CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(document);
    bytes += document.file.bytes.byteLength;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

async function runPool(chunks: readonly DocumentTask[][], catalog: Catalog, cache: DocumentCache | null, workers: number): Promise<NormalizedRelease[]> {
  const results: NormalizedRelease[][] = new Array(chunks.length);
  let next = 0;
  const threads = Array.from({ length: Math.min(workers, chunks.length) }, () => new Worker(new URL('./worker-entry.js', import.meta.url)));
  try {
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= chunks.length) return resolve();
              const index = next++;
              thread.once('message', (result: NormalizedRelease[]) => {
                results[index] = result;
                feed();
              });
              thread.postMessage({ documents: chunks[index] ?? [], catalog, cache } satisfies ChunkTask);
            };
            thread.once('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return results.flat();
}

export interface ProcessOptions {
  /** Threads for the documents the cache does not hold; 1 runs them in this thread. Default: all cores. */
  workers?: number;
  cache?: DocumentCache | null;
}

export interface ProcessedSources {
  release: NormalizedRelease;
  /** Documents read from the cache, and documents processed (and stored, with a cache). */
  cached: number;
  processed: number;
}

/**
 * The repair, parse and normalize stages over every source, spread over worker threads, then
 * speakers resolved across all of them. Duplicates are settled first, here, so each document is
 * independent; the result is byte for byte what one thread without a cache gives.
 */
export async function processSources(files: readonly SourceFile[], catalog: Catalog, options: ProcessOptions = {}): Promise<ProcessedSources> {
  const workers = options.workers ?? defaultWorkerCount();
  const cache = options.cache ?? null;
  const firstBySha = new Map<string, SourceFile>();
  const parts: NormalizedRelease[] = [];
  const misses: DocumentTask[] = [];
  const duplicates: [SourceFile, SourceFile][] = [];
  for (const file of files) {
    const sha = sourceSha256(file);
    const first = firstBySha.get(sha);
    if (first) {
      duplicates.push([first, file]);
      continue;
    }
    firstBySha.set(sha, file);
    // Unread files cost nothing to redo and their reason may change with the next read: never cached.
    const key = cache && !file.unread ? cacheKey(cache, { sourcePath: file.sourcePath, sourceSha256: sha }, catalog[sha]) : null;
    const hit = cache && key ? readCached(cache, key) : null;
    if (hit) parts.push(hit);
    else misses.push({ file, cacheKey: key });
  }
  const cached = parts.length;
  if (workers <= 1) parts.push(...processChunk({ documents: misses, catalog, cache }));
  else parts.push(...(await runPool(chunk(misses), catalog, cache, workers)));
  // A duplicate is rejected by the same code that rejects it in one pass: repair it after its original.
  for (const [first, duplicate] of duplicates) {
    const [, rejected] = repairStage([first, duplicate]);
    if (rejected) parts.push(normalizeDocuments(parseStage([rejected]), catalog));
  }
  const sources = files.map((file) => ({ source_path: file.sourcePath, source_sha256: sourceSha256(file) }));
  return { release: resolveEntitiesStage(concatReleases(parts, sources)), cached, processed: misses.length };
}
