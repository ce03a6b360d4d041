import { repairBytes } from '@callset/encoding';
import { defaultRegistry, resolveCompany, type EntityRegistry, type RegistryProposals } from '@callset/entities';
import { extractFigures, figureColumns, tableCurrency, tableFigures } from '@callset/figures';
import { codePointLength, detectFormat, type DocumentMetadata, type ParsedDocument } from '@callset/parsers';
import {
  TABLES,
  documentIdFromSha256,
  figureId,
  placeholderSpeakerId,
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
import { sourceSha256 as sourceSha256Of, type SourceFile } from './discover.ts';
import { resolveEntitiesStage } from './entities-stage.ts';
import type { RejectReason } from './reject-reasons.ts';
import { incompleteUtf8Tail, screenSignature } from './screen.ts';

/** One source after the repair stage. `text` is null when the source was rejected. */
export interface RepairedSource {
  sourcePath: string;
  sourceSha256: string;
  documentId: string;
  sourceBytes: number;
  text: string | null;
  rejectReason: RejectReason | null;
  encodingRepairs: number;
  normalizations: number;
  issues: IssueRow[];
}

export interface ParsedSource extends RepairedSource {
  format: SourceFormat;
  parsed: ParsedDocument | null;
  /** The stack of a parser that threw: for `--verbose`, never written to the release. */
  stack?: string;
}

export interface NormalizedRelease {
  tables: TableRows;
  texts: Record<string, string>;
  sources: { source_path: string; source_sha256: string }[];
  /** People the person registry does not hold; set once entities are resolved (resolveEntitiesStage). */
  proposals?: RegistryProposals;
}

/** Which file an issue is about. */
type IssueOwner = Pick<RepairedSource, 'documentId' | 'sourcePath'>;

function stamp(owner: IssueOwner, stage: Stage, issues: readonly StageIssue[]): IssueRow[] {
  return issues.map((issue) => ({ document_id: owner.documentId, source_path: owner.sourcePath, stage, ...issue }));
}

function documentIssue(owner: IssueOwner, stage: Stage, code: string, severity: IssueRow['severity'], message: string): IssueRow {
  return stamp(owner, stage, [{ code, severity, char_start: null, char_end: null, message }])[0] as IssueRow;
}

/** A source rejected before it has any text: the document row and one issue say why. */
function rejectedSource(base: Omit<RepairedSource, 'text' | 'rejectReason' | 'issues'>, stage: Stage, reason: RejectReason, message: string, severity: IssueRow['severity'] = 'error'): RepairedSource {
  return { ...base, text: null, rejectReason: reason, issues: [documentIssue(base, stage, reason, severity, message)] };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Above this share of control characters (NUL bytes and the like) the file is binary data, not text with a few stray bytes. */
const BINARY_CONTROL_SHARE = 0.01;

/**
 * Decode and repair every source. Unread files, later byte-identical duplicates, empty, blank,
 * compressed and binary files are rejected with a reason; a file cut mid-character and stray
 * control bytes are repaired, each with an issue.
 */
export function repairStage(files: readonly SourceFile[]): RepairedSource[] {
  const firstBySha = new Map<string, string>();
  return files.map((file) => {
    const sourceSha256 = sourceSha256Of(file);
    const documentId = documentIdFromSha256(sourceSha256);
    const base = { sourcePath: file.sourcePath, sourceSha256, documentId, sourceBytes: file.bytes.byteLength, encodingRepairs: 0, normalizations: 0 };
    if (file.unread) return rejectedSource(base, 'discover', file.unread.reason, file.unread.message);
    const original = firstBySha.get(sourceSha256);
    if (original !== undefined) return rejectedSource(base, 'discover', 'discover/duplicate', `byte-identical to ${original}`, 'warn');
    firstBySha.set(sourceSha256, file.sourcePath);
    if (file.bytes.byteLength === 0) return rejectedSource(base, 'repair', 'repair/empty', 'the file is empty');
    const signature = screenSignature(file.bytes);
    if (signature) return rejectedSource(base, 'repair', signature.reason, signature.message);
    const issues: IssueRow[] = [];
    const tail = incompleteUtf8Tail(file.bytes);
    const cut = tail > 0 && !isUtf8(file.bytes) && isUtf8(file.bytes.subarray(0, file.bytes.length - tail));
    const repaired = repairBytes(cut ? file.bytes.subarray(0, file.bytes.length - tail) : file.bytes);
    // The repair removes control characters as a normalisation; how many it removed tells binary data from stray bytes.
    const controls = repaired.normalizations.filter((normalization) => normalization.rule === 'control-character').length;
    const share = controls / file.bytes.byteLength;
    if (share > BINARY_CONTROL_SHARE) {
      return rejectedSource(base, 'repair', 'repair/binary', `the file is binary data, not text: ${controls} of its ${file.bytes.byteLength} bytes are control characters (${(100 * share).toFixed(1)}%)`);
    }
    if (repaired.text.trim() === '') return rejectedSource(base, 'repair', 'repair/blank', 'the file holds only whitespace');
    if (cut) {
      issues.push(documentIssue(base, 'repair', 'repair/truncated-character', 'warn', `the file ends in the middle of a UTF-8 character; ${tail === 1 ? 'its last byte was' : `its last ${tail} bytes were`} dropped`));
    }
    if (controls > 0) {
      issues.push(documentIssue(base, 'repair', 'repair/control-characters', 'warn', `removed ${controls} control character${controls === 1 ? '' : 's'} (NUL bytes and the like) from the text`));
    }
    issues.push(...stamp(base, 'repair', repaired.issues));
    return {
      ...base,
      text: repaired.text,
      rejectReason: null,
      encodingRepairs: repaired.repairs.length + (cut ? 1 : 0),
      normalizations: repaired.normalizations.length,
      issues,
    };
  });
}

/** An HTML page rather than a transcript: a doctype or an <html> tag, looked for near the start only. */
const HTML_TAG = /<(?:!doctype\s+html|html)[\s>]/i;

/** How a complete transcript's last turn ends: a sentence mark, perhaps inside quotes or brackets. */
const SENTENCE_END = /[.!?\u2026]["'\u201d\u2019)\]]{0,4}$/;

/**
 * Detect each source's format from its text alone and parse it. A text that yields no speech is
 * rejected; one whose last turn stops mid-sentence is kept, with an issue.
 */
export function parseStage(sources: readonly RepairedSource[]): ParsedSource[] {
  return sources.map((source): ParsedSource => {
    if (source.text === null) return { ...source, format: 'unknown', parsed: null };
    const reject = (format: SourceFormat, reason: RejectReason, message: string, stack?: string): ParsedSource => ({
      ...source,
      format,
      parsed: null,
      rejectReason: reason,
      issues: [...source.issues, documentIssue(source, 'parse', reason, 'error', message)],
      ...(stack === undefined ? {} : { stack }),
    });
    const parser = detectFormat(source.text);
    if (!parser) {
      return HTML_TAG.test(source.text.slice(0, 1024))
        ? reject('unknown', 'parse/html', 'an HTML page, not a transcript: save the transcript as text and add that instead')
        : reject('unknown', 'parse/unknown-format', 'no parser recognises this text as a CapIQ, Seeking Alpha, Motley Fool or markdown transcript, or a forum thread');
    }
    let parsed: ParsedDocument;
    try {
      parsed = parser.parse(source.text);
    } catch (error) {
      const message = `the ${parser.format} parser failed on this file (a bug in callset, please report it): ${error instanceof Error ? error.message : String(error)}`;
      return reject(parser.format, 'internal/parser-error', message, error instanceof Error ? error.stack : undefined);
    }
    if (parsed.turns.every((turn) => turn.text.trim() === '')) {
      // Parsers report each label that no speech follows; with no speech at all, those labels are all there is.
      const labels = parsed.turns.length + parsed.issues.filter((issue) => issue.code === 'parse/empty-turn').length;
      return labels === 0
        ? reject(parser.format, 'parse/no-turns', `recognised as ${parser.format} but no speaker turn was found: are the speaker labels missing?`)
        : reject(parser.format, 'parse/no-speech', `recognised as ${parser.format} with ${labels} speaker label${labels === 1 ? '' : 's'} but no speech after any of them`);
    }
    const issues = [...source.issues, ...stamp(source, 'parse', parsed.issues)];
    const last = parsed.turns.at(-1);
    if (last && !SENTENCE_END.test(last.text.trimEnd().slice(-8))) {
      issues.push({ ...documentIssue(source, 'parse', 'parse/ends-mid-sentence', 'warn', 'the last turn ends mid-sentence: the file may be cut off'), char_start: last.charStart, char_end: last.charEnd });
    }
    return { ...source, format: parser.format, parsed, issues };
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
export function mergeMetadata(owner: IssueOwner, own: DocumentMetadata, entry: CatalogEntry | undefined): { metadata: DocumentMetadata; issues: IssueRow[] } {
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
      issues.push(documentIssue(owner, 'normalize', 'catalog/conflict', 'warn', `${catalogKey}: the document says ${JSON.stringify(fromDocument)}, the catalog ${JSON.stringify(fromCatalog)}; the document wins`));
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

function normalizeDocument(source: ParsedSource, catalog: Catalog, registry: EntityRegistry): DocumentTables {
  const entry = catalog[source.sourceSha256];
  const license = entry?.license ?? 'unknown';
  const empty = { utterances: [], figures: [], table_cells: [] };
  if (!source.parsed || source.text === null) {
    return { document: rejectedDocument(source, source.format, license), rows: empty, text: null, issues: source.issues };
  }
  const documentId = source.documentId;
  const parsed = source.parsed;
  const merged = mergeMetadata(source, parsed.metadata, entry);
  const metadata = merged.metadata;
  const ids = utteranceIds(documentId, parsed.turns.map((turn) => ({ speakerLabel: turn.speakerLabel ?? '', text: turn.text })));
  const utterances = parsed.turns.map((turn, seq) => {
    // The name as written and no ids yet: resolveEntitiesStage settles speakers across all documents.
    return {
      utterance_id: ids[seq] ?? '',
      document_id: documentId,
      seq,
      section: turn.section,
      speaker_id: placeholderSpeakerId.unknown(documentId),
      speaker_name: turn.speakerName || null,
      speaker_label: turn.speakerLabel || null,
      speaker_type: turn.speakerType,
      speaker_role: turn.speakerRole || null,
      speaker_org: turn.speakerOrg || null,
      firm_id: null,
      text: turn.text,
      char_start: turn.charStart,
      char_end: turn.charEnd,
      reply_to: turn.replyTo.map((index) => ids[index] ?? '').filter(Boolean),
      mentions: turn.mentions ?? [],
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
  const company = resolveCompany(metadata, registry);
  const companyId = company.companyId;
  const document: DocumentRow = {
    ...rejectedDocument(source, parsed.format, license),
    status: 'ok',
    reject_reason: null,
    company_id: companyId,
    company: company.company,
    ticker: company.ticker,
    exchange: company.exchange,
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
  return { document, rows: { utterances, figures, table_cells: tableCells }, text: source.text, issues: [...source.issues, ...merged.issues, ...stamp(source, 'normalize', company.issues)] };
}

/** The first zod failure among a document's records, as "table[index].path: message". */
function firstInvalidRecord(document: DocumentTables): string | null {
  const checks: [keyof typeof TABLES, readonly unknown[]][] = [
    ['documents', [document.document]],
    ['utterances', document.rows.utterances],
    ['figures', document.rows.figures],
    ['table_cells', document.rows.table_cells],
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
export function normalizeStage(sources: readonly ParsedSource[], catalog: Catalog, registry: EntityRegistry = defaultRegistry()): NormalizedRelease {
  return resolveEntitiesStage(normalizeDocuments(sources, catalog, registry), registry);
}

/** normalizeStage per document, speakers not resolved yet: what a worker does with its chunk of documents. */
export function normalizeDocuments(sources: readonly ParsedSource[], catalog: Catalog, registry: EntityRegistry = defaultRegistry()): NormalizedRelease {
  const documents: DocumentTables[] = sources.map((source) => {
    const normalized = normalizeDocument(source, catalog, registry);
    const invalid = firstInvalidRecord(normalized);
    if (!invalid) return normalized;
    const reason: RejectReason = 'internal/invalid-record';
    const rejected: ParsedSource = { ...source, parsed: null, rejectReason: reason };
    const issue = documentIssue(source, 'normalize', reason, 'error', invalid);
    return { ...normalizeDocument(rejected, catalog, registry), issues: [...source.issues, issue] };
  });
  const issues = documents.flatMap((document) => document.issues);
  const tables: TableRows = {
    // issue_count per row, not per document_id: a rejected duplicate shares its original's id.
    documents: sortRows('documents', documents.map((document) => ({ ...document.document, issue_count: document.issues.length }))),
    utterances: sortRows('utterances', documents.flatMap((document) => document.rows.utterances)),
    speakers: [],
    firms: [],
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
