import type { Section, SourceFormat, SpeakerType, StageIssue } from '@callset/schema';

/** What a document says about itself. Null where it says nothing; the catalog may fill it later. */
export interface DocumentMetadata {
  company: string | null;
  ticker: string | null;
  exchange: string | null;
  fiscalYear: number | null;
  fiscalQuarter: number | null;
  eventDate: string | null;
  title: string | null;
  eventType: 'earnings_call' | 'forum_thread';
}

/** A person listed in the document's participant list. */
export interface Participant {
  name: string;
  role: string | null;
  org: string | null;
  speakerType: SpeakerType;
}

export interface ParsedTurn {
  /** The label exactly as the source wrote it (null when the source gives none). */
  speakerLabel: string | null;
  /** The speaker's name as the document gives it, cleaned of firm and role. */
  speakerName: string | null;
  speakerRole: string | null;
  speakerOrg: string | null;
  speakerType: SpeakerType;
  section: Section;
  /** Cleaned speech: paragraphs separated by a single '\n'. */
  text: string;
  /** Span of the turn's speech in the repaired text (labels and roles lie outside it: see labelSpans), code points, end exclusive. */
  charStart: number;
  charEnd: number;
  /** Indexes of the turns this one quotes (forum posts); usually earlier ones, but a post seen only as a quote may be placed after its reply. */
  replyTo: number[];
  /** Spans of the label (and role) lines that opened or continued the turn, where they lie outside its speech span. */
  labelSpans?: { charStart: number; charEnd: number }[];
  /** Names a forum post addresses with @, as written without the @. */
  mentions?: string[];
}

export interface ParsedTableCell {
  row: number;
  col: number;
  rowLabel: string | null;
  colLabel: string | null;
  text: string | null;
}

export interface ParsedTable {
  /** Index of the turn the table sits in, or null for a document-level table. */
  turnIndex: number | null;
  charStart: number;
  charEnd: number;
  cells: ParsedTableCell[];
}

export interface ParsedDocument {
  format: SourceFormat;
  metadata: DocumentMetadata;
  participants: Participant[];
  turns: ParsedTurn[];
  tables: ParsedTable[];
  issues: StageIssue[];
}

/** One parser per source format, behind the same two functions. */
export interface FormatParser {
  format: SourceFormat;
  /** How sure this parser is that the text is in its format: 0 (no) to 1 (certain). Reads the text only. */
  detect(text: string): number;
  parse(text: string): ParsedDocument;
}
