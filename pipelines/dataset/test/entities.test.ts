import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegistry } from '@callset/entities';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/build.ts';
import type { SourceFile } from '../src/discover.ts';
import { resolveEntitiesStage } from '../src/entities-stage.ts';
import { concatReleases, processDocument } from '../src/parallel.ts';
import { normalizeStage, parseStage, repairStage, type NormalizedRelease } from '../src/stages.ts';

const seeds = new URL('../../../seeds/', import.meta.url).pathname;
const catalog = await loadCatalog(join(seeds, 'catalog.json'), true);
const seedFiles: SourceFile[] = await Promise.all(
  (await readdir(seeds))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map(async (name) => ({ sourcePath: name, bytes: new Uint8Array(await readFile(join(seeds, name))) })),
);
const newCall: SourceFile = { sourcePath: 'zz-new-call-2017q3.txt', bytes: new Uint8Array(await readFile(new URL('./fixtures/new-call-2017q3.txt', import.meta.url))) };

const build = (files: readonly SourceFile[]) => normalizeStage(parseStage(repairStage(files)), catalog);
const seedRelease = build(seedFiles);

const turnsOf = (release: NormalizedRelease, name: string) =>
  release.tables.utterances
    .filter((utterance) => utterance.speaker_label?.startsWith(name))
    .map((utterance) => [utterance.document_id, utterance.speaker_id, utterance.speaker_name, utterance.speaker_type, utterance.speaker_org, utterance.firm_id]);

describe('entities in the seeds release', () => {
  it('resolves speakers, firms and companies across the seeds', () => {
    const { documents, speakers, firms } = seedRelease.tables;
    expect([speakers.length, speakers.filter((speaker) => speaker.is_person).length, firms.length]).toEqual([44, 38, 29]);
    expect(documents.map((document) => [document.source_path, document.company_id, document.ticker, document.exchange, document.event_id])).toEqual([
      ['000_a38aff60faea0394.txt', 'tesla', 'TSLA', 'NASDAQ', 'tesla-2017Q2-earnings_call'],
      ['001_b1b0479d018b9915.txt', 'tesla', 'TSLA', 'NASDAQ', 'tesla-2012Q2-earnings_call'],
      ['004_26438e60a0700b48.txt', 'tesla', 'TSLA', 'NASDAQ', null],
      ['003_8a2b0ef1bec22bbd.txt', 'tesla', 'TSLA', 'NASDAQ', 'tesla-2024Q1-earnings_call'],
      ['002_77d29d239d22e634.txt', 'tesla', 'TSLA', 'NASDAQ', 'tesla-2013Q4-earnings_call'],
    ]);
    expect(seedRelease.tables.issues.filter((issue) => issue.code.startsWith('speaker/') || issue.code.startsWith('company/'))).toEqual([]);
  });

  it('keeps the role each document gives, under one speaker_id: an analyst in 2017, investor relations in 2024', () => {
    const turns = turnsOf(seedRelease, 'Martin Viecha');
    expect([...new Set(turns.map((turn) => JSON.stringify(turn)))].map((turn) => JSON.parse(turn))).toEqual([
      ['2da7dfa3541f8f5b', 'martin-viecha', 'Martin Viecha', 'analyst', 'Redburn (Europe) Limited, Research Division', 'redburn'],
      ['c24a3e3252badfbe', 'martin-viecha', 'Martin Viecha', 'executive', 'Tesla', 'tesla'],
    ]);
    expect(turns).toHaveLength(28);
  });

  it('gives each figure the speaker_id of its utterance', () => {
    const speakerOf = new Map(seedRelease.tables.utterances.map((utterance) => [utterance.utterance_id, utterance.speaker_id]));
    const figures = seedRelease.tables.figures.filter((figure) => figure.utterance_id);
    expect(figures.length).toBeGreaterThan(100);
    for (const figure of figures) expect([figure.figure_id, figure.speaker_id]).toEqual([figure.figure_id, speakerOf.get(figure.utterance_id ?? '')]);
  });

  it('gives the same release whatever the order the documents were processed in', () => {
    const sources = seedRelease.sources;
    const documents = seedFiles.map((file) => processDocument(file, catalog));
    const inOrder = resolveEntitiesStage(concatReleases(documents, sources));
    const reversed = resolveEntitiesStage(concatReleases([...documents].reverse(), sources));
    expect(reversed).toEqual(inOrder);
    expect(inOrder.tables).toEqual(seedRelease.tables);
  });

  it('cites registry evidence that the seeds really say', () => {
    const seedsById = new Map(repairStage(seedFiles).map((source) => [source.documentId, source]));
    const registry = readRegistry();
    const cited = [...registry.people, ...registry.firms, ...registry.companies].flatMap((entry) => entry.evidence.filter((evidence) => evidence.document_id));
    expect(cited).toHaveLength(11);
    for (const evidence of cited) {
      const seed = seedsById.get(evidence.document_id ?? '');
      expect([evidence.source, evidence.quote, seed?.text?.includes(evidence.quote ?? '')]).toEqual([`seeds/${seed?.sourcePath}`, evidence.quote, true]);
    }
  });
});

describe('a new transcript', () => {
  const withNewCall = build([...seedFiles, newCall]);
  const newDocument = withNewCall.tables.documents.find((document) => document.source_path === newCall.sourcePath);

  it('gives a known executive under a new spelling their id, and a new analyst a new id and a proposal', () => {
    expect([newDocument?.company_id, newDocument?.event_id]).toEqual(['tesla', 'tesla-2017Q3-earnings_call']);
    const id = newDocument?.document_id ?? '';
    const turns = withNewCall.tables.utterances.filter((utterance) => utterance.document_id === id).sort((a, b) => a.seq - b.seq);
    expect(turns.map((turn) => [turn.speaker_label, turn.speaker_id, turn.speaker_name, turn.speaker_type, turn.firm_id])).toEqual([
      ['Operator', `operator@${id}`, null, 'operator', null],
      ['Jeff Evanson', 'jeff-evanson', 'Jeff Evanson', 'executive', 'tesla'],
      ['Operator', `operator@${id}`, null, 'operator', null],
      ['Priya Raman – Evercore ISI', 'priya-raman', 'Priya Raman', 'analyst', 'evercore-isi'],
      ['Jon McNeill', 'jonathan-mcneill', 'Jonathan McNeill', 'executive', 'tesla'],
      ['Priya Raman – Evercore ISI', 'priya-raman', 'Priya Raman', 'analyst', 'evercore-isi'],
    ]);
    expect(withNewCall.proposals?.people.find((person) => person.speaker_id === 'priya-raman')).toEqual({
      speaker_id: 'priya-raman',
      canonical_name: 'Priya Raman',
      aliases: ['Priya Raman'],
      evidence: [{ source: newCall.sourcePath, document_id: id, quote: 'Priya Raman – Evercore ISI' }],
    });
  });

  it('changes nothing else', () => {
    const id = newDocument?.document_id ?? '';
    const old = (release: NormalizedRelease) => ({
      utterances: release.tables.utterances.filter((utterance) => utterance.document_id !== id),
      speakers: release.tables.speakers.filter((speaker) => !['jonathan-mcneill', 'priya-raman', `operator@${id}`].includes(speaker.speaker_id)),
      firms: release.tables.firms.filter((firm) => firm.firm_id !== 'evercore-isi'),
      // Proposals cite every document a person speaks in: Jeff Evanson's gain the new one.
      proposals: release.proposals?.people.filter((person) => !['jonathan-mcneill', 'priya-raman'].includes(person.speaker_id)).map(({ evidence: _, ...person }) => person),
    });
    expect(old(withNewCall)).toEqual(old(seedRelease));
    const mcneill = (release: NormalizedRelease) => release.tables.speakers.find((speaker) => speaker.speaker_id === 'jonathan-mcneill');
    expect(mcneill(withNewCall)).toEqual({ ...mcneill(seedRelease), aliases: ['Jon McNeill', 'Jonathan McNeill'] });
    expect(withNewCall.tables.speakers.length - seedRelease.tables.speakers.length).toBe(2);
    expect(withNewCall.tables.firms.find((firm) => firm.firm_id === 'evercore-isi')).toEqual({ firm_id: 'evercore-isi', canonical_name: 'Evercore ISI', aliases: ['Evercore ISI'], successor_firm_id: null });
  });
});

describe('an ambiguous name', () => {
  /** A short call in the Seeking Alpha layout with one analyst question. */
  const call = (quarter: number, analyst: string): SourceFile => ({
    sourcePath: `acme-2024q${quarter}.txt`,
    bytes: new TextEncoder().encode(
      [
        `Acme Robotics, Inc. (NYSE:ACME) Q${quarter} 2024 Earnings Call April 30, 2024 5:00 PM ET`,
        'Executives',
        'Dana Whitfield – Chief Executive Officer',
        'Analysts',
        `${analyst} – Example Securities`,
        'Operator',
        'Welcome to the call.',
        'Question-and-Answer Session',
        `${analyst} – Example Securities`,
        'How did margins develop?',
        'Dana Whitfield',
        'They improved.',
        '',
      ].join('\n'),
    ),
  });

  it('is kept apart, reported where it is spoken and counted in its document', () => {
    const release = build([call(1, 'Colin W. Rusch'), call(2, 'Colin X. Rusch'), call(3, 'Colin Rusch')]);
    const analysts = release.tables.utterances.filter((utterance) => utterance.speaker_type === 'analyst').sort((a, b) => a.document_id.localeCompare(b.document_id));
    const third = release.tables.documents.find((document) => document.source_path === 'acme-2024q3.txt');
    const turn = analysts.find((utterance) => utterance.document_id === third?.document_id);
    expect(analysts.map((utterance) => [utterance.speaker_label, utterance.speaker_id]).sort()).toEqual([
      ['Colin Rusch – Example Securities', 'colin-rusch'],
      ['Colin W. Rusch – Example Securities', 'colin-w-rusch'],
      ['Colin X. Rusch – Example Securities', 'colin-x-rusch'],
    ]);
    const issues = release.tables.issues.filter((issue) => issue.code === 'speaker/ambiguous');
    expect(issues).toEqual([
      {
        document_id: third?.document_id,
        source_path: 'acme-2024q3.txt',
        stage: 'normalize',
        code: 'speaker/ambiguous',
        severity: 'warn',
        char_start: turn?.char_start,
        char_end: turn?.char_end,
        message: '"Colin Rusch" can be any of "Colin W. Rusch", "Colin X. Rusch" by the name rules; kept apart as colin-rusch until the person registry says who it is',
      },
    ]);
    expect(third?.issue_count).toBe(release.tables.issues.filter((issue) => issue.document_id === third?.document_id).length);
    expect(release.proposals?.people.map((person) => person.speaker_id)).toEqual(['colin-w-rusch', 'colin-x-rusch', 'dana-whitfield']);
  });
});
