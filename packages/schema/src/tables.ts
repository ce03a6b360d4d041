import { z } from 'zod';

/** Values the contract fixes; kept here once so parsers, writers and tests share them. */
export const SOURCE_FORMATS = ['capiq', 'seeking_alpha', 'markdown', 'motley_fool', 'forum', 'unknown'] as const;
export const DOCUMENT_STATUSES = ['ok', 'rejected'] as const;
export const EVENT_TYPES = ['earnings_call', 'forum_thread'] as const;
export const LICENSES = ['redistributable', 'restricted', 'unknown'] as const;
export const SECTIONS = ['presentation', 'qa', 'post'] as const;
export const SPEAKER_TYPES = ['executive', 'analyst', 'operator', 'forum_member', 'unknown'] as const;
export const SEVERITIES = ['error', 'warn', 'info'] as const;
export const BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;
export const FIGURE_KINDS = ['actual', 'guidance', 'estimate', 'consensus', 'surprise'] as const;

export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export type Section = (typeof SECTIONS)[number];
export type SpeakerType = (typeof SPEAKER_TYPES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type License = (typeof LICENSES)[number];

const text = z.string().min(1);
const optionalText = text.nullable();
const offset = z.int().nonnegative();
const textList = z.array(text);
/** Fiscal periods as the contract spells them: YYYY, YYYYH1/H2, YYYYQ1..Q4. */
const period = z.string().regex(/^\d{4}(?:H[12]|Q[1-4])?$/);

export const documentSchema = z.object({
  document_id: z.string().regex(/^[0-9a-f]{16}$/).describe('First 16 hex digits of the source file\'s sha256: a source edited by one byte is a new document.'),
  source_path: text.describe('Path of the source file relative to the build\'s input folder, \'/\'-separated.'),
  source_sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the source file\'s bytes (for an unreadable file: of its path, in a namespace of its own).'),
  source_format: z.enum(SOURCE_FORMATS).describe('The format detected from the text alone (never from the file name or the catalog); unknown when none was.'),
  status: z.enum(DOCUMENT_STATUSES).describe('ok when the document was parsed, rejected otherwise (see reject_reason).'),
  reject_reason: optionalText.describe('Why a rejected document was rejected, as an area/kebab code (see the README); null when ok.'),
  company_id: optionalText.describe('Slug of the company, from the company registry and rules.'),
  company: optionalText.describe('The company as the document (or, failing that, the catalog) names it.'),
  ticker: optionalText.describe('Bare ticker symbol (TSLA), without exchange.'),
  exchange: optionalText.describe('Exchange as written (NasdaqGS, NASDAQ).'),
  event_id: optionalText.describe('company_id, fiscal period and event type: the same call from several sources shares it.'),
  event_type: z.enum(EVENT_TYPES).nullable().describe('earnings_call or forum_thread.'),
  fiscal_year: z.int().min(1900).max(2200).nullable().describe('Fiscal year the call reports on.'),
  fiscal_quarter: z.int().min(1).max(4).nullable().describe('Fiscal quarter (1-4) the call reports on.'),
  event_date: z.iso.date().nullable().describe('The call\'s local calendar date.'),
  title: optionalText.describe('The document\'s title (a forum thread\'s title), when it has one.'),
  license: z.enum(LICENSES).describe('Licence of the source from the catalog: redistributable, restricted or unknown.'),
  encoding_repairs: offset.describe('Mojibake and decoding repairs made to the text.'),
  normalizations: offset.describe('Normalisations made to the text (line ends, odd spaces, escapes, control characters...).'),
  issue_count: offset.describe('Rows of issues about this file.'),
  source_bytes: offset.describe('Size of the source file in bytes.'),
  text_chars: offset.nullable().describe('Length of the repaired text (texts/<document_id>.txt) in code points; null when rejected.'),
  utterance_count: offset.describe('Rows of utterances from this document.'),
  figure_count: offset.describe('Rows of figures from this document.'),
});

export const utteranceSchema = z.object({
  utterance_id: text.describe('document_id + \'-\' + a hash of the normalized speaker label, the first 12 normalized words and their occurrence index: stable when other turns are inserted.'),
  document_id: text.describe('The document the turn belongs to.'),
  seq: offset.describe('0-based order of the turn in its document.'),
  section: z.enum(SECTIONS).describe('presentation, qa (question and answer) or post (a forum post).'),
  speaker_id: text.describe('The speaker (see speakers); placeholders operator@, unknown@ and forum-member@<document_id> are per document.'),
  speaker_name: optionalText.describe('Canonical name of the speaker; null for placeholders.'),
  speaker_label: optionalText.describe('The label as the source wrote it.'),
  speaker_type: z.enum(SPEAKER_TYPES).describe('executive, analyst, operator, forum_member or unknown, as this document presents the speaker.'),
  speaker_role: optionalText.describe('The speaker\'s role as this document gives it (Chief Financial Officer).'),
  speaker_org: optionalText.describe('The speaker\'s organisation as this document writes it: the company for executives, the firm for analysts.'),
  firm_id: optionalText.describe('The firm of speaker_org, from the firm registry.'),
  text: z.string().describe('The repaired speech, paragraphs separated by a line feed, bracketed notes such as [inaudible] kept inline.'),
  char_start: offset.describe('Start of the speech in texts/<document_id>.txt, in code points (labels lie outside the span).'),
  char_end: offset.describe('End of the speech in texts/<document_id>.txt, in code points, exclusive.'),
  reply_to: textList.describe('Ids of the utterances a forum post quotes.'),
  mentions: textList.describe('Names the turn addresses with @, as written without the @.'),
});

export const speakerSchema = z.object({
  speaker_id: text.describe('Slug of the canonical name (with a suffix only when two people share one), or a per-document placeholder.'),
  canonical_name: text.describe('The person\'s canonical name, or the placeholder\'s name.'),
  is_person: z.boolean().describe('False for the operator, unknown-speaker and forum-member placeholders.'),
  aliases: textList.describe('Every label seen for this speaker.'),
  speaker_type: z.enum(SPEAKER_TYPES).describe('The speaker\'s most frequent type across documents.'),
  firm_ids: textList.describe('Every firm the speaker spoke for.'),
});

export const firmSchema = z.object({
  firm_id: text.describe('Slug of the canonical firm name.'),
  canonical_name: text.describe('The firm\'s canonical name (legal suffixes and \'Research Division\' dropped).'),
  aliases: textList.describe('Every way the sources wrote the firm.'),
  successor_firm_id: optionalText.describe('The firm this one was renamed to or merged into, when known.'),
});

export const figureSchema = z.object({
  figure_id: text.describe('utterance_id (or table_id) + \'-\' + char_start (or r<row>c<col>) + \'-\' + a hash of surface.'),
  document_id: text.describe('The document the figure comes from.'),
  utterance_id: optionalText.describe('The turn the figure is in; null for a cell of a document table.'),
  table_id: optionalText.describe('The table the figure is a cell of (see table_cells); null for figures in speech.'),
  speaker_id: optionalText.describe('Who stated the figure; null for document tables.'),
  surface: text.describe('The exact text of the quantity.'),
  char_start: offset.describe('Start of surface in the utterance text (or the cell text), in code points.'),
  char_end: offset.describe('End of surface in the utterance text (or the cell text), in code points, exclusive.'),
  value: z.number().nullable().describe('The quantity in base units ($5 million = 5000000, 25% = 25); null for a range or a cell with no number (NM).'),
  value_low: z.number().nullable().describe('Lower end of a range.'),
  value_high: z.number().nullable().describe('Upper end of a range.'),
  unit: optionalText.describe('USD or another ISO currency, percent, count, duration, multiple, energy, distance...'),
  item: optionalText.describe('The counted noun, singular (vehicle), or the measure of a duration, energy or distance (week, GWh, mile).'),
  per: optionalText.describe('Rate denominator (week in \'5,000 vehicles per week\', share in \'$1.92 per share\').'),
  approximate: z.boolean().describe('True when hedged (about, roughly, ~, or so...).'),
  bound: z.enum(BOUNDS).nullable().describe('gt, gte, lt or lte for \'over\', \'at least\', \'under\', \'up to\'...; null for a plain value.'),
  period: period.nullable().describe('Fiscal period the figure is for: YYYY, YYYYH1/H2 or YYYYQ1..Q4; null when not stated or not resolvable.'),
  metric: optionalText.describe('What the figure measures, from the documented vocabulary (revenue, gross_margin, deliveries...); null when unclear.'),
  metric_label: optionalText.describe('The words the metric was read from.'),
  kind: z.enum(FIGURE_KINDS).nullable().describe('actual, guidance, estimate, consensus or surprise; null when unclear.'),
  spelled: z.boolean().describe('True when the quantity is spelled out in words ("ten thousand", "a million").'),
});

export const tableCellSchema = z.object({
  table_id: text.describe('document_id + \'-t\' + the table\'s index in the document.'),
  document_id: text.describe('The document the table comes from.'),
  utterance_id: optionalText.describe('The turn (forum post) the table sits in; null for a document-level table.'),
  row: offset.describe('0-based row of the cell among the table\'s data rows.'),
  col: offset.describe('0-based column of the cell among the table\'s data columns.'),
  row_label: optionalText.describe('The row\'s label as written.'),
  col_label: optionalText.describe('The column\'s label as written (merged headers joined).'),
  cell_text: optionalText.describe('The cell as written; null for an empty or placeholder cell.'),
});

/** The stages in pipeline order: issues of a document are listed in this order. */
export const STAGES = ['discover', 'repair', 'parse', 'normalize', 'write'] as const;

export const issueSchema = z.object({
  document_id: text.describe('The document the issue is about.'),
  /** The file the issue is about: byte-identical files share a document_id, never a path. */
  source_path: text.describe('The file the issue is about: byte-identical files share a document_id, never a path.'),
  stage: z.enum(STAGES).describe('The stage that raised it: discover, repair, parse, normalize or write.'),
  code: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('What happened, as area/kebab (parse/bracketed-note, encoding/repaired, speaker/ambiguous...).'),
  severity: z.enum(SEVERITIES).describe('error (the document or a record was rejected), warn (data may be wrong or missing) or info (repaired or set aside on purpose).'),
  char_start: offset.nullable().describe('Start of the span concerned in texts/<document_id>.txt, in code points; null when the issue has no span.'),
  char_end: offset.nullable().describe('End of the span concerned, exclusive.'),
  message: text.describe('What was found, in words.'),
});

/** Every table of a release, in the order they are written. */
export const TABLES = {
  documents: documentSchema,
  utterances: utteranceSchema,
  speakers: speakerSchema,
  firms: firmSchema,
  figures: figureSchema,
  table_cells: tableCellSchema,
  issues: issueSchema,
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export type DocumentRow = z.infer<typeof documentSchema>;
export type UtteranceRow = z.infer<typeof utteranceSchema>;
export type SpeakerRow = z.infer<typeof speakerSchema>;
export type FirmRow = z.infer<typeof firmSchema>;
export type FigureRow = z.infer<typeof figureSchema>;
export type TableCellRow = z.infer<typeof tableCellSchema>;
export type IssueRow = z.infer<typeof issueSchema>;
export type Stage = IssueRow['stage'];

export interface TableRows {
  documents: DocumentRow[];
  utterances: UtteranceRow[];
  speakers: SpeakerRow[];
  firms: FirmRow[];
  figures: FigureRow[];
  table_cells: TableCellRow[];
  issues: IssueRow[];
}

/** An issue as a pure stage reports it, before the pipeline stamps the document and stage on it. */
export type StageIssue = Omit<IssueRow, 'document_id' | 'source_path' | 'stage'>;
