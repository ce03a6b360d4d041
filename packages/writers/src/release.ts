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

/** `sha256sum -c` lines for every file, sorted by path. */
export function renderSums(files: ReadonlyMap<string, Uint8Array>): string {
  return [...files].sort(byPath).map(([path, bytes]) => `${sha256Hex(bytes)}  ${path}\n`).join('');
}

/** Every file of a release folder as bytes, keyed by relative path, in sorted order. Pure. */
export function renderRelease(input: ReleaseInput): Map<string, Uint8Array> {
  const isPublic = input.public ?? false;
  const { tables, texts, withheld } = isPublic ? withholdRestricted(input.tables, input.texts) : { tables: input.tables, texts: input.texts, withheld: [] };
  const files = new Map<string, Uint8Array>();
  const rowCounts = new Map<string, number>();
  for (const table of TABLE_NAMES) {
    const rows = tables[table] as unknown as Record<string, unknown>[];
    const columns = releaseColumns(table, isPublic);
    files.set(`${table}.csv`, encoder.encode(tableToCsv(table, rows)));
    files.set(`${table}.arrow`, tableToArrow(table, rows, columns));
    files.set(`${table}.parquet`, tableToParquet(table, rows, columns));
    for (const ext of ['csv', 'arrow', 'parquet']) rowCounts.set(`${table}.${ext}`, rows.length);
  }
  for (const [documentId, text] of [...texts].sort(byPath)) files.set(`texts/${documentId}.txt`, encoder.encode(text));
  if (input.history) {
    files.set('CHANGELOG.md', encoder.encode(input.history.changelog));
    files.set('changes.json', encoder.encode(json(input.history.changes)));
  }
  files.set(
    'README.md',
    encoder.encode(renderCard({ version: input.datasetVersion, tables, textCount: texts.size, withheld, frozen: input.history !== undefined, toolVersions: input.toolVersions })),
  );
  const withheldColumns = isPublic ? WITHHELD_COLUMNS : new Set<string>();
  files.set('datapackage.json', encoder.encode(json(renderDatapackage({ version: input.datasetVersion, withheldColumns }, new Map([...files].sort(byPath))))));
  const manifest: Manifest = {
    dataset_version: input.datasetVersion,
    schema_version: SCHEMA_VERSION,
    public: isPublic,
    withheld_documents: withheld,
    tables: Object.fromEntries(TABLE_NAMES.map((table) => [table, tables[table].length])) as Record<TableName, number>,
    files: [...files].sort(byPath).map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), bytes: bytes.byteLength, rows: rowCounts.get(path) ?? null })),
    sources: [...input.sources].sort((a, b) => (a.source_path < b.source_path ? -1 : 1)),
  };
  files.set('manifest.json', encoder.encode(json(manifest)));
  files.set('SHA256SUMS', encoder.encode(renderSums(files)));
  return new Map([...files].sort(byPath));
}
