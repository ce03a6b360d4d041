import type { TableName } from '@callset/schema';

/**
 * The columns that identify a row of each table: the Table Schema primary keys, and the ids
 * changes.json compares releases by. `documents` needs `source_path` too: byte-identical
 * sources share a document_id (the later one is rejected as a duplicate). `issues` have no id
 * of their own, so every column but the severity identifies one.
 */
export const PRIMARY_KEYS: Record<TableName, readonly string[]> = {
  documents: ['document_id', 'source_path'],
  utterances: ['utterance_id'],
  speakers: ['speaker_id'],
  firms: ['firm_id'],
  figures: ['figure_id'],
  table_cells: ['table_id', 'row', 'col'],
  issues: ['document_id', 'source_path', 'stage', 'code', 'char_start', 'char_end', 'message'],
};

export interface ForeignKey {
  fields: string | string[];
  reference: { resource: TableName; fields: string | string[] };
}

const to = (fields: string | string[], resource: TableName, referenced = fields): ForeignKey => ({ fields, reference: { resource, fields: referenced } });

/** References between tables, as Table Schema foreign keys (list columns such as `firm_ids` cannot be expressed). */
export const FOREIGN_KEYS: Record<TableName, readonly ForeignKey[]> = {
  documents: [],
  utterances: [to('document_id', 'documents'), to('speaker_id', 'speakers'), to('firm_id', 'firms')],
  speakers: [],
  firms: [to('successor_firm_id', 'firms', 'firm_id')],
  figures: [to('document_id', 'documents'), to('utterance_id', 'utterances'), to('speaker_id', 'speakers')],
  table_cells: [to('document_id', 'documents'), to('utterance_id', 'utterances')],
  issues: [to(['document_id', 'source_path'], 'documents')],
};

/** A row's id as one string: the primary key values joined by `/`. */
export function rowId(table: TableName, row: Record<string, unknown>): string {
  return PRIMARY_KEYS[table].map((column) => String(row[column] ?? '')).join('/');
}
