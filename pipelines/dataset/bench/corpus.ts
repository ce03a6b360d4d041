/**
 * Deterministic synthetic corpus for benchmarks: the seeds scaled to N documents, each a seed
 * with its company renamed, its numbers redrawn and its paragraphs locally reordered, so sizes,
 * formats (mojibake and the one-line form included) and structure stay realistic.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for test data; same seed, same corpus. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ar', 'bel', 'cor', 'dan', 'el', 'fin', 'gal', 'hy', 'ion', 'jun', 'kel', 'lum', 'mar', 'nor', 'ox', 'pra', 'quin', 'ros', 'sol', 'tir', 'ul', 'vex', 'wen', 'zed'];

function companyName(random: () => number): string {
  const parts = 2 + Math.floor(random() * 2);
  let name = '';
  for (let i = 0; i < parts; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? 'ar';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface SeedSource {
  name: string;
  text: string;
  /** The company the seed is about, to be renamed (from the seeds' catalog). */
  company: string | null;
}

/** One synthetic document from a seed. Pure. */
export function varyDocument(source: SeedSource, index: number, random: () => number): string {
  let text = source.text;
  if (source.company) {
    const firstWord = source.company.split(/[\s,]/)[0] ?? source.company;
    text = text.split(firstWord).join(companyName(random));
  }
  // Redraw digits but keep their count, so number formats and table widths survive.
  text = text.replace(/\d/g, () => String(Math.floor(random() * 10)));
  // Swap neighbouring lines now and then: same structure, different text and ids.
  const lines = text.split('\n');
  for (let i = 1; i + 1 < lines.length; i += 7) {
    if (random() < 0.3 && lines[i] && lines[i + 1] && lines[i]!.length > 80 && lines[i + 1]!.length > 80) {
      [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    }
  }
  return `${lines.join('\n')}${text.endsWith('\n') ? '' : '\n'}${' '.repeat(index % 3)}`;
}

export async function loadSeeds(seedsDir: string): Promise<SeedSource[]> {
  const catalog = JSON.parse(await readFile(join(seedsDir, 'catalog.json'), 'utf8')) as Record<string, { file?: string; company?: string }>;
  const companyByFile = new Map(Object.values(catalog).map((entry) => [entry.file ?? '', entry.company ?? null]));
  const names = (await readdir(seedsDir)).filter((name) => name !== 'catalog.json').sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(seedsDir, name), 'utf8'), company: companyByFile.get(name) ?? null })));
}

/** Writes `docs` documents into `dir` (recreated); returns total bytes. */
export async function generateCorpus(seedsDir: string, dir: string, docs: number, seed = 1): Promise<number> {
  const seeds = await loadSeeds(seedsDir);
  const random = prng(seed);
  await rm(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let index = 0; index < docs; index++) {
    const source = seeds[index % seeds.length];
    if (!source) break;
    const shard = join(dir, String(Math.floor(index / 1000)).padStart(3, '0'));
    if (index % 1000 === 0) await mkdir(shard, { recursive: true });
    const body = Buffer.from(varyDocument(source, index, random), 'utf8');
    bytes += body.byteLength;
    await writeFile(join(shard, `${String(index).padStart(6, '0')}_${source.name}`), body);
  }
  return bytes;
}
