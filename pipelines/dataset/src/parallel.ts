import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SpeakerMention } from '@callset/entities';
import { documentIdFromSha256, sortRows, type Catalog, type DocumentRow, type TableRows } from '@callset/schema';
import { cacheKey, readCached, writeCached, type DocumentCache } from './cache.ts';
import { readSource, type SourceEntry, type SourceFile } from './discover.ts';
import { speakerMentions } from './entities-stage.ts';
import { normalizeDocuments, parseStage, repairStage, type NormalizedRelease } from './stages.ts';

/** repair -> parse -> normalize of one source that duplicates no other, speakers not resolved yet. */
export function processDocument(file: SourceFile, catalog: Catalog): NormalizedRelease {
  return normalizeDocuments(parseStage(repairStage([file])), catalog);
}

/**
 * What a build keeps of each document until it writes the release: its documents rows and its
 * speakers' facts (all entity resolution reads), and where the rest of its result waits.
 */
export interface DocumentPart {
  documentId: string;
  documents: DocumentRow[];
  /** The speaker facts of its utterances, in release order. */
  mentions: SpeakerMention[];
  /** Stored under a key (cache or spill folder), or, for a rejected duplicate (a few rows), held here. */
  result: { store: DocumentCache; key: string } | { release: NormalizedRelease };
}

function partOf(release: NormalizedRelease, documentId: string, result: DocumentPart['result']): DocumentPart {
  return { documentId, documents: release.tables.documents, mentions: speakerMentions(release.tables.utterances), result };
}

/** Where a document's result waits, once its speakers are resolved. */
export type StoredDocument = Pick<DocumentPart, 'documentId' | 'result'>;

/** The stored or held result of a document. */
export function loadPart(part: StoredDocument): NormalizedRelease {
  if ('release' in part.result) return part.result.release;
  const release = readCached(part.result.store, part.result.key);
  if (!release) throw new Error(`the stored result of document ${part.documentId} (${part.result.key}) could not be read back`);
  return release;
}

/** A source to process, and where to store its result. */
export interface DocumentTask {
  source: SourceEntry;
  store: DocumentCache;
  key: string;
}

export interface ChunkTask {
  documents: DocumentTask[];
  catalog: Catalog;
}

/**
 * What a worker runs: each source read, processed and stored under its key, and only its part
 * (no texts, no rows but the documents rows) handed back.
 */
export function processChunk(task: ChunkTask): DocumentPart[] {
  return task.documents.map(({ source, store, key }) => {
    const release = processDocument(readSource(source), task.catalog);
    writeCached(store, key, release);
    return partOf(release, documentIdFromSha256(source.sha256), { store, key });
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
    if (current.length > 0 && bytes + document.source.byteLength > CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(document);
    bytes += document.source.byteLength;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * A part whose speaker facts share their strings with every other part's: a corpus's mentions
 * repeat a few names, labels and firms on every turn, and each worker message or cache read
 * brings its own copies.
 */
function sharingStrings(): (part: DocumentPart) => DocumentPart {
  const pool = new Map<string, string>();
  const shared = <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const known = pool.get(value);
    if (known !== undefined) return known as T;
    pool.set(value, value);
    return value;
  };
  return (part) => ({
    ...part,
    mentions: part.mentions.map((mention) => ({
      ...mention,
      documentId: shared(mention.documentId),
      speakerLabel: shared(mention.speakerLabel),
      speakerName: shared(mention.speakerName),
      speakerOrg: shared(mention.speakerOrg),
    })),
  });
}

async function runPool(chunks: readonly DocumentTask[][], catalog: Catalog, workers: number, received: (part: DocumentPart) => DocumentPart): Promise<DocumentPart[]> {
  const results: DocumentPart[][] = new Array(chunks.length);
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
              thread.once('message', (result: DocumentPart[]) => {
                results[index] = result.map(received);
                feed();
              });
              thread.postMessage({ documents: chunks[index] ?? [], catalog } satisfies ChunkTask);
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
  cache: DocumentCache | null;
  /** Where results go that the cache does not keep: a folder for this build alone. */
  spill: DocumentCache;
}

export interface ProcessedSources {
  /** Every document part, by document_id (a duplicate after its original). */
  parts: DocumentPart[];
  /** Documents read from the cache, and documents processed (and stored, with a cache). */
  cached: number;
  processed: number;
}

/**
 * The repair, parse and normalize stages over every source, spread over worker threads, each
 * document's result stored (in the cache, or the spill folder) rather than held. Duplicates are
 * settled first, here, so each document is independent.
 */
export async function processSources(sources: readonly SourceEntry[], catalog: Catalog, options: ProcessOptions): Promise<ProcessedSources> {
  const workers = options.workers ?? defaultWorkerCount();
  const { cache, spill } = options;
  const firstBySha = new Map<string, SourceEntry>();
  const received = sharingStrings();
  const parts: DocumentPart[] = [];
  const misses: DocumentTask[] = [];
  const duplicates: [SourceEntry, SourceEntry][] = [];
  for (const source of sources) {
    const first = firstBySha.get(source.sha256);
    if (first) {
      duplicates.push([first, source]);
      continue;
    }
    firstBySha.set(source.sha256, source);
    const key = { sourcePath: source.sourcePath, sourceSha256: source.sha256 };
    // Unread files cost nothing to redo and their reason may change with the next read: never cached.
    const store = cache && !source.unread ? cache : spill;
    const storeKey = cacheKey(store, key, catalog[source.sha256]);
    const hit = store === cache ? readCached(store, storeKey) : null;
    if (hit) parts.push(received(partOf(hit, documentIdFromSha256(source.sha256), { store, key: storeKey })));
    else misses.push({ source, store, key: storeKey });
  }
  const cached = parts.length;
  if (workers <= 1) parts.push(...processChunk({ documents: misses, catalog }).map(received));
  else parts.push(...(await runPool(chunk(misses), catalog, workers, received)));
  // A duplicate is rejected by the same code that rejects it in one pass: repair it after its original.
  for (const [first, duplicate] of duplicates) {
    const [, rejected] = repairStage([readSource(first), readSource(duplicate)]);
    if (!rejected) continue;
    const release = normalizeDocuments(parseStage([rejected]), catalog);
    parts.push(partOf(release, documentIdFromSha256(duplicate.sha256), { release }));
  }
  // Stable: a duplicate stays after its original.
  parts.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  return { parts, cached, processed: misses.length };
}
