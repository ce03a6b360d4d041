import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface SourceFile {
  /** Relative to the input folder, '/' separated. */
  sourcePath: string;
  bytes: Uint8Array;
}

export interface SkippedPath {
  sourcePath: string;
  reason: string;
}

/** The name of a folder's own catalog: read as metadata, never as a source. */
export const CATALOG_FILE = 'catalog.json';

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every file under `inputDir`, recursing into folders, in sorted order. Symlinks are followed
 * only when they resolve inside `inputDir`; others are reported, not read.
 */
export async function discoverSources(inputDir: string): Promise<{ files: SourceFile[]; skipped: SkippedPath[] }> {
  const root = await realpath(inputDir);
  const files: SourceFile[] = [];
  const skipped: SkippedPath[] = [];
  const visiting = new Set<string>();

  async function walk(dir: string): Promise<void> {
    const real = await realpath(dir);
    if (visiting.has(real)) return;
    visiting.add(real);
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byCodeUnit(a.name, b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const sourcePath = relative(inputDir, full).split(sep).join('/');
      if (dir === inputDir && entry.name === CATALOG_FILE) continue;
      let target = full;
      if (entry.isSymbolicLink()) {
        let resolved: string;
        try {
          resolved = await realpath(full);
        } catch {
          skipped.push({ sourcePath, reason: 'discover/broken-symlink' });
          continue;
        }
        if (resolved !== root && !resolved.startsWith(root + sep)) {
          skipped.push({ sourcePath, reason: 'discover/symlink-outside-input' });
          continue;
        }
        target = resolved;
      }
      const info = await stat(target);
      if (info.isDirectory()) await walk(full);
      else if (info.isFile()) files.push({ sourcePath, bytes: await readFile(target) });
    }
    visiting.delete(real);
  }

  await walk(inputDir);
  return { files, skipped };
}
