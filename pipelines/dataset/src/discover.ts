import { readFileSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { sha256Hex } from '@callset/schema';
import type { RejectReason } from './reject-reasons.ts';

/** Why discovery could not hand a file's bytes on; each ends up a rejected document. */
export type UnreadReason = Exclude<Extract<RejectReason, `discover/${string}`>, 'discover/duplicate'>;

export interface SourceFile {
  /** Relative to the input folder, '/' separated. */
  sourcePath: string;
  /** The file's bytes; empty when `unread` is set. */
  bytes: Uint8Array;
  /** Set when the bytes were never read: why, in words a person understands. */
  unread?: { reason: UnreadReason; message: string };
}

/**
 * A source as discovery found it, its bytes left on disk: what a build holds of every source at
 * once. Known by the sha256 of the bytes discovery read; `readSource` reads them again.
 */
export interface SourceEntry {
  sourcePath: string;
  /** The resolved path of the file; null when it was never read. */
  location: string | null;
  sha256: string;
  byteLength: number;
  unread?: SourceFile['unread'];
}

/** The I/O discovery does, injectable so tests can make a read fail (they run as root, so permissions prove nothing). */
export interface DiscoverIo {
  readFile: (path: string) => Promise<Uint8Array>;
}

const nodeIo: DiscoverIo = { readFile: (path) => readFile(path) };

/** The name of a folder's own catalog: read as metadata, never as a source. */
export const CATALOG_FILE = 'catalog.json';

/**
 * The sha256 a source is known by. An unread file has no content to hash, so it is known by its
 * path instead, in a namespace no file's bytes can collide with by accident.
 */
export function sourceSha256(file: SourceFile): string {
  return file.unread ? sha256Hex(new TextEncoder().encode(`callset-unread-path:${file.sourcePath}`)) : sha256Hex(file.bytes);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function unread(sourcePath: string, reason: UnreadReason, message: string): SourceFile {
  return { sourcePath, bytes: new Uint8Array(0), unread: { reason, message } };
}

/**
 * Every file under `inputDir`, recursing into folders, in sorted order. Symlinks are followed
 * only when they resolve inside `inputDir`. Whatever cannot be read comes back as an unread
 * source rather than an exception, so one bad path never stops a build. Each file is handed to
 * `keep` as soon as it is read, with its resolved path, and only what `keep` returns is kept.
 */
async function walkSources<T>(inputDir: string, io: DiscoverIo, keep: (file: SourceFile, location: string | null) => T): Promise<T[]> {
  const root = await realpath(inputDir);
  const files: T[] = [];
  const visiting = new Set<string>();
  const skip = (sourcePath: string, reason: UnreadReason, message: string) => files.push(keep(unread(sourcePath, reason, message), null));

  async function walk(dir: string, dirPath: string): Promise<void> {
    let real: string;
    let names: string[];
    try {
      real = await realpath(dir);
      names = (await readdir(dir)).sort(byCodeUnit);
    } catch (error) {
      skip(dirPath, 'discover/unreadable', `the folder could not be listed (${errorCode(error)})`);
      return;
    }
    // A symlink back to an ancestor would otherwise recurse forever.
    if (visiting.has(real)) return;
    visiting.add(real);
    for (const name of names) {
      const full = join(dir, name);
      const sourcePath = relative(inputDir, full).split(sep).join('/');
      if (dir === inputDir && name === CATALOG_FILE) continue;
      let resolved: string;
      try {
        resolved = await realpath(full);
      } catch {
        skip(sourcePath, 'discover/broken-symlink', 'a symlink whose target does not exist');
        continue;
      }
      if (resolved !== root && !resolved.startsWith(root + sep)) {
        skip(sourcePath, 'discover/symlink-outside-input', 'a symlink to a path outside the input folder: not followed');
        continue;
      }
      try {
        const info = await stat(resolved);
        if (info.isDirectory()) await walk(full, sourcePath);
        // Reading a FIFO or a device could block forever or never end.
        else if (!info.isFile()) skip(sourcePath, 'discover/not-a-file', 'not a regular file (a FIFO, socket or device): not read');
        else files.push(keep({ sourcePath, bytes: await io.readFile(resolved) }, resolved));
      } catch (error) {
        skip(sourcePath, 'discover/unreadable', `the file could not be read (${errorCode(error)})`);
      }
    }
    visiting.delete(real);
  }

  await walk(inputDir, '.');
  return files;
}

/** Every source under `inputDir` with its bytes (see walkSources). */
export function discoverSources(inputDir: string, io: DiscoverIo = nodeIo): Promise<SourceFile[]> {
  return walkSources(inputDir, io, (file) => file);
}

/** Every source under `inputDir` as discoverSources finds it, each file's bytes hashed and let go. */
export function discoverSourceEntries(inputDir: string, io: DiscoverIo = nodeIo): Promise<SourceEntry[]> {
  return walkSources(inputDir, io, (file, location) => ({
    sourcePath: file.sourcePath,
    location,
    sha256: sourceSha256(file),
    byteLength: file.bytes.byteLength,
    ...(file.unread ? { unread: file.unread } : {}),
  }));
}

/** The source discovery found: its bytes read again, which must be the bytes discovery hashed. */
export function readSource(entry: SourceEntry): SourceFile {
  if (entry.location === null) return { sourcePath: entry.sourcePath, bytes: new Uint8Array(0), ...(entry.unread ? { unread: entry.unread } : {}) };
  const file = { sourcePath: entry.sourcePath, bytes: readFileSync(entry.location) };
  if (sourceSha256(file) !== entry.sha256) throw new Error(`${entry.sourcePath} changed while the build was reading it: build again`);
  return file;
}
