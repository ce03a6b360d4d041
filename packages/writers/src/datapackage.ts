import { TABLE_NAMES, frictionlessTableSchema, type TableName } from '@callset/schema';
import { FOREIGN_KEYS, PRIMARY_KEYS } from './keys.ts';
import type { ManifestFile } from './release.ts';

/** What each table holds, for the data package and the dataset card. */
export const TABLE_DESCRIPTIONS: Record<TableName, string> = {
  documents: 'One row per source file: where it came from, its format, status (ok or rejected with a reason), company, event, licence and counts.',
  utterances: 'One row per speaker turn (a forum post is a turn), with the repaired text and its span in texts/<document_id>.txt.',
  speakers: 'The person registry: one row per resolved speaker, with every label seen and the firms they spoke for.',
  firms: 'The firm registry: analysts\' employers and other organisations named by speakers.',
  figures: 'One row per numeric quantity in a turn or a source table: surface text, value in base units, unit, period, metric and kind.',
  table_cells: 'Tables rebuilt from sources (estimates tables, forum tables), one row per cell.',
  issues: 'Everything a stage set aside, could not resolve, or repaired, with a code, a severity and a span.',
};

const FORMATS = {
  csv: { format: 'csv', mediatype: 'text/csv', suffix: '' },
  arrow: { format: 'arrow', mediatype: 'application/vnd.apache.arrow.file', suffix: '-arrow' },
  parquet: { format: 'parquet', mediatype: 'application/vnd.apache.parquet', suffix: '-parquet' },
} as const;

const OTHER_MEDIATYPES: Record<string, string> = { '.txt': 'text/plain', '.md': 'text/markdown', '.json': 'application/json' };

export interface DatapackageOptions {
  version: string;
  /** Columns written as nullable although the zod schema requires them (withheld text in a public release). */
  withheldColumns: ReadonlySet<string>;
}

/** The Table Schema of a table: types and descriptions from zod, plus keys. */
export function tableSchema(table: TableName, withheldColumns: ReadonlySet<string>): Record<string, unknown> {
  const schema = frictionlessTableSchema(table) as { fields: { name: string; constraints: Record<string, unknown> }[] };
  const fields = schema.fields.map((field) =>
    withheldColumns.has(`${table}.${field.name}`) ? { ...field, constraints: { ...field.constraints, required: false } } : field,
  );
  return { ...schema, fields, primaryKey: [...PRIMARY_KEYS[table]], foreignKeys: FOREIGN_KEYS[table] };
}

function extension(path: string): string {
  return path.slice(path.lastIndexOf('.'));
}

function fileFacts(file: ManifestFile) {
  return { bytes: file.bytes, hash: `sha256:${file.sha256}` };
}

/**
 * Frictionless Data Package: a resource per file (tables in all three formats, texts, card,
 * changelog), each with bytes, hash and mediatype. `files` holds every file written before it, by path.
 */
export function renderDatapackage(options: DatapackageOptions, files: ReadonlyMap<string, ManifestFile>): Record<string, unknown> {
  const tables = new Set<string>(TABLE_NAMES);
  const tableResources = TABLE_NAMES.flatMap((table) => {
    const schema = tableSchema(table, options.withheldColumns);
    return Object.entries(FORMATS).flatMap(([ext, format]) => {
      const path = `${table}.${ext}`;
      const file = files.get(path);
      if (!file) return [];
      return [
        {
          name: `${table}${format.suffix}`,
          path,
          profile: 'tabular-data-resource',
          description: TABLE_DESCRIPTIONS[table],
          format: format.format,
          mediatype: format.mediatype,
          ...(ext === 'csv' ? { encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\n', header: true, doubleQuote: true } } : {}),
          ...fileFacts(file),
          schema,
        },
      ];
    });
  });
  const otherResources = [...files]
    .filter(([path]) => !tables.has(path.slice(0, path.lastIndexOf('.'))))
    .map(([path, file]) => ({
      name: path.replace(/\.[a-z]+$/, '').replace(/[^a-z0-9._-]+/gi, '-').toLowerCase(),
      path,
      profile: 'data-resource',
      format: extension(path).slice(1),
      mediatype: OTHER_MEDIATYPES[extension(path)] ?? 'application/octet-stream',
      encoding: 'utf-8',
      ...fileFacts(file),
    }));
  return {
    profile: 'tabular-data-package',
    name: 'callset',
    title: 'callset: earnings-call transcripts and investor-forum threads',
    version: options.version,
    resources: [...tableResources, ...otherResources],
  };
}
