import { repairBytes } from '@callset/encoding';
import { mergeRegistries, resolveSpeakers } from '@callset/entities';
import { extractFigures, figureColumns, tableCurrency, tableFigures } from '@callset/figures';
import { codePointLength, detectFormat, type DocumentMetadata, type ParsedDocument } from '@callset/parsers';
import {
  TABLES,
  documentIdFromSha256,
  figureId,
  sha256Hex,
  slugify,
  sortRows,
  tableId,
  utteranceIds,
  type Catalog,
  type CatalogEntry,
  type DocumentRow,
  type FigureRow,
  type IssueRow,
  type SourceFormat,
  type Stage,
  type StageIssue,
  type TableRows,
} from '@callset/schema';
import { lockedVersions, renderRelease } from '@callset/writers';
import type { SourceFile } from './discover.ts';

/** One source after the repair stage. `text` is null when the source was rejected. */
export interface RepairedSource {
  sourcePath: string;
  sourceSha256: string;
  documentId: string;
  sourceBytes: number;
  text: string | null;
  rejectReason: string | null;
  encodingRepairs: number;
  normalizations: number;
  issues: IssueRow[];
}

export interface ParsedSource extends RepairedSource {
  format: SourceFormat;
  parsed: ParsedDocument | null;
}

export interface NormalizedRelease {
  tables: TableRows;
  texts: Record<string, string>;
  sources: { source_path: string; source_sha256: string }[];
}

function stamp(documentId: string, stage: Stage, issues: readonly StageIssue[]): IssueRow[] {
  return issues.map((issue) => ({ document_id: documentId, stage, ...issue }));
}

function documentIssue(documentId: string, stage: Stage, code: string, severity: IssueRow['severity'], message: string): IssueRow {
  return { document_id: documentId, stage, code, severity, char_start: null, char_end: null, message };
}

/** Decode and repair every source; empty files and later byte-identical duplicates are rejected. */
export function repairStage(files: readonly SourceFile[]): RepairedSource[] {
  const firstBySha = new Map<string, string>();
  return files.map((file) => {
    const sourceSha256 = sha256Hex(file.bytes);
    const documentId = documentIdFromSha256(sourceSha256);
    const base = { sourcePath: file.sourcePath, sourceSha256, documentId, sourceBytes: file.bytes.byteLength, encodingRepairs: 0, normalizations: 0 };
    const original = firstBySha.get(sourceSha256);
    if (original !== undefined) {
      const reason = 'discover/duplicate';
      return { ...base, text: null, rejectReason: reason, issues: [documentIssue(documentId, 'discover', reason, 'warn', `byte-identical to ${original}`)] };
    }
    firstBySha.set(sourceSha256, file.sourcePath);
    if (file.bytes.byteLength === 0) {
      return { ...base, text: null, rejectReason: 'repair/empty', issues: [documentIssue(documentId, 'repair', 'repair/empty', 'error', 'the file is empty')] };
    }
    const repaired = repairBytes(file.bytes);
    if (repaired.text.trim() === '') {
      return { ...base, text: null, rejectReason: 'repair/blank', issues: [documentIssue(documentId, 'repair', 'repair/blank', 'error', 'the file holds only whitespace')] };
    }
    return {
      ...base,
      text: repaired.text,
      rejectReason: null,
      encodingRepairs: repaired.repairs.length,
      normalizations: repaired.normalizations.length,
      issues: stamp(documentId, 'repair', repaired.issues),
    };
  });
}

/** Detect each source's format from its text alone and parse it. */
export function parseStage(sources: readonly RepairedSource[]): ParsedSource[] {
  return sources.map((source): ParsedSource => {
    if (source.text === null) return { ...source, format: 'unknown', parsed: null };
    const parser = detectFormat(source.text);
    if (!parser) {
      const reason = 'parse/unknown-format';
      return { ...source, format: 'unknown', parsed: null, rejectReason: reason, issues: [...source.issues, documentIssue(source.documentId, 'parse', reason, 'error', 'no parser recognises this text')] };
    }
    try {
      const parsed = parser.parse(source.text);
      return { ...source, format: parser.format, parsed, issues: [...source.issues, ...stamp(source.documentId, 'parse', parsed.issues)] };
    } catch (error) {
      const reason = 'internal/parser-error';
      const message = `the ${parser.format} parser failed: ${error instanceof Error ? error.message : String(error)}`;
      return { ...source, format: parser.format, parsed: null, rejectReason: reason, issues: [...source.issues, documentIssue(source.documentId, 'parse', reason, 'error', message)] };
    }
  });
}

const METADATA_FIELDS = [
  ['company', 'company'],
  ['ticker', 'ticker'],
  ['exchange', 'exchange'],
  ['fiscalYear', 'fiscal_year'],
  ['fiscalQuarter', 'fiscal_quarter'],
  ['eventDate', 'event_date'],
  ['title', 'title'],
  ['eventType', 'event_type'],
] as const satisfies readonly (readonly [keyof DocumentMetadata, keyof CatalogEntry])[];

/** The document's own metadata wins; the catalog fills gaps; each disagreement becomes an issue. */
export function mergeMetadata(documentId: string, own: DocumentMetadata, entry: CatalogEntry | undefined): { metadata: DocumentMetadata; issues: IssueRow[] } {
  const metadata: DocumentMetadata = { ...own };
  const issues: IssueRow[] = [];
  if (!entry) return { metadata, issues };
  for (const [ownKey, catalogKey] of METADATA_FIELDS) {
    const fromCatalog = entry[catalogKey];
    if (fromCatalog === undefined) continue;
    const fromDocument = own[ownKey];
    if (fromDocument === null) {
      (metadata as unknown as Record<string, unknown>)[ownKey] = fromCatalog;
    } else if (String(fromDocument) !== String(fromCatalog) && ownKey !== 'eventType') {
      issues.push(documentIssue(documentId, 'normalize', 'catalog/conflict', 'warn', `${catalogKey}: the document says ${JSON.stringify(fromDocument)}, the catalog ${JSON.stringify(fromCatalog)}; the document wins`));
    }
  }
  return { metadata, issues };
}

function eventIdOf(companyId: string | null, metadata: DocumentMetadata): string | null {
  if (!companyId || metadata.fiscalYear === null) return null;
  const period = metadata.fiscalQuarter === null ? `${metadata.fiscalYear}` : `${metadata.fiscalYear}Q${metadata.fiscalQuarter}`;
  return `${companyId}-${period}-${metadata.eventType}`;
}

interface DocumentTables {
  document: DocumentRow;
  rows: Omit<TableRows, 'documents' | 'speakers' | 'firms' | 'issues'>;
  registry: ReturnType<typeof resolveSpeakers>;
  text: string | null;
  issues: IssueRow[];
}

function rejectedDocument(source: ParsedSource, format: SourceFormat, license: DocumentRow['license']): DocumentRow {
  return {
    document_id: source.documentId,
    source_path: source.sourcePath,
    source_sha256: source.sourceSha256,
    source_format: format,
    status: 'rejected',
    reject_reason: source.rejectReason,
    company_id: null,
    company: null,
    ticker: null,
    exchange: null,
    event_id: null,
    event_type: null,
    fiscal_year: null,
    fiscal_quarter: null,
    event_date: null,
    title: null,
    license,
    encoding_repairs: source.encodingRepairs,
    normalizations: source.normalizations,
    issue_count: 0,
    source_bytes: source.sourceBytes,
    text_chars: null,
    utterance_count: 0,
    figure_count: 0,
  };
}

function normalizeDocument(source: ParsedSource, catalog: Catalog): DocumentTables {
  const entry = catalog[source.sourceSha256];
  const license = entry?.license ?? 'unknown';
  const empty = { utterances: [], figures: [], table_cells: [] };
  const noRegistry = { perTurn: [], speakers: [], firms: [] };
  if (!source.parsed || source.text === null) {
    return { document: rejectedDocument(source, source.format, license), rows: empty, registry: noRegistry, text: null, issues: source.issues };
  }
  const documentId = source.documentId;
  const parsed = source.parsed;
  const merged = mergeMetadata(documentId, parsed.metadata, entry);
  const metadata = merged.metadata;
  const registry = resolveSpeakers(documentId, parsed.turns);
  const ids = utteranceIds(documentId, parsed.turns.map((turn) => ({ speakerLabel: turn.speakerLabel ?? '', text: turn.text })));
  const utterances = parsed.turns.map((turn, seq) => {
    const resolved = registry.perTurn[seq];
    return {
      utterance_id: ids[seq] ?? '',
      document_id: documentId,
      seq,
      section: turn.section,
      speaker_id: resolved?.speakerId ?? `unknown@${documentId}`,
      speaker_name: resolved?.canonicalName ?? null,
      speaker_label: turn.speakerLabel || null,
      speaker_type: turn.speakerType,
      speaker_role: turn.speakerRole || null,
      speaker_org: turn.speakerOrg || null,
      firm_id: resolved?.firmId ?? null,
      text: turn.text,
      char_start: turn.charStart,
      char_end: turn.charEnd,
      reply_to: turn.replyTo.map((index) => ids[index] ?? '').filter(Boolean),
      mentions: [],
    };
  });
  const anchor = { fiscalYear: metadata.fiscalYear, fiscalQuarter: metadata.fiscalQuarter, eventDate: metadata.eventDate, eventType: metadata.eventType };
  const figures: FigureRow[] = utterances.flatMap((utterance) =>
    extractFigures(utterance.text, { ...anchor, speakerType: utterance.speaker_type, section: utterance.section }).map((figure) => ({
      figure_id: figureId(utterance.utterance_id, figure.charStart, figure.surface),
      document_id: documentId,
      utterance_id: utterance.utterance_id,
      table_id: null,
      speaker_id: utterance.speaker_id,
      ...figureColumns(figure),
    })),
  );
  // Table cells are read as table figures only: the parsers keep tables out of the utterance text.
  parsed.tables.forEach((table, index) => {
    const currency = tableCurrency(source.text ?? '', table.charStart, table.charEnd);
    for (const figure of tableFigures(table.cells, { anchor, currency })) {
      figures.push({
        figure_id: figureId(tableId(documentId, index), { row: figure.row, col: figure.col }, figure.surface),
        document_id: documentId,
        utterance_id: null,
        table_id: tableId(documentId, index),
        speaker_id: table.turnIndex === null ? null : (utterances[table.turnIndex]?.speaker_id ?? null),
        ...figureColumns(figure),
      });
    }
  });
  const tableCells = parsed.tables.flatMap((table, index) =>
    table.cells.map((cell) => ({
      table_id: tableId(documentId, index),
      document_id: documentId,
      utterance_id: table.turnIndex === null ? null : (ids[table.turnIndex] ?? null),
      row: cell.row,
      col: cell.col,
      row_label: cell.rowLabel || null,
      col_label: cell.colLabel || null,
      cell_text: cell.text || null,
    })),
  );
  const companyId = metadata.company ? slugify(metadata.company) || null : null;
  const document: DocumentRow = {
    ...rejectedDocument(source, parsed.format, license),
    status: 'ok',
    reject_reason: null,
    company_id: companyId,
    company: metadata.company,
    ticker: metadata.ticker,
    exchange: metadata.exchange,
    event_id: eventIdOf(companyId, metadata),
    event_type: metadata.eventType,
    fiscal_year: metadata.fiscalYear,
    fiscal_quarter: metadata.fiscalQuarter,
    event_date: metadata.eventDate,
    title: metadata.title,
    text_chars: codePointLength(source.text),
    utterance_count: utterances.length,
    figure_count: figures.length,
  };
  return { document, rows: { utterances, figures, table_cells: tableCells }, registry, text: source.text, issues: [...source.issues, ...merged.issues] };
}

/** The first zod failure among a document's records, as "table[index].path: message". */
function firstInvalidRecord(document: DocumentTables): string | null {
  const checks: [keyof typeof TABLES, readonly unknown[]][] = [
    ['documents', [document.document]],
    ['utterances', document.rows.utterances],
    ['figures', document.rows.figures],
    ['table_cells', document.rows.table_cells],
    ['speakers', document.registry.speakers],
    ['firms', document.registry.firms],
    ['issues', document.issues],
  ];
  for (const [table, rows] of checks) {
    for (const [index, row] of rows.entries()) {
      const result = TABLES[table].safeParse(row);
      if (!result.success) {
        const problem = result.error.issues[0];
        const span = row && typeof row === 'object' && 'char_start' in row ? ` at ${String((row as { char_start: unknown }).char_start)}` : '';
        return `${table}[${index}].${problem?.path.join('.') ?? ''}${span}: ${problem?.message ?? 'invalid'}`;
      }
    }
  }
  return null;
}

/** Entities, figures and catalog metadata; validates every record; assembles the release tables. */
export function normalizeStage(sources: readonly ParsedSource[], catalog: Catalog): NormalizedRelease {
  const documents: DocumentTables[] = sources.map((source) => {
    const normalized = normalizeDocument(source, catalog);
    const invalid = firstInvalidRecord(normalized);
    if (!invalid) return normalized;
    const reason = 'internal/invalid-record';
    const rejected: ParsedSource = { ...source, parsed: null, rejectReason: reason };
    const issue = documentIssue(source.documentId, 'normalize', reason, 'error', invalid);
    return { ...normalizeDocument(rejected, catalog), issues: [...source.issues, issue] };
  });
  const registry = mergeRegistries(documents.map((document) => document.registry));
  const issues = documents.flatMap((document) => document.issues);
  const tables: TableRows = {
    // issue_count per row, not per document_id: a rejected duplicate shares its original's id.
    documents: sortRows('documents', documents.map((document) => ({ ...document.document, issue_count: document.issues.length }))),
    utterances: sortRows('utterances', documents.flatMap((document) => document.rows.utterances)),
    speakers: sortRows('speakers', registry.speakers),
    firms: sortRows('firms', registry.firms),
    figures: sortRows('figures', documents.flatMap((document) => document.rows.figures)),
    table_cells: sortRows('table_cells', documents.flatMap((document) => document.rows.table_cells)),
    issues: sortRows('issues', issues),
  };
  const texts: Record<string, string> = {};
  for (const document of documents) if (document.text !== null) texts[document.document.document_id] = document.text;
  return { tables, texts, sources: sources.map((source) => ({ source_path: source.sourcePath, source_sha256: source.sourceSha256 })) };
}

/** Every file of the release folder. */
export function writeStage(release: NormalizedRelease, datasetVersion = 'next'): Map<string, Uint8Array> {
  return renderRelease({ datasetVersion, tables: release.tables, texts: new Map(Object.entries(release.texts)), sources: release.sources, toolVersions: lockedVersions() });
}
