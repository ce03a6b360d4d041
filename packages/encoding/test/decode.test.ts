import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { repairBytes } from '../src/index.ts';
import { NFC_SENSITIVE } from '../src/normalize.ts';
import { utf8 } from './helpers.ts';


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

  it('drops one UTF-8 BOM and reports the removal of a second one', () => {
    const result = repairBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8('ok')]));
    expect(result.text).toBe('ok');
    expect(result.normalizations).toEqual([{ offset: 0, before: '\ufeff', after: '', rule: 'zero-width' }]);
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

describe('decoding', () => {
  it('decodes UTF-16BE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Benoît – “ok”', 'utf-16be')]);
    expect(repairBytes(bytes)).toMatchObject({ text: 'Benoît – “ok”', encoding: 'utf-16be', issues: [] });
  });

  it('reports the cp1252 bytes a UTF-8 file holds, keeps them as cp1252 and locates them in the text', () => {
    const bytes = Buffer.concat([Buffer.from('Benoît said ', 'utf8'), Buffer.from([0x93, 0x6f, 0x6b, 0x94]), Buffer.from(' and é\n', 'utf8')]);
    const result = repairBytes(bytes);
    expect(result.text).toBe('Benoît said “ok” and é\n');
    expect(result.encoding).toBe('utf-8');
    expect(result.issues).toEqual([
      { code: 'encoding/invalid-bytes', severity: 'warn', char_start: 12, char_end: 13, message: 'bytes \\x93 not valid utf-8; read as windows-1252' },
      { code: 'encoding/invalid-bytes', severity: 'warn', char_start: 15, char_end: 16, message: 'bytes \\x94 not valid utf-8; read as windows-1252' },
    ]);
    expect(result.repairs).toEqual([
      { offset: 12, before: '\\x93', after: '“', rule: 'invalid-utf8-as-cp1252' },
      { offset: 15, before: '\\x94', after: '”', rule: 'invalid-utf8-as-cp1252' },
    ]);
  });

  it('never drops a byte cp1252 leaves undefined: U+FFFD, reported', () => {
    const result = repairBytes(Buffer.from([0x61, 0x81, 0x8d, 0x62, 0xe9]));
    expect(result.text).toBe('a\ufffd\ufffdbé');
    expect(result.issues.map((issue) => [issue.code, issue.char_start, issue.char_end])).toEqual([
      ['encoding/not-utf8', null, null],
      ['encoding/invalid-bytes', 1, 3],
    ]);
  });

  it('replaces and reports a lone surrogate and an odd byte in UTF-16', () => {
    const result = repairBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x61, 0xd8, 0x00, 0x00, 0x62, 0x00]));
    expect(result.text).toBe('a\ufffdb');
    expect(result.issues.map((issue) => [issue.code, issue.char_start, issue.char_end])).toEqual([
      ['encoding/invalid-bytes', 1, 2],
      ['encoding/invalid-bytes', 3, 3],
    ]);
  });

  it('reports a truncated UTF-8 sequence at the end', () => {
    const result = repairBytes(Buffer.from([0x6f, 0x6b, 0xc3, 0xa9, 0xe2, 0x80]));
    expect(result.issues.map((issue) => [issue.code, issue.char_start, issue.char_end])).toEqual([['encoding/invalid-bytes', 3, 5]]);
  });
});

describe('normalisation', () => {
  const normalized = (text: string) => repairBytes(utf8(text));

  it('removes controls and zero-width characters, keeps tabs, ZWJ emoji and line structure', () => {
    const result = normalized('a\u0000b\u200bc\u00add\te 👨\u200d👩\u2028f');
    expect(result.text).toBe('abcd\te 👨\u200d👩\nf');
    expect(result.normalizations.map((n) => [n.offset, n.before, n.after, n.rule])).toEqual([
      [1, '\u0000', '', 'control-character'],
      [3, '\u200b', '', 'zero-width'],
      [5, '\u00ad', '', 'zero-width'],
      [13, '\u2028', '\n', 'line-end'],
    ]);
  });

  it('turns odd spaces inside lines into spaces but keeps lines holding only U+00A0', () => {
    expect(normalized('a\u00a0b\u2009c\n\u00a0\nd\u202fe').text).toBe('a b c\n\u00a0\nd e');
  });

  it('maps the Symbol-font bullet and unescapes export escapes, not Markdown ones', () => {
    expect(normalized('\uf0b7 cost \\$5, 3\\%, R\\&D, \\*bold\\*, \\\\$').text).toBe('• cost $5, 3%, R&D, \\*bold\\*, \\\\$');
  });

  it('skips ICU only for text that cannot change under NFC: every code point that can is in NFC_SENSITIVE', () => {
    // Those with a non-zero combining class or an NFC quick-check value other than Yes: marks,
    // characters NFC maps elsewhere, the second characters of canonical decompositions (Maybe), and
    // any other character canonical reordering moves past a mark of class 1 or 230.
    const missed: string[] = [];
    const composable = new Set<string>();
    for (let code = 0; code < 0x110000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const decomposed = char.normalize('NFD');
      if (decomposed !== char) for (const part of [...decomposed].slice(1)) composable.add(part);
    }
    for (let code = 0; code < 0x110000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const reorders = char.normalize('NFD') === char && ((char + '\u0334').normalize('NFD') !== char + '\u0334' || ('\u0301' + char).normalize('NFD') !== '\u0301' + char);
      const sensitive = /\p{M}/u.test(char) || char.normalize('NFC') !== char || composable.has(char) || reorders;
      if (sensitive && !NFC_SENSITIVE.test(char)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('composes to NFC (never NFKC) and locates it', () => {
    const result = normalized('Beno\u0131\u0302t cafe\u0301 ﬁ ²');
    expect(result.text).toBe('Beno\u0131\u0302t café ﬁ ²');
    expect(result.normalizations).toEqual([{ offset: 11, before: 'e\u0301', after: 'é', rule: 'nfc' }]);
  });
});
