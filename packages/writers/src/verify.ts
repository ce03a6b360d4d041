import { tableFromIPC, type Schema } from 'apache-arrow';
import { TABLE_NAMES, columnsOf, sha256Hex, type TableName } from '@callset/schema';
import { arrowSchema, rowsFromArrow } from './arrow.ts';
import { parquetToArrowStream } from './parquet.ts';
import { releaseColumns, type Manifest } from './release.ts';

const decoder = new TextDecoder();

/** Records of an RFC 4180 file with LF record ends: LFs outside quotes (a doubled quote toggles twice). */
export function csvRecordCount(text: string): number {
  let records = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) records++;
  }
  return records;
}

function schemaText(schema: Schema): string[] {
  return schema.fields.map((field) => `${field.name}: ${String(field.type)}${field.nullable ? '' : ' not null'}`);
}

function sameList(label: string, actual: readonly string[], expected: readonly string[]): string[] {
  if (actual.length === expected.length && actual.every((value, index) => value === expected[index])) return [];
  const index = actual.findIndex((value, at) => value !== expected[at]);
  const at = index === -1 ? Math.min(actual.length, expected.length) : index;
  return [`${label}: expected ${JSON.stringify(expected[at] ?? null)} at ${at}, found ${JSON.stringify(actual[at] ?? null)}`];
}

function checkSums(files: ReadonlyMap<string, Uint8Array>): string[] {
  const sums = files.get('SHA256SUMS');
  if (!sums) return ['SHA256SUMS: missing'];
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const line of decoder.decode(sums).split('\n').filter(Boolean)) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match?.[1] || !match[2]) {
      problems.push(`SHA256SUMS: malformed line ${JSON.stringify(line)}`);
      continue;
    }
    const [, hash, path] = match;
    listed.add(path);
    const bytes = files.get(path);
    if (!bytes) problems.push(`${path}: missing (listed in SHA256SUMS)`);
    else if (sha256Hex(bytes) !== hash) problems.push(`${path}: sha256 differs from SHA256SUMS`);
  }
  for (const path of files.keys()) if (path !== 'SHA256SUMS' && !listed.has(path)) problems.push(`${path}: not listed in SHA256SUMS`);
  return problems;
}

function checkManifest(files: ReadonlyMap<string, Uint8Array>, manifest: Manifest): string[] {
  return manifest.files.flatMap((file) => {
    const bytes = files.get(file.path);
    if (!bytes) return [`${file.path}: missing (listed in manifest.json)`];
    if (sha256Hex(bytes) !== file.sha256 || bytes.byteLength !== file.bytes) return [`${file.path}: sha256 or size differs from manifest.json`];
    return [];
  });
}

function checkTable(files: ReadonlyMap<string, Uint8Array>, manifest: Manifest, table: TableName): string[] {
  const expectedRows = manifest.tables[table];
  const columns = releaseColumns(table, manifest.public);
  const expectedSchema = schemaText(arrowSchema(table, columns));
  const problems: string[] = [];
  const rows = (path: string, count: number) => {
    const listed = manifest.files.find((file) => file.path === path)?.rows;
    if (count !== expectedRows || listed !== expectedRows) problems.push(`${path}: ${count} rows, manifest.json says ${String(listed)} (tables: ${expectedRows})`);
  };
  const read = (path: string): Uint8Array | null => {
    const bytes = files.get(path);
    if (!bytes) problems.push(`${path}: missing`);
    return bytes ?? null;
  };
  const csv = read(`${table}.csv`);
  if (csv) {
    const text = decoder.decode(csv);
    problems.push(...sameList(`${table}.csv header`, text.slice(0, text.indexOf('\n')).split(','), columnsOf(table).map((column) => column.name)));
    rows(`${table}.csv`, csvRecordCount(text) - 1);
  }
  for (const [path, toIpc] of [
    [`${table}.arrow`, (bytes: Uint8Array) => bytes],
    [`${table}.parquet`, parquetToArrowStream],
  ] as const) {
    const bytes = read(path);
    if (!bytes) continue;
    try {
      const arrow = tableFromIPC(toIpc(bytes));
      problems.push(...sameList(`${path} schema`, schemaText(arrow.schema), expectedSchema));
      rows(path, arrow.numRows);
    } catch (error) {
      problems.push(`${path}: unreadable (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return problems;
}

/** With `public`, the release must have been written public and hold no text of a non-redistributable source. */
function checkPublic(files: ReadonlyMap<string, Uint8Array>, manifest: Manifest): string[] {
  const problems = manifest.public ? [] : ['manifest.json: not a public release (build it with `callset release --public`)'];
  const documents = files.get('documents.arrow');
  const utterances = files.get('utterances.arrow');
  if (!documents || !utterances) return problems;
  const restricted = new Set(rowsFromArrow('documents', documents).filter((row) => row.license !== 'redistributable').map((row) => String(row.document_id)));
  for (const id of restricted) if (files.has(`texts/${id}.txt`)) problems.push(`texts/${id}.txt: text of a non-redistributable source`);
  const leaked = new Set(rowsFromArrow('utterances', utterances).filter((row) => restricted.has(String(row.document_id)) && row.text !== null).map((row) => String(row.document_id)));
  for (const id of [...leaked].sort()) problems.push(`utterances: text of non-redistributable source ${id}`);
  return problems;
}

/** Every mismatch in a release folder's files (checksums, manifest, row counts, schemas); empty when it is sound. Pure. */
export function verifyRelease(files: ReadonlyMap<string, Uint8Array>, options: { public?: boolean } = {}): string[] {
  const problems = checkSums(files);
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) return [...problems, 'manifest.json: missing'];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(decoder.decode(manifestBytes)) as Manifest;
  } catch {
    return [...problems, 'manifest.json: not JSON'];
  }
  problems.push(...checkManifest(files, manifest));
  for (const required of ['datapackage.json', 'README.md']) if (!files.has(required)) problems.push(`${required}: missing`);
  for (const table of TABLE_NAMES) problems.push(...checkTable(files, manifest, table));
  if (options.public) problems.push(...checkPublic(files, manifest));
  return [...new Set(problems)];
}
