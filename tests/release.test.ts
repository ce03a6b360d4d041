import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturedIo, main } from '@callset/cli';
import { sha256Hex } from '@callset/schema';
import { fileFacts, lockedVersions, readReleaseFolder, releaseContents, renderRelease, renderSums, writeReleaseFolder, type Changes, type Manifest } from '@callset/writers';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '@callset/dataset';
import { buildSeedsRelease, seedsDir } from './release.ts';


/** A fresh output folder holding a copy of the seeds build as next/, and a dist folder. */
async function workspace(next: string): Promise<{ output: string; dist: string }> {
  const root = await mkdtemp(join(tmpdir(), 'callset-freeze-'));
  await cp(next, join(root, 'output', 'next'), { recursive: true });
  return { output: join(root, 'output'), dist: join(root, 'dist') };
}

async function release(where: { output: string; dist: string }, ...args: string[]) {
  const io = capturedIo();
  const code = await main(['release', '--output', where.output, '--dist', where.dist, ...args], io);
  return { code, ...io };
}

async function verify(dir: string, ...args: string[]) {
  const io = capturedIo();
  return { code: await main(['verify', dir, ...args], io), problems: io.stderr.trim().split('\n').slice(0, -1) };
}

// Each test builds or freezes whole releases.
vi.setConfig({ testTimeout: 60_000 });

let built = '';
beforeAll(async () => {
  built = await buildSeedsRelease();
});

describe('callset release', () => {
  it('freezes next, then finds exactly the changed turn and figure in changes.json', async () => {
    const where = await workspace(built);
    expect((await release(where, '--bump', 'minor')).code).toBe(0);
    const first = JSON.parse(await readFile(join(where.output, '0.1.0', 'changes.json'), 'utf8')) as Changes;
    expect(first.from).toBeNull();
    expect(first.tables.utterances.added.length).toBe(first.tables.utterances.rows);
    // Freezing reads the tables back from Arrow and writes them again: the same bytes as next/.
    const [nextFiles, frozenFiles] = [await readReleaseFolder(join(where.output, 'next')), await readReleaseFolder(join(where.output, '0.1.0'))];
    for (const [path, bytes] of nextFiles) if (/\.(csv|arrow|parquet|txt)$/.test(path)) expect([path, frozenFiles.get(path)]).toEqual([path, bytes]);

    // A parser fix in miniature: one turn's text and one figure's value change, nothing else.
    const contents = releaseContents(await readReleaseFolder(join(where.output, 'next')));
    const [turn] = contents.tables.utterances;
    const [figure] = contents.tables.figures;
    if (!turn || !figure) throw new Error('the seeds give turns and figures');
    turn.text = `${turn.text} (corrected)`;
    figure.value = (figure.value ?? 0) + 1;
    const files = renderRelease({ datasetVersion: 'next', tables: contents.tables, texts: contents.texts, sources: contents.manifest.sources, toolVersions: lockedVersions() });
    await writeReleaseFolder(join(where.output, 'next'), files);

    const second = await release(where, '--bump', 'patch');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`${join(where.dist, 'callset-0.1.1.tar.gz')}\n`);
    const changes = JSON.parse(await readFile(join(where.output, '0.1.1', 'changes.json'), 'utf8')) as Changes;
    expect(changes.from).toBe('0.1.0');
    expect(changes.breaking).toBe(false);
    expect(changes.schema).toEqual([]);
    for (const [table, diff] of Object.entries(changes.tables)) {
      const changed = table === 'utterances' ? [{ id: turn.utterance_id, columns: ['text'] }] : table === 'figures' ? [{ id: figure.figure_id, columns: ['value'] }] : [];
      expect([table, diff.added, diff.removed, diff.changed]).toEqual([table, [], [], changed]);
    }
    const changelog = await readFile(join(where.output, '0.1.1', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# Changelog\n\n## 0\.1\.1\n\nAgainst 0\.1\.0\./);
    expect(changelog).toContain('| utterances | 470 | 0 | 0 | 1 |'.replace('470', String(contents.tables.utterances.length)));
    expect(changelog).toContain('\n## 0.1.0\n\nFirst frozen release.');
    expect((await verify(join(where.output, '0.1.1'))).code).toBe(0);
  });

  it('gives an edited seed new ids throughout: document_id comes from the source bytes', async () => {
    const where = await workspace(built);
    expect((await release(where, '--bump', 'minor')).code).toBe(0);
    const seeds = await mkdtemp(join(tmpdir(), 'callset-seeds-'));
    await cp(seedsDir, seeds, { recursive: true });
    const seed = join(seeds, '000_a38aff60faea0394.txt');
    // One turn and one figure: "80 minutes ago" becomes "90 minutes ago".
    const text = await readFile(seed, 'utf8');
    expect(text.split('announced 80 minutes ago').length).toBe(2);
    await writeFile(seed, text.replace('announced 80 minutes ago', 'announced 90 minutes ago'));
    await build({ inputDir: seeds, outputDir: where.output });
    expect((await release(where, '--bump', 'patch')).code).toBe(0);
    const changes = JSON.parse(await readFile(join(where.output, '0.1.1', 'changes.json'), 'utf8')) as Changes;
    const [before, after] = [releaseContents(await readReleaseFolder(join(where.output, '0.1.0'))), releaseContents(await readReleaseFolder(join(where.output, '0.1.1')))];
    const ids = (contents: typeof before, documentId: (id: string) => boolean) => contents.tables.utterances.filter((row) => documentId(row.document_id)).map((row) => row.utterance_id).sort();
    const edited = (id: string) => id === '2da7dfa3541f8f5b';
    const replacement = after.tables.documents.find((row) => row.source_path === '000_a38aff60faea0394.txt')?.document_id ?? '';
    expect(changes.tables.documents.removed).toEqual(['2da7dfa3541f8f5b/000_a38aff60faea0394.txt']);
    expect(changes.tables.documents.added).toEqual([`${replacement}/000_a38aff60faea0394.txt`]);
    expect(changes.tables.utterances.removed).toEqual(ids(before, edited));
    expect(changes.tables.utterances.added).toEqual(ids(after, (id) => id === replacement));
    expect(changes.tables.utterances.changed).toEqual([]);
    expect(changes.tables.figures.added.filter((id) => id.startsWith(replacement)).length).toBe(after.tables.figures.filter((row) => row.document_id === replacement).length);
  });

  it('writes byte-identical archives from two clean builds, sorted, with zero times and owners', async () => {
    const [a, b] = [await workspace(await buildSeedsRelease()), await workspace(await buildSeedsRelease())];
    expect((await release(a, '--bump', 'major')).code).toBe(0);
    expect((await release(b, '--bump', 'major')).code).toBe(0);
    const [archiveA, archiveB] = [await readFile(join(a.dist, 'callset-1.0.0.tar.gz')), await readFile(join(b.dist, 'callset-1.0.0.tar.gz'))];
    expect(sha256Hex(archiveA)).toBe(sha256Hex(archiveB));
    expect([...archiveA.subarray(4, 10)]).toEqual([0, 0, 0, 0, 2, 255]);
    const listing = execFileSync('tar', ['-tvzf', join(a.dist, 'callset-1.0.0.tar.gz'), '--numeric-owner'], { encoding: 'utf8' }).trim().split('\n');
    const names = listing.map((line) => line.split(/\s+/).at(-1) ?? '');
    expect(names).toEqual([...names].sort());
    expect(names).toContain('callset-1.0.0/utterances.parquet');
    for (const line of listing) expect(line).toMatch(/^[-d]rw[-x]r-[-x]r-[-x] 0\/0 +\d+ 1970-01-01 00:00 callset-1\.0\.0\//);
    const frozen = await readReleaseFolder(join(a.output, '1.0.0'));
    const extracted = await mkdtemp(join(tmpdir(), 'callset-untar-'));
    execFileSync('tar', ['-xzf', join(a.dist, 'callset-1.0.0.tar.gz'), '-C', extracted]);
    expect(await readReleaseFolder(join(extracted, 'callset-1.0.0'))).toEqual(frozen);
  });

  it('never rewrites a frozen release and refuses a contract break below major', async () => {
    const where = await workspace(built);
    expect((await release(where, '--bump', 'patch')).code).toBe(0);
    const frozen = join(where.output, '0.0.1');
    const before = await readReleaseFolder(frozen);
    await expect(writeReleaseFolder(frozen, new Map([['README.md', new Uint8Array([1])]]), { frozen: true })).rejects.toThrow('is a frozen release: it is never rewritten');
    expect(await readReleaseFolder(frozen)).toEqual(before);

    // The frozen release called a column by another name: freezing today's schema renames it, which only --bump major may do.
    const files = await readReleaseFolder(frozen);
    const firms = tableFromIPC(files.get('firms.arrow') ?? new Uint8Array());
    const renamed = Object.fromEntries(firms.schema.fields.map((field) => [field.name === 'successor_firm_id' ? 'parent_firm_id' : field.name, firms.getChild(field.name)]));
    files.set('firms.arrow', tableToIPC(new Table(renamed as unknown as ConstructorParameters<typeof Table>[0]), 'file'));
    await rewriteChecked(frozen, files);
    const refused = await release(where, '--bump', 'minor');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('need --bump major: firms.parent_firm_id removed');
    expect((await release(where, '--bump', 'major')).code).toBe(0);
    const changes = JSON.parse(await readFile(join(where.output, '1.0.0', 'changes.json'), 'utf8')) as Changes;
    expect(changes.breaking).toBe(true);
    // (Rebuilding the table by hand also made its columns nullable: those are non-breaking nullability changes.)
    expect(changes.schema.filter((change) => change.change !== 'nullability').map((change) => [change.column, change.change])).toEqual([
      ['parent_firm_id', 'removed'],
      ['successor_firm_id', 'added'],
    ]);
  });

  it('writes a public release without restricted text that verify --public accepts', async () => {
    const where = await workspace(built);
    expect((await release(where, '--bump', 'major', '--public')).code).toBe(0);
    const dir = join(where.output, '1.0.0');
    const files = await readReleaseFolder(dir);
    const { tables, manifest } = releaseContents(files);
    expect([...files.keys()].filter((path) => path.startsWith('texts/'))).toEqual([]);
    expect(manifest.public).toBe(true);
    expect(manifest.withheld_documents).toEqual(tables.documents.filter((row) => row.status === 'ok').map((row) => row.document_id).sort());
    expect(tables.utterances.every((row) => row.text === null)).toBe(true);
    expect(tables.utterances.map((row) => [row.utterance_id, row.char_start, row.speaker_id])).toEqual(releaseContents(await readReleaseFolder(built)).tables.utterances.map((row) => [row.utterance_id, row.char_start, row.speaker_id]));
    expect(tables.figures.length).toBeGreaterThan(0);
    expect(await verify(dir, '--public')).toEqual({ code: 0, problems: [] });
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toContain('This release is public: the text of 5 non-redistributable sources is withheld');
    const full = await verify(built, '--public');
    expect(full.code).toBe(1);
    expect(full.problems[0]).toBe('manifest.json: not a public release (build it with `callset release --public`)');
  });
});

/** Rewrites a release folder's files with fresh checksums, as a careless tool would: only row counts and schemas can catch what changed. */
async function rewriteChecked(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Manifest;
  manifest.files = manifest.files.map((file) => {
    const bytes = files.get(file.path);
    return bytes ? { ...file, sha256: sha256Hex(bytes), bytes: bytes.byteLength } : file;
  });
  files.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  files.delete('SHA256SUMS');
  files.set('SHA256SUMS', new TextEncoder().encode(renderSums([...files].map(([path, bytes]) => fileFacts(path, bytes)))));
  for (const [path, bytes] of files) await writeFile(join(dir, path), bytes);
}

describe('callset verify', () => {
  async function copy(): Promise<string> {
    const dir = join(await mkdtemp(join(tmpdir(), 'callset-verify-')), 'next');
    await cp(built, dir, { recursive: true });
    return dir;
  }

  it('passes on a sound release', async () => {
    expect(await verify(built)).toEqual({ code: 0, problems: [] });
  });

  it('fails on one altered byte', async () => {
    const dir = await copy();
    const bytes = await readFile(join(dir, 'figures.parquet'));
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    await writeFile(join(dir, 'figures.parquet'), bytes);
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.problems).toContain('figures.parquet: sha256 differs from SHA256SUMS');
    expect(result.problems).toContain('figures.parquet: sha256 or size differs from manifest.json');
  });

  it('fails on a missing file', async () => {
    const dir = await copy();
    const [text] = [...(await readReleaseFolder(dir)).keys()].filter((path) => path.startsWith('texts/'));
    await rm(join(dir, text ?? ''));
    expect(await verify(dir)).toEqual({ code: 1, problems: [`${text}: missing (listed in SHA256SUMS)`, `${text}: missing (listed in manifest.json)`] });
  });

  it('fails on a wrong row count even with checksums rewritten', async () => {
    const dir = await copy();
    const files = await readReleaseFolder(dir);
    const csv = new TextDecoder().decode(files.get('documents.csv'));
    files.set('documents.csv', new TextEncoder().encode(csv.slice(0, csv.lastIndexOf('\n', csv.length - 2) + 1)));
    await rewriteChecked(dir, files);
    expect(await verify(dir)).toEqual({ code: 1, problems: ['documents.csv: 4 rows, manifest.json says 5 (tables: 5)'] });
  });
});
