import { z } from 'zod';
import { TABLES, type TableName } from './tables.ts';

/** The storage type of a column, read off its zod schema. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'list';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** Allowed values of an enum column: such columns are dictionary-encoded in Arrow and Parquet. */
  values: readonly string[] | null;
  description: string | null;
}

interface JsonSchemaNode {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
}

function columnFromJsonSchema(name: string, node: JsonSchemaNode): ColumnSpec {
  let nullable = false;
  let core = node;
  if (node.anyOf) {
    const nonNull = node.anyOf.filter((option) => option.type !== 'null');
    nullable = nonNull.length < node.anyOf.length;
    const [only] = nonNull;
    if (nonNull.length !== 1 || only === undefined) throw new Error(`column ${name}: unions are not storable`);
    core = only;
  }
  if (Array.isArray(core.type)) {
    const types = core.type.filter((type) => type !== 'null');
    nullable ||= types.length < core.type.length;
    const [only] = types;
    if (types.length !== 1 || only === undefined) throw new Error(`column ${name}: unions are not storable`);
    core = { ...core, type: only };
  }
  const description = node.description ?? core.description ?? null;
  if (core.enum) {
    return { name, type: 'string', nullable, values: core.enum.map(String), description };
  }
  switch (core.type) {
    case 'string':
      return { name, type: core.format === 'date' ? 'date' : 'string', nullable, values: null, description };
    case 'integer':
    case 'number':
    case 'boolean':
      return { name, type: core.type, nullable, values: null, description };
    case 'array':
      if (core.items?.type !== 'string') throw new Error(`column ${name}: only lists of strings are storable`);
      return { name, type: 'list', nullable, values: null, description };
    default:
      throw new Error(`column ${name}: unsupported JSON Schema type ${JSON.stringify(core.type)}`);
  }
}

const columnCache = new Map<TableName, ColumnSpec[]>();

/** The columns of a table in header order, derived from its zod schema. */
export function columnsOf(table: TableName): ColumnSpec[] {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const json = z.toJSONSchema(TABLES[table]) as JsonSchemaNode;
  const columns = Object.entries(json.properties ?? {}).map(([name, node]) => columnFromJsonSchema(name, node));
  columnCache.set(table, columns);
  return columns;
}

export function csvHeader(table: TableName): string[] {
  return columnsOf(table).map((column) => column.name);
}

const TABLE_SCHEMA_TYPES: Record<ColumnType, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  list: 'array',
};

/** Frictionless Table Schema of a table, derived from its zod schema. */
export function frictionlessTableSchema(table: TableName): Record<string, unknown> {
  return {
    fields: columnsOf(table).map((column) => ({
      name: column.name,
      type: TABLE_SCHEMA_TYPES[column.type],
      ...(column.description ? { description: column.description } : {}),
      constraints: {
        required: !column.nullable,
        ...(column.values ? { enum: column.values } : {}),
      },
    })),
    missingValues: [''],
  };
}
