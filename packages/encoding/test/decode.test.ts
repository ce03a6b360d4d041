import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { repairBytes } from '../src/decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('repairBytes', () => {
  it('leaves clean UTF-8 alone', () => {
    const result = repairBytes(utf8('It’s “fine” – really.\n'));
    expect(result).toMatchObject({ text: 'It’s “fine” – really.\n', encoding: 'utf-8', repairs: [], normalizations: [], issues: [] });
  });

  it('drops a UTF-8 BOM and normalizes CRLF, locating each line end in the decoded text', () => {
    const result = repairBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a\r\nb\rc\n')]));
    expect(result.text).toBe('a\nb\nc\n');
    expect(result.normalizations.map((n) => [n.offset, n.before])).toEqual([
      [1, '\r\n'],
      [4, '\r'],
    ]);
  });

  it('decodes UTF-16LE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Q2 “2017”', 'utf-16le')]);
    expect(repairBytes(bytes)).toMatchObject({ text: 'Q2 “2017”', encoding: 'utf-16le' });
  });

  it('decodes cp1252 bytes that are not UTF-8 and reports it', () => {
    const result = repairBytes(iconv.encode('It’s €5', 'win1252'));
    expect(result.text).toBe('It’s €5');
    expect(result.encoding).toBe('windows-1252');
    expect(result.issues.map((issue) => issue.code)).toEqual(['encoding/not-utf8']);
  });
});
