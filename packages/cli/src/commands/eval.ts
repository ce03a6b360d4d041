import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentRow, FigureRow, UtteranceRow } from '@callset/schema';
import { couldBeSamePerson, defaultRegistry } from '@callset/entities';
import { rowsFromArrow } from '@callset/writers';
import { readGoldDocument, type GoldDocument } from '../gold-format.ts';
import { UsageError, type Io } from '../io.ts';
import { addCounts, emptyCounts, ratesOf, scoreDocument, type Disagreement, type DocumentScore, type SamePerson, type ScoredFigure, type ScoredUtterance, type TurnCounts } from '../score-gold.ts';

/** The tables of a release that eval reads, as their Arrow files give them. */
export interface ReleaseTables {
  documents: Pick<DocumentRow, 'document_id' | 'source_sha256' | 'status'>[];
  utterances: (ScoredUtterance & Pick<UtteranceRow, 'document_id'>)[];
  figures: (ScoredFigure & Pick<FigureRow, 'document_id'>)[];
}

export interface GoldResult {
  file: string;
  /** Why the document could not be scored turn by turn (missing from the release, rejected there). */
  absent: string | null;
  score: DocumentScore;
}

/** One person by the entity rules or the person registry: how a release's canonical names meet the gold's names as written. */
export const samePersonByEntities: SamePerson = (goldName, releaseName) => couldBeSamePerson(goldName, releaseName, defaultRegistry().people);

/** Scores every gold document against a release. Pure: the command below only reads and prints. */
export function evaluateGold(gold: readonly { file: string; document: GoldDocument }[], release: ReleaseTables, samePerson: SamePerson = samePersonByEntities): GoldResult[] {
  return gold.map(({ file, document }) => {
    const row = release.documents.find((candidate) => candidate.source_sha256 === document.source_sha256);
    const absent = !row ? 'not in the release' : row.status !== 'ok' ? `${row.status} in the release` : null;
    const utterances = row ? release.utterances.filter((utterance) => utterance.document_id === row.document_id).sort((a, b) => a.seq - b.seq) : [];
    const figures = row ? release.figures.filter((figure) => figure.document_id === row.document_id) : [];
    return { file, absent, score: scoreDocument(document, utterances, figures, samePerson) };
  });
}

const fixed = (value: number) => value.toFixed(3);

function scoreLine(name: string, counts: TurnCounts, width: number): string {
  const rates = ratesOf(counts);
  const cells = [
    String(counts.gold).padStart(5),
    String(counts.release).padStart(8),
    String(counts.matched).padStart(8),
    ...[rates.precision, rates.recall, rates.f1].map((rate) => fixed(rate).padStart(6)),
    ...[rates.speaker, rates.speakerType, rates.section].map((rate) => fixed(rate).padStart(8)),
  ];
  const figures = counts.goldFigures > 0 ? `  figures ${counts.figuresFound}/${counts.goldFigures} found, ${counts.figuresAgree} agree` : '';
  return `${name.padEnd(width)}${cells.join('')}${figures}\n`;
}

function describe(disagreement: Disagreement): string {
  const where = [disagreement.goldIndex === null ? null : `gold turn ${disagreement.goldIndex}`, disagreement.seq === null ? null : `seq ${disagreement.seq}`].filter(Boolean).join(', ');
  const found = disagreement.found === null ? '' : ` found ${JSON.stringify(disagreement.found)}`;
  const expected = disagreement.expected === null ? '' : ` expected ${JSON.stringify(disagreement.expected)}`;
  return `  ${disagreement.kind} (${where}):${expected}${found}\n`;
}

/** The report: one line per gold document, then the totals over all of them. */
export function formatReport(results: readonly GoldResult[], details: boolean): string {
  const width = Math.max(8, ...results.map((result) => result.file.length)) + 2;
  const heading = [...['gold', 'release', 'matched'].map((name, index) => name.padStart(index === 0 ? 5 : 8)), ...['P', 'R', 'F1'].map((name) => name.padStart(6)), ...['speaker', 'type', 'section'].map((name) => name.padStart(8))];
  let report = `${'document'.padEnd(width)}${heading.join('')}\n`;
  let total = emptyCounts();
  for (const result of results) {
    total = addCounts(total, result.score.counts);
    report += scoreLine(result.file, result.score.counts, width);
    if (result.absent) report += `  ${result.absent}\n`;
    if (details) for (const disagreement of result.score.disagreements) report += describe(disagreement);
  }
  return report + scoreLine('overall', total, width);
}

async function readGoldFolder(dir: string): Promise<{ file: string; document: GoldDocument }[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new UsageError(`no gold files (*.json) in ${dir}`);
  return Promise.all(
    files.map(async (file) => {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(join(dir, file), 'utf8'));
      } catch (error) {
        throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const read = readGoldDocument(json);
      if ('problem' in read) throw new Error(`${file}: ${read.problem}`);
      return { file: read.document.source_file, document: read.document };
    }),
  );
}

async function readRelease(dir: string): Promise<ReleaseTables> {
  const table = async (name: 'documents' | 'utterances' | 'figures') => rowsFromArrow(name, new Uint8Array(await readFile(join(dir, `${name}.arrow`))));
  return {
    documents: (await table('documents')) as ReleaseTables['documents'],
    utterances: (await table('utterances')) as ReleaseTables['utterances'],
    figures: (await table('figures')) as ReleaseTables['figures'],
  };
}

export async function evalCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { gold: { type: 'string' }, release: { type: 'string', default: 'output/next' }, details: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (!values.gold) throw new UsageError('eval needs --gold DIR');
  if (positionals.length > 0) throw new UsageError(`eval takes no positional arguments, not ${JSON.stringify(positionals[0])}`);
  const gold = await readGoldFolder(values.gold);
  const results = evaluateGold(gold, await readRelease(values.release));
  io.out(formatReport(results, values.details));
  return 0;
}
