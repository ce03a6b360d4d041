import { gzipSync } from 'node:zlib';

/*
 * A deterministic .tar.gz, written here because no tar package is installed and the format
 * needs only this much: ustar headers with every varying field fixed (mtime 0, uid/gid 0,
 * no user names, fixed modes), entries sorted, and a gzip header with no name, no time and
 * a fixed OS byte.
 */

const BLOCK = 512;
const encoder = new TextEncoder();

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** ustar keeps paths over 100 bytes as prefix + name, split at a '/'. */
function splitPath(path: string): { name: string; prefix: string } {
  if (encoder.encode(path).byteLength <= 100) return { name: path, prefix: '' };
  const cut = path.lastIndexOf('/', 155);
  const name = path.slice(cut + 1);
  if (cut <= 0 || encoder.encode(name).byteLength > 100) throw new Error(`path too long for a ustar archive: ${path}`);
  return { name, prefix: path.slice(0, cut) };
}

function header(path: string, size: number, directory: boolean): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, text: string) => block.set(encoder.encode(text), offset);
  const { name, prefix } = splitPath(path);
  put(0, name);
  put(100, octal(directory ? 0o755 : 0o644, 8));
  put(108, octal(0, 8));
  put(116, octal(0, 8));
  put(124, octal(size, 12));
  put(136, octal(0, 12));
  put(148, ' '.repeat(8));
  put(156, directory ? '5' : '0');
  put(257, 'ustar\u000000');
  put(329, octal(0, 8));
  put(337, octal(0, 8));
  put(345, prefix);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  put(148, `${checksum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** A ustar archive of `files` under `root/`, with an entry for every folder, sorted by path. */
export function tarArchive(root: string, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries = new Map<string, Uint8Array | null>([[`${root}/`, null]]);
  for (const [path, bytes] of files) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) entries.set(`${root}/${parts.slice(0, depth).join('/')}/`, null);
    entries.set(`${root}/${path}`, bytes);
  }
  const chunks: Uint8Array[] = [];
  for (const [path, bytes] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    chunks.push(header(path, bytes?.byteLength ?? 0, bytes === null));
    if (bytes) {
      chunks.push(bytes);
      const padding = (BLOCK - (bytes.byteLength % BLOCK)) % BLOCK;
      if (padding > 0) chunks.push(new Uint8Array(padding));
    }
  }
  chunks.push(new Uint8Array(2 * BLOCK));
  return Buffer.concat(chunks);
}

/** gzip of `tarArchive`: Node writes no file name and mtime 0; the OS byte (platform-dependent in zlib) is set to 255, "unknown". */
export function tarGz(root: string, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const gz = gzipSync(tarArchive(root, files), { level: 9 });
  gz[9] = 255;
  return gz;
}
