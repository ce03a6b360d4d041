/**
 * Bad input never breaks a build or loses data: each bad file is built beside good ones, and the
 * good files' rows must come out exactly as they do without it.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type DiscoverIo } from '@callset/dataset';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import * as F from './robustness-fixtures.ts';
import { seedsDir } from './release.ts';

type Row = Record<string, string>;
/** The tables whose rows belong to one document; speakers and firms are merged across documents. */
const PER_DOCUMENT = ['documents', 'utterances', 'figures', 'table_cells', 'issues'] as const;
type Release = Record<(typeof PER_DOCUMENT)[number], Row[]>;

/** A file's bytes, or a symlink to `link` (relative to the input folder unless absolute). */
type Entry = Uint8Array | { link: string };

async function inputFolder(entries: Record<string, Entry>): Promise<string> {
  const input = await mkdtemp(join(tmpdir(), 'callset-robust-'));
  for (const name of F.GOOD) await writeFile(join(input, name), await readFile(join(seedsDir, name)));
  for (const [name, entry] of Object.entries(entries)) {
    const path = join(input, name);
    await mkdir(dirname(path), { recursive: true });
    if (entry instanceof Uint8Array) await writeFile(path, entry);
    else await symlink(entry.link.startsWith('/') ? entry.link : join(input, entry.link), path);
  }
  return input;
}

async function readTable(releaseDir: string, table: string): Promise<Row[]> {
  const parsed = Papa.parse<Row>(await readFile(join(releaseDir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function buildFolder(input: string, discoverIo?: DiscoverIo): Promise<Release> {
  const output = await mkdtemp(join(tmpdir(), 'callset-robust-out-'));
  const { releaseDir } = await build({ inputDir: input, outputDir: output, workers: 1, ...(discoverIo ? { discoverIo } : {}) });
  const tables = await Promise.all(PER_DOCUMENT.map((table) => readTable(releaseDir, table)));
  return Object.fromEntries(PER_DOCUMENT.map((table, index) => [table, tables[index] ?? []])) as Release;
}

/** The rows of the good files, table by table. */
function goodRows(release: Release): Release {
  const isGood = (row: Row) => (F.GOOD as readonly string[]).includes(row.source_path ?? '');
  const good = release.documents.filter(isGood);
  const ids = new Set(good.map((row) => row.document_id));
  const of = (rows: Row[]) => rows.filter((row) => ids.has(row.document_id));
  // A rejected duplicate shares its original's document_id: its issues are told apart by their path.
  return { documents: good, utterances: of(release.utterances), figures: of(release.figures), table_cells: of(release.table_cells), issues: release.issues.filter(isGood) };
}

function documentOf(release: Release, sourcePath: string): Row {
  const row = release.documents.find((document) => document.source_path === sourcePath);
  if (!row) throw new Error(`no document for ${sourcePath}`);
  return row;
}

/** What a reader of the document sees: status, reason and every issue, in order. */
function verdict(release: Release, sourcePath: string) {
  const document = documentOf(release, sourcePath);
  const issues = release.issues.filter((issue) => issue.source_path === document.source_path).map((issue) => [issue.code, issue.severity, issue.message]);
  return { status: document.status, reject_reason: document.reject_reason, source_format: document.source_format, issues };
}

/**
 * The issues about a text's content: those of the document that was parsed from it, which for a
 * file rejected as a duplicate is its original (same document_id), under another path.
 */
function textIssues(release: Release, sourcePath: string) {
  const { document_id } = documentOf(release, sourcePath);
  const parsed = release.documents.find((row) => row.document_id === document_id && row.status === 'ok');
  if (!parsed) throw new Error(`no parsed document for ${sourcePath}`);
  return verdict(release, parsed.source_path ?? '').issues;
}

/** A document's turns without its ids: what must not change when only the encoding does. */
function turnsOf(release: Release, sourcePath: string) {
  const { document_id } = documentOf(release, sourcePath);
  return release.utterances
    .filter((row) => row.document_id === document_id)
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map(({ seq, section, speaker_label, speaker_name, speaker_type, speaker_role, speaker_org, text, char_start, char_end }) => ({ seq, section, speaker_label, speaker_name, speaker_type, speaker_role, speaker_org, text, char_start, char_end }));
}

function rejected(reason: string, message: string, severity = 'error') {
  return { status: 'rejected', reject_reason: reason, source_format: 'unknown', issues: [[reason, severity, message]] };
}

let baseline: Release;
let markdown: string;

beforeAll(async () => {
  baseline = goodRows(await buildFolder(await inputFolder({})));
  markdown = await F.seedText(F.MARKDOWN_SEED);
});

/** Builds the good files with `entries` beside them, checks the good rows are untouched, returns the release. */
async function buildBeside(entries: Record<string, Entry>, discoverIo?: DiscoverIo): Promise<Release> {
  const release = await buildFolder(await inputFolder(entries), discoverIo);
  expect(goodRows(release)).toEqual(baseline);
  return release;
}

describe('a file that is not a transcript is rejected with its reason', () => {
  it.each([
    ['empty.txt', () => new Uint8Array(0), rejected('repair/empty', 'the file is empty')],
    ['whitespace.txt', () => F.utf8(' \n\t\n'), rejected('repair/blank', 'the file holds only whitespace')],
    ['image.png', () => F.PNG, rejected('repair/binary', 'the file is a PNG image, not text')],
    // Every byte value 16 times; 30 of them are controls no text holds (C0 but tab, LF and CR; DEL): 480 of 4096 bytes.
    ['random.bin', () => new Uint8Array(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)), rejected('repair/binary', 'the file is binary data, not text: 480 of its 4096 bytes are control characters (11.7%)')],
    ['seed.txt.gz', () => F.gzip(F.utf8(markdown)), rejected('repair/compressed', 'the file is a gzip-compressed file: decompress it first')],
    ['page.html', () => F.utf8(F.HTML_PAGE), rejected('parse/html', 'an HTML page, not a transcript: save the transcript as text and add that instead')],
    ['prose.txt', () => F.utf8(F.PROSE), rejected('parse/unknown-format', 'no parser recognises this text as a CapIQ, Seeking Alpha, Motley Fool or markdown transcript, or a forum thread')],
    ['no-labels.md', () => F.utf8(F.withoutLabels(markdown)), rejected('parse/unknown-format', 'no parser recognises this text as a CapIQ, Seeking Alpha, Motley Fool or markdown transcript, or a forum thread')],
  ])('%s', async (name, bytes, expected) => {
    expect(verdict(await buildBeside({ [name]: bytes() }), name)).toEqual(expected);
  });

  it('labels with no speech after them', async () => {
    expect(verdict(await buildBeside({ 'labels-only.md': F.utf8(F.labelsOnly(markdown)) }), 'labels-only.md')).toEqual({
      status: 'rejected',
      reject_reason: 'parse/no-speech',
      source_format: 'markdown',
      issues: [['parse/no-speech', 'error', 'recognised as markdown with 103 speaker labels but no speech after any of them']],
    });
  });
});

describe('a file in another encoding parses exactly like its UTF-8 twin', () => {
  it.each([
    ['UTF-16 with a byte-order mark', F.CAPIQ_SEED, (text: string) => text, F.utf16le, []],
    ['cp1252', F.MARKDOWN_SEED, F.typographic, F.cp1252, [['encoding/not-utf8', 'info', 'bytes are not valid UTF-8; decoded as windows-1252']]],
    ['CRLF line ends', F.MARKDOWN_SEED, (text: string) => text.replaceAll('\n', '\r\n'), F.utf8, []],
    ['NUL bytes every 1000 characters', F.MARKDOWN_SEED, F.withNuls, F.utf8, [['repair/control-characters', 'warn', 'removed 35 control characters (NUL bytes and the like) from the text']]],
  ] as const)('%s', async (_, seed, variant, encode, extraIssues) => {
    // The twin's text is the original's after the repair the variant calls for (none for UTF-16).
    const original = seed === F.MARKDOWN_SEED && variant === F.typographic ? F.typographic(await F.seedText(seed)) : await F.seedText(seed);
    const release = await buildBeside({ 'original.txt': F.utf8(original), 'twin.txt': encode(variant(await F.seedText(seed))) });
    expect(turnsOf(release, 'twin.txt')).toEqual(turnsOf(release, 'original.txt'));
    expect(turnsOf(release, 'twin.txt').length).toBeGreaterThan(10);
    expect(verdict(release, 'twin.txt').issues).toEqual([...extraIssues, ...textIssues(release, 'original.txt')]);
  });
});

describe('a damaged transcript keeps what it can, with issues', () => {
  it('cut in the middle of a multi-byte character: the rest parses as UTF-8', async () => {
    const { bytes, keptText } = F.cutMidCharacter(F.typographic(markdown));
    const release = await buildBeside({ 'cut-char.txt': bytes, 'kept.txt': F.utf8(keptText) });
    expect(turnsOf(release, 'cut-char.txt')).toEqual(turnsOf(release, 'kept.txt'));
    expect(verdict(release, 'cut-char.txt').issues[0]).toEqual(['repair/truncated-character', 'warn', 'the file ends in the middle of a UTF-8 character; its last byte was dropped']);
  });

  it('cut off mid-turn: every turn before the cut is kept, and the cut is reported', async () => {
    const release = await buildBeside({ 'original.md': F.utf8(markdown), 'cut.md': F.utf8(F.cutOff(markdown, 0.5)) });
    const cut = turnsOf(release, 'cut.md');
    const whole = turnsOf(release, 'original.md');
    const last = cut.at(-1);
    expect(cut.slice(0, -1)).toEqual(whole.slice(0, cut.length - 1));
    expect(whole[cut.length - 1]?.text?.startsWith(last?.text ?? '-')).toBe(true);
    expect(verdict(release, 'cut.md')).toMatchObject({ status: 'ok', reject_reason: '', source_format: 'markdown' });
    const wholeIssues = new Set(textIssues(release, 'original.md').map((issue) => JSON.stringify(issue)));
    expect(verdict(release, 'cut.md').issues.filter((issue) => !wholeIssues.has(JSON.stringify(issue)))).toEqual([['parse/ends-mid-sentence', 'warn', 'the last turn ends mid-sentence: the file may be cut off']]);
  });

  it('a 10 MB file on one line is processed', async () => {
    const release = await buildBeside({ 'one-line.txt': F.utf8(F.oneLine(await F.seedText(F.GOOD[1]), 10 * 2 ** 20)) });
    expect(verdict(release, 'one-line.txt')).toMatchObject({ status: 'ok', reject_reason: '', source_format: 'motley_fool' });
  }, 60_000);
});

describe('folders, duplicates, symlinks and unreadable files', () => {
  it('reads subfolders, rejects a later duplicate and a symlink inside the input as duplicates, and never follows one outside', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'callset-outside-'));
    await writeFile(join(outside, 'secret.txt'), markdown.replace('Tesla', 'Secret'));
    const release = await buildBeside({
      'sub/deeper/seeking-alpha.txt': await readFile(join(seedsDir, '001_b1b0479d018b9915.txt')),
      'zz-copy.md': F.utf8(markdown),
      'link-inside.txt': { link: F.GOOD[1] },
      'link-outside.txt': { link: join(outside, 'secret.txt') },
      'sub/loop': { link: '.' },
      'dangling.txt': { link: 'nowhere.txt' },
    });
    expect(verdict(release, 'sub/deeper/seeking-alpha.txt')).toMatchObject({ status: 'ok', source_format: 'seeking_alpha' });
    expect(verdict(release, 'zz-copy.md')).toEqual(rejected('discover/duplicate', `byte-identical to ${F.MARKDOWN_SEED}`, 'warn'));
    expect(verdict(release, 'link-inside.txt')).toEqual(rejected('discover/duplicate', `byte-identical to ${F.GOOD[1]}`, 'warn'));
    expect(verdict(release, 'link-outside.txt')).toEqual(rejected('discover/symlink-outside-input', 'a symlink to a path outside the input folder: not followed'));
    expect(verdict(release, 'dangling.txt')).toEqual(rejected('discover/broken-symlink', 'a symlink whose target does not exist'));
    expect(release.documents.map((row) => row.source_path).sort()).toEqual([...F.GOOD, 'dangling.txt', 'link-inside.txt', 'link-outside.txt', 'sub/deeper/seeking-alpha.txt', 'zz-copy.md'].sort());
    expect(release.utterances.some((row) => row.text?.includes('Secret'))).toBe(false);
  });

  it('a file whose read fails is rejected, known by its path', async () => {
    const failing: DiscoverIo = {
      readFile: async (path) => {
        if (path.endsWith('unreadable.txt')) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
        return readFile(path);
      },
    };
    const release = await buildBeside({ 'unreadable.txt': F.utf8(markdown.replace('Tesla', 'Unread')) }, failing);
    expect(verdict(release, 'unreadable.txt')).toEqual(rejected('discover/unreadable', 'the file could not be read (EIO)'));
    const pathSha = createHash('sha256').update('callset-unread-path:unreadable.txt').digest('hex');
    expect(documentOf(release, 'unreadable.txt')).toMatchObject({ document_id: pathSha.slice(0, 16), source_sha256: pathSha, source_bytes: '0' });
  });
});
