import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverSources } from '../src/discover.ts';
import { mergeMetadata, normalizeStage, parseStage, repairStage } from '../src/stages.ts';

const own = { company: 'Tesla, Inc.', ticker: 'TSLA', exchange: null, fiscalYear: 2017, fiscalQuarter: 2, eventDate: null, title: null, eventType: 'earnings_call' as const };

describe('mergeMetadata', () => {
  it('fills gaps from the catalog and records conflicts, the document winning', () => {
    const { metadata, issues } = mergeMetadata({ documentId: 'd1', sourcePath: 'd1.txt' }, own, { license: 'restricted', exchange: 'NasdaqGS', fiscal_year: 2018, event_date: '2017-08-02' });
    expect(metadata).toMatchObject({ exchange: 'NasdaqGS', fiscalYear: 2017, eventDate: '2017-08-02' });
    expect(issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['catalog/conflict', 'fiscal_year: the document says 2017, the catalog 2018; the document wins'],
    ]);
  });
});

describe('discover and repair', () => {
  it('recurses in sorted order, skips symlinks leaving the input and rejects later duplicates', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'callset-outside-'));
    const input = await mkdtemp(join(tmpdir(), 'callset-input-'));
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await mkdir(join(input, 'b'));
    await writeFile(join(input, 'b', 'z.txt'), 'same bytes');
    await writeFile(join(input, 'a.txt'), 'same bytes');
    await writeFile(join(input, 'catalog.json'), '{}');
    await symlink(join(outside, 'secret.txt'), join(input, 'c.txt'));
    await symlink(join(input, 'a.txt'), join(input, 'd.txt'));
    const files = await discoverSources(input);
    expect(files.map((file) => [file.sourcePath, file.unread?.reason ?? null])).toEqual([
      ['a.txt', null],
      ['b/z.txt', null],
      ['c.txt', 'discover/symlink-outside-input'],
      ['d.txt', null],
    ]);
    const repaired = repairStage(files);
    expect(repaired.map((source) => source.rejectReason)).toEqual([null, 'discover/duplicate', 'discover/symlink-outside-input', 'discover/duplicate']);
    const release = normalizeStage(parseStage(repaired), {});
    expect(release.tables.documents.map((document) => [document.source_path, document.status, document.reject_reason])).toEqual([
      ['a.txt', 'rejected', 'parse/unknown-format'],
      ['b/z.txt', 'rejected', 'discover/duplicate'],
      ['d.txt', 'rejected', 'discover/duplicate'],
      ['c.txt', 'rejected', 'discover/symlink-outside-input'],
    ]);
  });
});
