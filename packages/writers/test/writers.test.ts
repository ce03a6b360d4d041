import { MessageReader, RecordBatch, Struct, Table, makeBuilder, makeData, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { STAGES, type FirmRow, type IssueRow } from '@callset/schema';
import { arrowSchema, tableToArrow } from '../src/arrow.ts';
import { tableToCsv } from '../src/csv.ts';

const firms: FirmRow[] = [
  { firm_id: 'morgan-stanley', canonical_name: 'Morgan Stanley', aliases: ['Morgan Stanley, Research Division', 'MS "Research"'], successor_firm_id: null },
];
const issues: IssueRow[] = [
  { document_id: 'd1', source_path: 'calls/d1.txt', stage: 'parse', code: 'speaker/unresolved', severity: 'warn', char_start: 3, char_end: null, message: 'line one\nline two' },
];

describe('CSV', () => {
  it('writes LF records, JSON lists, quotes where needed and empty unquoted nulls', () => {
    expect(tableToCsv('firms', firms)).toBe(
      'firm_id,canonical_name,aliases,successor_firm_id\n' +
        'morgan-stanley,Morgan Stanley,"[""Morgan Stanley, Research Division"",""MS \\""Research\\""""]",\n',
    );
    expect(tableToCsv('issues', issues)).toBe(
      'document_id,source_path,stage,code,severity,char_start,char_end,message\nd1,calls/d1.txt,parse,speaker/unresolved,warn,3,,"line one\nline two"\n',
    );
  });

  it('writes only the header for an empty table', () => {
    expect(tableToCsv('firms', [])).toBe('firm_id,canonical_name,aliases,successor_firm_id\n');
  });
});

describe('Arrow', () => {
  it('round-trips rows with typed columns', () => {
    const table = tableFromIPC(tableToArrow('issues', issues));
    expect(table.numRows).toBe(1);
    expect(table.toArray().map((row) => row.toJSON())).toEqual([issues[0]]);
    expect(String(table.schema.fields.find((field) => field.name === 'stage')?.type)).toBe('Dictionary<Int32, Utf8>');
    const firmTable = tableFromIPC(tableToArrow('firms', firms));
    expect([...(firmTable.getChild('aliases')?.get(0) ?? [])]).toEqual(firms[0]?.aliases);
  });

  it('gives an enum column a dictionary of all its values even when the rows use one', () => {
    const table = tableFromIPC(tableToArrow('issues', issues));
    expect(table.getChild('stage')?.data.map((data) => [...(data.dictionary ?? [])])).toEqual([[...STAGES]]);
    expect(() => tableToArrow('issues', [{ ...issues[0], stage: 'publish' }])).toThrow('issues.stage: publish is not one of its values');
  });

  it('writes batches of at most batchRows rows sharing one dictionary per enum column, written once and never as a delta', () => {
    const rows = Array.from({ length: 5 }, (_, index) => ({ ...issues[0], char_start: index, stage: STAGES[index] }));
    const bytes = tableToArrow('issues', rows, undefined, 2);
    const table = tableFromIPC(bytes);
    expect(table.batches.map((batch) => batch.numRows)).toEqual([2, 2, 1]);
    expect(table.toArray().map((row) => row.toJSON())).toEqual(rows);
    // The file's messages after its 8-byte magic; the dictionary ids are the columns' indices (stage, severity).
    const reader = new MessageReader(bytes.subarray(8));
    const dictionaryBatches: [number, boolean][] = [];
    for (let message = reader.readMessage(); message; message = reader.readMessage()) {
      if (message.isDictionaryBatch()) dictionaryBatches.push([message.header().id, message.header().isDelta]);
      reader.readMessageBody(message.bodyLength);
    }
    expect(dictionaryBatches).toEqual([
      [2, false],
      [4, false],
    ]);
  });

  it('encodes text columns to the bytes apache-arrow\'s own builders give: nulls, empty strings, non-ASCII and long values', () => {
    const rows: FirmRow[] = [
      { firm_id: 'société-générale', canonical_name: 'Société Générale ✓ 株式会社', aliases: [], successor_firm_id: null },
      { firm_id: 'long', canonical_name: 'x'.repeat(5000), aliases: ['a'], successor_firm_id: '' },
      { firm_id: 'ubs', canonical_name: 'UBS', aliases: [], successor_firm_id: 'société-générale' },
    ];
    const schema = arrowSchema('firms');
    const children = schema.fields.map((field) => {
      const builder = makeBuilder({ type: field.type, nullValues: [null, undefined] });
      for (const row of rows) {
        const value = row[field.name as keyof FirmRow];
        builder.append(value === '' ? null : value);
      }
      return builder.finish().flush();
    });
    const expected = tableToIPC(new Table(schema, [new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children }))]), 'file');
    expect(Buffer.from(tableToArrow('firms', rows)).equals(Buffer.from(expected))).toBe(true);
  });

  it('gives the same bytes twice', () => {
    expect(Buffer.from(tableToArrow('firms', firms)).equals(Buffer.from(tableToArrow('firms', firms)))).toBe(true);
  });
});
