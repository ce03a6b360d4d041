import { TABLE_NAMES, columnsOf, type DocumentRow, type TableName } from '@callset/schema';
import { TABLE_DESCRIPTIONS } from './datapackage.ts';
import { PRIMARY_KEYS } from './keys.ts';

export interface CardInput {
  version: string;
  documents: readonly DocumentRow[];
  rowCounts: Readonly<Record<TableName, number>>;
  textCount: number;
  /** Document ids whose text is withheld (public releases). */
  withheld: readonly string[];
  frozen: boolean;
  /** Package versions pinned by package-lock.json that shape the bytes. */
  toolVersions: Readonly<Record<string, string>>;
}

/** What each source format's terms allow, as far as the sources themselves say. */
const TERMS: Record<string, string> = {
  capiq:
    'S&P Capital IQ transcript. Its own terms (at the end of the source) say the content is "provided for internal business purposes and should not be used to assemble or create a database".',
  markdown: 'Markdown export of an S&P Capital IQ transcript: the Capital IQ terms above apply.',
  seeking_alpha: 'Seeking Alpha transcript: copyrighted by the publisher; the source grants no licence to redistribute it.',
  motley_fool: 'The Motley Fool transcript: copyrighted by the publisher; the source grants no licence to redistribute it.',
  forum: 'Investor-forum thread: posts belong to their authors under the forum\'s terms; no licence to redistribute is given.',
  unknown: 'Unrecognised source: nothing is known of its terms.',
};

const LIMITATIONS = [
  '`document_id` is derived from the source bytes: any edit to a source file gives its document, utterances and figures new ids.',
  'Speaker and firm resolution works within the sources of one build; the same person may get two ids across spellings it has not seen together.',
  'Figures come from rules over the turn text: unusual phrasings are missed, and `metric`/`kind` are null when no rule matched.',
  'Transcripts are as the sources wrote them: speech-to-text errors, `[inaudible]` gaps and editorial notes are kept.',
  'Fiscal periods rely on the document or the catalog; a quarter that neither states is null.',
];

const SNIPPETS = `DuckDB:

\`\`\`sql
SELECT speaker_type, count(*) AS turns FROM read_parquet('utterances.parquet') GROUP BY speaker_type ORDER BY turns DESC;
\`\`\`

nodejs-polars:

\`\`\`js
import { readFileSync } from 'node:fs';
import pl from 'nodejs-polars';
// A Buffer: nodejs-polars takes a string as a path only when it ends in .ipc.
const figures = pl.readIPC(readFileSync('figures.arrow'));
\`\`\`

pandas:

\`\`\`python
import pandas as pd
documents = pd.read_csv("documents.csv", keep_default_na=False, na_values=[""])
\`\`\`

CSV null is an empty unquoted field; list columns are JSON arrays in CSV and \`List<Utf8>\` in Arrow and Parquet.`;

function cell(value: unknown): string {
  return value === null || value === undefined || value === '' ? '' : String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

function event(document: DocumentRow): string {
  if (document.status === 'rejected') return `rejected: ${document.reject_reason ?? ''}`;
  const period = document.fiscal_year === null ? '' : `FY${document.fiscal_year}${document.fiscal_quarter === null ? '' : ` Q${document.fiscal_quarter}`}`;
  return [document.event_type, period, document.event_date].filter(Boolean).join(', ');
}

function schemaSection(name: TableName): string {
  const key = PRIMARY_KEYS[name].join(', ');
  const rows = columnsOf(name).map((column) => [`\`${column.name}\``, column.values ? `${column.type} (${column.values.join(' | ')})` : column.type, column.nullable ? 'yes' : 'no', column.description]);
  return `### ${name}\n\n${TABLE_DESCRIPTIONS[name]} Identified by ${key}.\n\n${table(['column', 'type', 'nullable', 'description'], rows)}`;
}

/** The release's README.md: what it holds, where it came from, what may be done with it. No dates, so the bytes follow the inputs only. */
export function renderCard(input: CardInput): string {
  const { documents } = input;
  const formats = [...new Set(documents.map((document) => document.source_format))].sort();
  const licences = [...new Set(documents.map((document) => document.license))].sort();
  const sections = [
    `# callset ${input.version}`,
    `Earnings-call transcripts and investor-forum threads as tables: speaker turns, numeric figures, documents, speakers, firms, rebuilt tables and issues, with the repaired texts that every span points into.${input.frozen ? '' : ' This is the working release (`next`), overwritten by every build; frozen releases are `output/<version>/`.'}`,
    `## Contents\n\n${table(
      ['table', 'rows', 'files', 'what'],
      TABLE_NAMES.map((name) => [name, input.rowCounts[name], `\`${name}.csv\`, \`${name}.arrow\`, \`${name}.parquet\``, TABLE_DESCRIPTIONS[name]]),
    )}\n\nAlso: \`texts/<document_id>.txt\` (${input.textCount} repaired texts; \`char_start\`/\`char_end\` count code points into them), \`datapackage.json\` (Frictionless Data Package), \`manifest.json\` (versions, checksums, row counts, source hashes), \`SHA256SUMS\` (\`sha256sum -c\`)${input.frozen ? ', `CHANGELOG.md` and `changes.json` (ids added, removed and changed against the previous frozen release)' : ''}. \`npx callset verify <folder>\` rechecks all of it.`,
    `## Sources\n\n${table(
      ['document_id', 'source', 'format', 'company', 'event', 'licence'],
      documents.map((document) => [document.document_id, document.source_path, document.source_format, document.company, event(document), document.license]),
    )}\n\nLicences present: ${licences.join(', ')}. Terms of the formats present:\n\n${formats.map((format) => `- \`${format}\`: ${TERMS[format] ?? TERMS.unknown}`).join('\n')}`,
    `## What you may publish\n\nOnly sources whose catalog licence is \`redistributable\` may have their text published. For \`restricted\` and \`unknown\` sources, \`callset release --public\` withholds \`utterances.text\` (null) and \`texts/\`; ids, spans, speakers, firms and figures remain, and \`callset verify --public\` fails if any such text is left. Those remaining rows are still derived from the sources: the Capital IQ terms forbid using its transcripts to assemble a database at all, so a release containing Capital IQ sources, public or not, is for use under your own Capital IQ agreement and is not to be published without the provider's permission.${
      input.withheld.length > 0
        ? `\n\nThis release is public: the text of ${input.withheld.length} non-redistributable sources is withheld (${input.withheld.map((id) => `\`${id}\``).join(', ')}); their \`utterances.text\` is null and their \`texts/\` files are absent.`
        : ''
    }`,
    `## Schema\n\nTypes as in Arrow and Parquet: integer is Int32, number Float64, date Date32 (days), list \`List<Utf8>\`; enum columns are dictionary-encoded. In CSV, null is an empty field.\n\n${TABLE_NAMES.map(schemaSection).join('\n\n')}`,
    `## Known limitations\n\n${LIMITATIONS.map((line) => `- ${line}`).join('\n')}`,
    `## Loading\n\nFrom inside this folder.\n\n${SNIPPETS}`,
    `## How it was built\n\n\`npx callset build --input seeds --output output\`${input.frozen ? `, then \`npx callset release --bump …\`${input.withheld.length > 0 ? ' --public' : ''}` : ''}, from the callset repository. Same inputs give the same bytes. Package versions, as pinned by package-lock.json:\n\n${table(['package', 'version'], Object.entries(input.toolVersions))}`,
    `## Citation\n\n\`\`\`\ncallset contributors. callset: earnings-call transcripts and investor-forum threads, dataset version ${input.version}.\n\`\`\``,
  ];
  return `${sections.join('\n\n')}\n`;
}
