import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sortRows, type Catalog, type TableRows } from '@callset/schema';
import { sourceSha256, type SourceFile } from './discover.ts';
import { resolveEntitiesStage } from './entities-stage.ts';
import { normalizeDocuments, parseStage, repairStage, type NormalizedRelease } from './stages.ts';

export interface ChunkTask {
  files: SourceFile[];
  catalog: Catalog;
}

/** repair -> parse -> normalize over sources that hold no duplicates of each other, speakers not resolved yet: what a worker runs. */
export function processChunk(task: ChunkTask): NormalizedRelease {
  return normalizeDocuments(parseStage(repairStage(task.files)), task.catalog);
}

/** Joins the releases of disjoint chunks (given in input order) as if they had been built together, then resolves speakers across all of them. */
export function mergeReleases(parts: readonly NormalizedRelease[], sources: NormalizedRelease['sources']): NormalizedRelease {
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
  return resolveEntitiesStage({ tables, texts, sources });
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** Chunks of at most this many source bytes: small enough to balance two cores, large enough to amortise messaging. */
const CHUNK_BYTES = 4 * 2 ** 20;

function chunk(files: readonly SourceFile[]): SourceFile[][] {
  const chunks: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && bytes + file.bytes.byteLength > CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.bytes.byteLength;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

async function runPool(chunks: readonly SourceFile[][], catalog: Catalog, workers: number): Promise<NormalizedRelease[]> {
  const results: NormalizedRelease[] = new Array(chunks.length);
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
              thread.once('message', (result: NormalizedRelease) => {
                results[index] = result;
                feed();
              });
              thread.postMessage({ files: chunks[index] ?? [], catalog } satisfies ChunkTask);
            };
            thread.once('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return results;
}

/**
 * The repair, parse and normalize stages over every source, spread over `workers` threads.
 * Duplicates are settled first, here, so each chunk is independent; the result is byte for byte
 * what one thread gives.
 */
export async function processSources(files: readonly SourceFile[], catalog: Catalog, workers = defaultWorkerCount()): Promise<NormalizedRelease> {
  if (workers <= 1) return resolveEntitiesStage(processChunk({ files: [...files], catalog }));
  const firstBySha = new Map<string, SourceFile>();
  const unique: SourceFile[] = [];
  const duplicates: [SourceFile, SourceFile][] = [];
  for (const file of files) {
    const sha = sourceSha256(file);
    const first = firstBySha.get(sha);
    if (first) duplicates.push([first, file]);
    else {
      firstBySha.set(sha, file);
      unique.push(file);
    }
  }
  const parts = await runPool(chunk(unique), catalog, workers);
  // A duplicate is rejected by the same code that rejects it in one thread: repair it after its original.
  for (const [first, duplicate] of duplicates) {
    const [, rejected] = repairStage([first, duplicate]);
    if (rejected) parts.push(normalizeDocuments(parseStage([rejected]), catalog));
  }
  const sources = files.map((file) => ({ source_path: file.sourcePath, source_sha256: sourceSha256(file) }));
  return mergeReleases(parts, sources);
}
