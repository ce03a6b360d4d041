import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { CatalogEntry } from '@callset/schema';
import type { NormalizedRelease } from './stages.ts';

/**
 * The per-document cache: what repair, parse and normalize made of one source (speakers not
 * resolved yet), stored under a key of the source's sha256, its path (document rows and issues
 * name it), its catalog entry and the code version of those stages. A source whose key is
 * stored skips all three stages; anything else about the build (entity resolution across
 * documents, rendering the release) runs as before, so cached and uncached builds give the
 * same bytes.
 */
export interface DocumentCache {
  dir: string;
  codeVersion: string;
}

/**
 * The workspace packages the per-document stages run: a change to any file of theirs (code or
 * registry data) may change a document's rows. `@callset/writers` is not one: it only renders.
 */
const STAGE_PACKAGES = ['@callset/encoding', '@callset/parsers', '@callset/entities', '@callset/figures', '@callset/schema'] as const;

/** What of a package can change its output: its code and data, not its tests, benches or docs. */
const VERSIONED_ENTRIES = ['src', 'registry', 'package.json'];

function packageDir(name: string): string {
  // Each workspace package exports ./src/index.ts.
  return dirname(dirname(fileURLToPath(import.meta.resolve(name))));
}

function filesUnder(path: string): string[] {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // `package.json` is one of the entries versioned: a file stands for itself.
    if (code === 'ENOTDIR') return [path];
    if (code === 'ENOENT') return [];
    throw error;
  }
  return entries.flatMap((entry) => filesUnder(join(path, entry.name)));
}

/**
 * sha256 over the code and data of the per-document stages and the lockfile (third-party
 * versions): the "stage code version" part of every cache key. Hashing the files rather than
 * trusting package versions means an edit without a version bump still invalidates the cache.
 */
export function stageCodeVersion(): string {
  const datasetDir = fileURLToPath(new URL('..', import.meta.url));
  const roots = [...STAGE_PACKAGES.map(packageDir), datasetDir];
  const hash = createHash('sha256');
  for (const root of roots) {
    for (const entry of VERSIONED_ENTRIES) {
      for (const file of filesUnder(join(root, entry)).sort()) {
        hash.update(`${relative(join(root, '..'), file).split(sep).join('/')}\u0000`);
        hash.update(readFileSync(file));
      }
    }
  }
  const lockfile = join(datasetDir, '..', '..', 'package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}

export function cacheKey(cache: DocumentCache, source: { sourcePath: string; sourceSha256: string }, entry: CatalogEntry | undefined): string {
  return createHash('sha256').update(JSON.stringify([cache.codeVersion, source.sourceSha256, source.sourcePath, entry ?? null])).digest('hex');
}

function entryPath(cache: DocumentCache, key: string): string {
  return join(cache.dir, key.slice(0, 2), `${key}.v8`);
}

/** The stored result for `key`, or null when there is none or it cannot be read back (then it is rebuilt and overwritten). */
export function readCached(cache: DocumentCache, key: string): NormalizedRelease | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entryPath(cache, key));
  } catch {
    return null;
  }
  try {
    return deserialize(bytes) as NormalizedRelease;
  } catch {
    return null;
  }
}

/** Stores one document's result; written beside its place and renamed, so a reader never sees half an entry. */
export function writeCached(cache: DocumentCache, key: string, release: NormalizedRelease): void {
  const path = entryPath(cache, key);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, serialize(release));
  renameSync(temporary, path);
}
