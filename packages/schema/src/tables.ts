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
  document_id: z.string().regex(/^[0-9a-f]{16}$/),
  source_path: text,
  source_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  source_format: z.enum(SOURCE_FORMATS),
  status: z.enum(DOCUMENT_STATUSES),
  reject_reason: optionalText,
  company_id: optionalText,
  company: optionalText,
  ticker: optionalText,
  exchange: optionalText,
  event_id: optionalText,
  event_type: z.enum(EVENT_TYPES).nullable(),
  fiscal_year: z.int().min(1900).max(2200).nullable(),
  fiscal_quarter: z.int().min(1).max(4).nullable(),
  event_date: z.iso.date().nullable(),
  title: optionalText,
  license: z.enum(LICENSES),
  encoding_repairs: offset,
  normalizations: offset,
  issue_count: offset,
  source_bytes: offset,
  text_chars: offset.nullable(),
  utterance_count: offset,
  figure_count: offset,
});

export const utteranceSchema = z.object({
  utterance_id: text,
  document_id: text,
  seq: offset,
  section: z.enum(SECTIONS),
  speaker_id: text,
  speaker_name: optionalText,
  speaker_label: optionalText,
  speaker_type: z.enum(SPEAKER_TYPES),
  speaker_role: optionalText,
  speaker_org: optionalText,
  firm_id: optionalText,
  text: z.string(),
  char_start: offset,
  char_end: offset,
  reply_to: textList,
  mentions: textList,
});

export const speakerSchema = z.object({
  speaker_id: text,
  canonical_name: text,
  is_person: z.boolean(),
  aliases: textList,
  speaker_type: z.enum(SPEAKER_TYPES),
  firm_ids: textList,
});

export const firmSchema = z.object({
  firm_id: text,
  canonical_name: text,
  aliases: textList,
  successor_firm_id: optionalText,
});

export const figureSchema = z.object({
  figure_id: text,
  document_id: text,
  utterance_id: optionalText,
  table_id: optionalText,
  speaker_id: optionalText,
  surface: text,
  char_start: offset,
  char_end: offset,
  value: z.number().nullable(),
  value_low: z.number().nullable(),
  value_high: z.number().nullable(),
  unit: optionalText,
  item: optionalText,
  per: optionalText,
  approximate: z.boolean(),
  bound: z.enum(BOUNDS).nullable(),
  period: period.nullable(),
  metric: optionalText,
  metric_label: optionalText,
  kind: z.enum(FIGURE_KINDS).nullable(),
  /** The quantity is spelled out in words ("ten thousand", "a million"). */
  spelled: z.boolean(),
});

export const tableCellSchema = z.object({
  table_id: text,
  document_id: text,
  utterance_id: optionalText,
  row: offset,
  col: offset,
  row_label: optionalText,
  col_label: optionalText,
  cell_text: optionalText,
});

export const issueSchema = z.object({
  document_id: text,
  stage: z.enum(['discover', 'repair', 'parse', 'normalize', 'write']),
  code: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/),
  severity: z.enum(SEVERITIES),
  char_start: offset.nullable(),
  char_end: offset.nullable(),
  message: text,
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
export type StageIssue = Omit<IssueRow, 'document_id' | 'stage'>;
