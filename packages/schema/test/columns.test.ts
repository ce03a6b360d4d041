import { describe, expect, it } from 'vitest';
import { columnsOf, csvHeader, frictionlessTableSchema } from '../src/columns.ts';
import { parseCatalog } from '../src/catalog.ts';
import { TABLE_NAMES } from '../src/tables.ts';

describe('columns derived from zod', () => {
  it('reads type, nullability and enum values off the schema', () => {
    const byName = new Map(columnsOf('figures').map((column) => [column.name, column]));
    expect(byName.get('value')).toMatchObject({ type: 'number', nullable: true, values: null });
    expect(byName.get('approximate')).toMatchObject({ type: 'boolean', nullable: false });
    expect(byName.get('bound')?.values).toEqual(['gt', 'gte', 'lt', 'lte']);
    expect(columnsOf('documents').find((column) => column.name === 'event_date')?.type).toBe('date');
    expect(columnsOf('utterances').find((column) => column.name === 'reply_to')?.type).toBe('list');
  });

  it('describes every column, for the Table Schema and the dataset card', () => {
    const undescribed = TABLE_NAMES.flatMap((table) => columnsOf(table).filter((column) => !column.description).map((column) => `${table}.${column.name}`));
    expect(undescribed).toEqual([]);
    expect(columnsOf('figures').find((column) => column.name === 'value')?.description).toBe(
      'The quantity in base units ($5 million = 5000000, 25% = 25); null for a range or a cell with no number (NM).',
    );
  });

  it('orders the CSV header as the schema declares it', () => {
    expect(csvHeader('firms')).toEqual(['firm_id', 'canonical_name', 'aliases', 'successor_firm_id']);
  });

  it('gives a Frictionless field per column', () => {
    const schema = frictionlessTableSchema('firms') as { fields: { name: string; type: string; constraints: { required: boolean } }[] };
    expect(schema.fields.map((field) => [field.name, field.type, field.constraints.required])).toEqual([
      ['firm_id', 'string', true],
      ['canonical_name', 'string', true],
      ['aliases', 'array', true],
      ['successor_firm_id', 'string', false],
    ]);
  });
});

describe('catalog', () => {
  const key = 'a'.repeat(64);
  it('accepts a valid entry', () => {
    expect(parseCatalog({ [key]: { company: 'Tesla', license: 'restricted', fiscal_quarter: 2 } })[key]?.company).toBe('Tesla');
  });
  it('names the field that is wrong', () => {
    expect(() => parseCatalog({ [key]: { license: 'restricted', fiscal_quarter: 5 } })).toThrow(`invalid catalog:\n  "${key}" > "fiscal_quarter": Too big: expected number to be <=4`);
    expect(() => parseCatalog({ short: { license: 'restricted' } })).toThrow('invalid catalog:\n  "short": catalog keys are sha256 hex digests');
    expect(() => parseCatalog({ [key]: { license: 'restricted', colour: 'red' } })).toThrow(`invalid catalog:\n  "${key}": Unrecognized key: "colour"`);
  });
});
