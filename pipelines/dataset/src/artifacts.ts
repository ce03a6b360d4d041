import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Stage artifacts: one JSON file per source, named by index so the order survives. */
export async function writeArtifacts(dir: string, items: readonly unknown[]): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(items.map((item, index) => writeFile(join(dir, `${String(index).padStart(6, '0')}.json`), `${JSON.stringify(item)}\n`)));
}

export async function readArtifacts<T>(dir: string): Promise<T[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as T));
}
