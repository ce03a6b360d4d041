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
 * source rather than an exception, so one bad path never stops a build.
 */
export async function discoverSources(inputDir: string, io: DiscoverIo = nodeIo): Promise<SourceFile[]> {
  const root = await realpath(inputDir);
  const files: SourceFile[] = [];
  const visiting = new Set<string>();

  async function walk(dir: string, dirPath: string): Promise<void> {
    let real: string;
    let names: string[];
    try {
      real = await realpath(dir);
      names = (await readdir(dir)).sort(byCodeUnit);
    } catch (error) {
      files.push(unread(dirPath, 'discover/unreadable', `the folder could not be listed (${errorCode(error)})`));
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
        files.push(unread(sourcePath, 'discover/broken-symlink', 'a symlink whose target does not exist'));
        continue;
      }
      if (resolved !== root && !resolved.startsWith(root + sep)) {
        files.push(unread(sourcePath, 'discover/symlink-outside-input', 'a symlink to a path outside the input folder: not followed'));
        continue;
      }
      try {
        const info = await stat(resolved);
        if (info.isDirectory()) await walk(full, sourcePath);
        // Reading a FIFO or a device could block forever or never end.
        else if (!info.isFile()) files.push(unread(sourcePath, 'discover/not-a-file', 'not a regular file (a FIFO, socket or device): not read'));
        else files.push({ sourcePath, bytes: await io.readFile(resolved) });
      } catch (error) {
        files.push(unread(sourcePath, 'discover/unreadable', `the file could not be read (${errorCode(error)})`));
      }
    }
    visiting.delete(real);
  }

  await walk(inputDir, '.');
  return files;
}
