import { TABLE_NAMES, frictionlessTableSchema, sha256Hex, type TableName, type TableRows } from '@callset/schema';
import { tableToArrow } from './arrow.ts';
import { tableToCsv } from './csv.ts';

export const SCHEMA_VERSION = '1.0.0';

export interface ReleaseInput {
  datasetVersion: string;
  tables: TableRows;
  /** Repaired text per document id: spans point into these. */
  texts: ReadonlyMap<string, string>;
  sources: readonly { source_path: string; source_sha256: string }[];
}

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
  rows: number | null;
}

const encoder = new TextEncoder();

/** Every file of a release folder as bytes, keyed by relative path, in sorted order. Pure. */
export function renderRelease(input: ReleaseInput): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const rowCounts = new Map<string, number>();
  for (const table of TABLE_NAMES) {
    const rows = input.tables[table] as unknown as Record<string, unknown>[];
    files.set(`${table}.csv`, encoder.encode(tableToCsv(table, rows)));
    files.set(`${table}.arrow`, tableToArrow(table, rows));
    rowCounts.set(`${table}.csv`, rows.length);
    rowCounts.set(`${table}.arrow`, rows.length);
  }
  for (const [documentId, text] of [...input.texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files.set(`texts/${documentId}.txt`, encoder.encode(text));
  }
  files.set('datapackage.json', encoder.encode(json(datapackage(input.datasetVersion))));
  const manifestFiles: ManifestFile[] = [...files].map(([path, bytes]) => ({
    path,
    sha256: sha256Hex(bytes),
    bytes: bytes.byteLength,
    rows: rowCounts.get(path) ?? null,
  }));
  const manifest = {
    dataset_version: input.datasetVersion,
    schema_version: SCHEMA_VERSION,
    tables: Object.fromEntries(TABLE_NAMES.map((table) => [table, input.tables[table].length])),
    files: manifestFiles.sort((a, b) => (a.path < b.path ? -1 : 1)),
    sources: [...input.sources].sort((a, b) => (a.source_path < b.source_path ? -1 : 1)),
  };
  files.set('manifest.json', encoder.encode(json(manifest)));
  const sums = [...files]
    .map(([path, bytes]) => `${sha256Hex(bytes)}  ${path}\n`)
    .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1))
    .join('');
  files.set('SHA256SUMS', encoder.encode(sums));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function datapackage(version: string) {
  return {
    profile: 'tabular-data-package',
    name: 'callset',
    version,
    resources: TABLE_NAMES.map((table: TableName) => ({
      name: table,
      path: `${table}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\n', header: true },
      schema: frictionlessTableSchema(table),
    })),
  };
}
