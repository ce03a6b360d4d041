import { TABLE_NAMES, type TableName } from '@callset/schema';
import { rowId } from './keys.ts';

export interface ColumnType {
  name: string;
  /** The Arrow type as apache-arrow prints it, e.g. `Dictionary<Int32, Utf8>`. */
  type: string;
  nullable: boolean;
}

export type ReleaseSchema = Partial<Record<TableName, readonly ColumnType[]>>;
export type ReleaseRows = Record<TableName, readonly Record<string, unknown>[]>;

export interface SchemaChange {
  table: TableName;
  column: string;
  change: 'added' | 'removed' | 'retyped' | 'nullability';
  before: string | null;
  after: string | null;
}

export interface TableChanges {
  rows: number;
  added: string[];
  removed: string[];
  /** Same id, another column differs: which ones. */
  changed: { id: string; columns: string[] }[];
}

export interface Changes {
  from: string | null;
  to: string;
  /** A column removed or retyped: only a major bump may carry it. */
  breaking: boolean;
  schema: SchemaChange[];
  tables: Record<TableName, TableChanges>;
}

const describe = (column: ColumnType) => `${column.type}${column.nullable ? '' : ' not null'}`;

/** Column changes between two releases' schemas. Removing or retyping a column breaks the contract; adding one or relaxing nullability does not. */
export function diffSchemas(before: ReleaseSchema, after: ReleaseSchema): SchemaChange[] {
  return TABLE_NAMES.flatMap((table) => {
    const old = new Map((before[table] ?? []).map((column) => [column.name, column]));
    const now = new Map((after[table] ?? []).map((column) => [column.name, column]));
    const changes: SchemaChange[] = [];
    for (const [name, column] of old) {
      const next = now.get(name);
      if (!next) changes.push({ table, column: name, change: 'removed', before: describe(column), after: null });
      else if (next.type !== column.type) changes.push({ table, column: name, change: 'retyped', before: describe(column), after: describe(next) });
      else if (next.nullable !== column.nullable) changes.push({ table, column: name, change: 'nullability', before: describe(column), after: describe(next) });
    }
    for (const [name, column] of now) if (!old.has(name)) changes.push({ table, column: name, change: 'added', before: null, after: describe(column) });
    return changes;
  });
}

const sorted = (values: Iterable<string>) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function diffRows(table: TableName, before: readonly Record<string, unknown>[], after: readonly Record<string, unknown>[]): TableChanges {
  const old = new Map(before.map((row) => [rowId(table, row), row]));
  const now = new Map(after.map((row) => [rowId(table, row), row]));
  const changed: TableChanges['changed'] = [];
  for (const [id, row] of now) {
    const previous = old.get(id);
    if (!previous) continue;
    // Only columns both releases have: an added column is a schema change, not a change of every row.
    const columns = Object.keys(row).filter((column) => column in previous && JSON.stringify(row[column]) !== JSON.stringify(previous[column]));
    if (columns.length > 0) changed.push({ id, columns });
  }
  return {
    rows: after.length,
    added: sorted([...now.keys()].filter((id) => !old.has(id))),
    removed: sorted([...old.keys()].filter((id) => !now.has(id))),
    changed: changed.sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

export interface ReleaseSnapshot {
  version: string;
  schema: ReleaseSchema;
  rows: ReleaseRows;
}

/** What changed from one frozen release (or nothing) to the next. Pure. */
export function diffReleases(previous: ReleaseSnapshot | null, next: ReleaseSnapshot): Changes {
  const schema = previous ? diffSchemas(previous.schema, next.schema) : [];
  const tables = Object.fromEntries(TABLE_NAMES.map((table) => [table, diffRows(table, previous?.rows[table] ?? [], next.rows[table])])) as Record<TableName, TableChanges>;
  return { from: previous?.version ?? null, to: next.version, breaking: schema.some((change) => change.change === 'removed' || change.change === 'retyped'), schema, tables };
}

const CHANGELOG_TITLE = '# Changelog\n';

/** The release's CHANGELOG.md: this version's entry above the previous release's entries. */
export function renderChangelog(changes: Changes, previousChangelog: string | null): string {
  const intro = changes.from === null ? 'First frozen release.' : `Against ${changes.from}${changes.breaking ? ' (breaking: the contract changed)' : ''}. Ids in \`changes.json\`.`;
  const schema = changes.schema.map((change) => `- \`${change.table}.${change.column}\` ${change.change}${change.before ? ` from ${change.before}` : ''}${change.after ? ` to ${change.after}` : ''}`);
  const rows = TABLE_NAMES.map((table) => {
    const diff = changes.tables[table];
    return `| ${table} | ${diff.rows} | ${diff.added.length} | ${diff.removed.length} | ${diff.changed.length} |`;
  });
  const entry = [
    `## ${changes.to}`,
    intro,
    ...(schema.length > 0 ? [`Schema:\n\n${schema.join('\n')}`] : []),
    ['| table | rows | added | removed | changed |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'),
  ].join('\n\n');
  const older = previousChangelog?.startsWith(CHANGELOG_TITLE) ? previousChangelog.slice(CHANGELOG_TITLE.length).trimStart() : '';
  return `${CHANGELOG_TITLE}\n${entry}\n${older ? `\n${older}` : ''}`;
}
