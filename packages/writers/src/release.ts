import { TABLE_NAMES, columnsOf, sha256Hex, type ColumnSpec, type TableName, type TableRows } from '@callset/schema';
import { tableToArrow } from './arrow.ts';
import { renderCard } from './card.ts';
import type { Changes } from './changes.ts';
import { tableToCsv } from './csv.ts';
import { renderDatapackage } from './datapackage.ts';
import { tableToParquet } from './parquet.ts';

export const SCHEMA_VERSION = '1.0.0';

export interface Source {
  source_path: string;
  source_sha256: string;
}

export interface ReleaseInput {
  datasetVersion: string;
  tables: TableRows;
  /** Repaired text per document id: spans point into these. */
  texts: ReadonlyMap<string, string>;
  sources: readonly Source[];
  /** Package versions pinned by the lockfile, for the dataset card. */
  toolVersions: Readonly<Record<string, string>>;
  /** Withhold the text of every source that is not `redistributable`. */
  public?: boolean;
  /** Frozen releases: the changelog (newest first) and the changes against the previous frozen release. */
  history?: { changelog: string; changes: Changes };
}

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
  rows: number | null;
}

export interface Manifest {
  dataset_version: string;
  schema_version: string;
  public: boolean;
  withheld_documents: string[];
  tables: Record<TableName, number>;
  files: ManifestFile[];
  sources: Source[];
}

/** Columns a public release nulls for non-redistributable sources. */
export const WITHHELD_COLUMNS: ReadonlySet<string> = new Set(['utterances.text']);

/** The columns a release writes: the zod columns, with withheld ones nullable in a public release. */
export function releaseColumns(table: TableName, isPublic: boolean): ColumnSpec[] {
  const columns = columnsOf(table);
  return isPublic ? columns.map((column) => (WITHHELD_COLUMNS.has(`${table}.${column.name}`) ? { ...column, nullable: true } : column)) : columns;
}

/** Tables and texts with the text of non-redistributable sources withheld. Idempotent. */
export function withholdRestricted(tables: TableRows, texts: ReadonlyMap<string, string>): { tables: TableRows; texts: Map<string, string>; withheld: string[] } {
  const restricted = new Set(tables.documents.filter((document) => document.license !== 'redistributable').map((document) => document.document_id));
  // Parsed documents are the ones with text; counting them (not the texts left) keeps this idempotent.
  const withheld = tables.documents.filter((document) => restricted.has(document.document_id) && document.status === 'ok').map((document) => document.document_id).sort();
  return {
    // The null breaks the zod type on purpose: a public release's text column is nullable (see releaseColumns).
    tables: { ...tables, utterances: tables.utterances.map((row) => (restricted.has(row.document_id) ? { ...row, text: null as unknown as string } : row)) },
    texts: new Map([...texts].filter(([id]) => !restricted.has(id))),
    withheld,
  };
}

const encoder = new TextEncoder();

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const byPath = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/** What the manifest says of one file. */
export function fileFacts(path: string, bytes: Uint8Array, rows: number | null = null): ManifestFile {
  return { path, sha256: sha256Hex(bytes), bytes: bytes.byteLength, rows };
}

/** `sha256sum -c` lines for every file, sorted by path. */
export function renderSums(files: readonly ManifestFile[]): string {
  return [...files]
    .sort((a, b) => byPath([a.path, a], [b.path, b]))
    .map((file) => `${file.sha256}  ${file.path}\n`)
    .join('');
}

/** What a release's own description needs of its tables and texts, besides the files. */
export interface ReleaseSummary {
  datasetVersion: string;
  public: boolean;
  /** Documents whose text is withheld (public releases). */
  withheld: string[];
  documents: TableRows['documents'];
  rowCounts: Record<TableName, number>;
  textCount: number;
  sources: readonly Source[];
  toolVersions: Readonly<Record<string, string>>;
  history?: ReleaseInput['history'];
}

/**
 * The files that describe a release (changelog of a frozen one, README.md, datapackage.json,
 * manifest.json, SHA256SUMS), in the order they are written, from the facts of the table and
 * text files alone: each describes every file before it. Pure.
 */
export function renderDescription(summary: ReleaseSummary, tableAndTextFiles: readonly ManifestFile[]): [string, Uint8Array][] {
  const facts = new Map(tableAndTextFiles.map((file) => [file.path, file]));
  const written: [string, Uint8Array][] = [];
  const add = (path: string, text: string) => {
    const bytes = encoder.encode(text);
    written.push([path, bytes]);
    facts.set(path, fileFacts(path, bytes));
  };
  const sorted = () => [...facts.values()].sort((a, b) => byPath([a.path, a], [b.path, b]));
  if (summary.history) {
    add('CHANGELOG.md', summary.history.changelog);
    add('changes.json', json(summary.history.changes));
  }
  add(
    'README.md',
    renderCard({
      version: summary.datasetVersion,
      documents: summary.documents,
      rowCounts: summary.rowCounts,
      textCount: summary.textCount,
      withheld: summary.withheld,
      frozen: summary.history !== undefined,
      toolVersions: summary.toolVersions,
    }),
  );
  const withheldColumns = summary.public ? WITHHELD_COLUMNS : new Set<string>();
  add('datapackage.json', json(renderDatapackage({ version: summary.datasetVersion, withheldColumns }, new Map(sorted().map((file) => [file.path, file])))));
  const manifest: Manifest = {
    dataset_version: summary.datasetVersion,
    schema_version: SCHEMA_VERSION,
    public: summary.public,
    withheld_documents: summary.withheld,
    tables: summary.rowCounts,
    files: sorted(),
    sources: [...summary.sources].sort((a, b) => (a.source_path < b.source_path ? -1 : 1)),
  };
  add('manifest.json', json(manifest));
  add('SHA256SUMS', renderSums(sorted()));
  return written;
}

/** Every file of a release folder as bytes, keyed by relative path, in sorted order. Pure. */
export function renderRelease(input: ReleaseInput): Map<string, Uint8Array> {
  const isPublic = input.public ?? false;
  const { tables, texts, withheld } = isPublic ? withholdRestricted(input.tables, input.texts) : { tables: input.tables, texts: input.texts, withheld: [] };
  const files = new Map<string, Uint8Array>();
  const facts: ManifestFile[] = [];
  const add = (path: string, bytes: Uint8Array, rows: number | null) => {
    files.set(path, bytes);
    facts.push(fileFacts(path, bytes, rows));
  };
  for (const table of TABLE_NAMES) {
    const rows = tables[table] as unknown as Record<string, unknown>[];
    const columns = releaseColumns(table, isPublic);
    add(`${table}.csv`, encoder.encode(tableToCsv(table, rows)), rows.length);
    add(`${table}.arrow`, tableToArrow(table, rows, columns), rows.length);
    add(`${table}.parquet`, tableToParquet(table, rows, columns), rows.length);
  }
  for (const [documentId, text] of [...texts].sort(byPath)) add(`texts/${documentId}.txt`, encoder.encode(text), null);
  const summary: ReleaseSummary = {
    datasetVersion: input.datasetVersion,
    public: isPublic,
    withheld,
    documents: tables.documents,
    rowCounts: Object.fromEntries(TABLE_NAMES.map((table) => [table, tables[table].length])) as Record<TableName, number>,
    textCount: texts.size,
    sources: input.sources,
    toolVersions: input.toolVersions,
    ...(input.history ? { history: input.history } : {}),
  };
  for (const [path, bytes] of renderDescription(summary, facts)) files.set(path, bytes);
  return new Map([...files].sort(byPath));
}
