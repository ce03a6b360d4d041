import type { FormatParser, Participant, ParsedDocument, ParsedTable } from '../types.ts';
import { codePointOffsets, splitLines, type Line } from '../text.ts';
import {
  MAX_LABEL_LENGTH,
  isBoilerplateStart,
  isParticipantHeading,
  looksLikeName,
  looksLikeRoleLine,
  parseParticipantList,
  readCallHeader,
  roleAndOrg,
  sectionOfHeading,
  splitFooter,
} from '../capiq-common.ts';
import { classifyRoleLine, genericSpeakerType, speakerNameOf } from '../labels.ts';
import { markInferredQa } from '../qa-start.ts';
import { tsvCells } from '../tsv-table.ts';
import { buildTurns, type Piece, type Speaker } from '../turn-builder.ts';

/** A line with its page footer cut off: the trimmed rest and where it lies (UTF-16). */
interface Entry {
  line: Line;
  value: string;
  start: number;
  end: number;
  footer: [number, number] | null;
  blank: boolean;
}

function readEntry(line: Line): Entry {
  const footer = splitFooter(line.text);
  const rest = footer ? footer.before : line.text;
  const value = rest.trim();
  const start = line.start + (rest.length - rest.trimStart().length);
  const footerSpan: [number, number] | null = footer ? [line.start + footer.footerAt, line.start + line.text.trimEnd().length] : null;
  return { line, value, start, end: start + value.length, footer: footerSpan, blank: line.text.trim() === '' };
}

const INLINE_LABEL = /^([^*]{1,100})\*([^*]{1,150})\*$/;
const key = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

function nextContent(entries: readonly Entry[], from: number, to: number): number {
  for (let index = from; index < to; index++) if (entries[index]?.value) return index;
  return -1;
}

interface LabelMatch {
  name: string;
  roleLine: string | null;
  roleIndex: number | null;
}

/**
 * A label at `index`: `Name*Role*` inline, or a name line (a listed participant, a generic label
 * such as Operator, or any name followed by a role/firm line) with the role/firm line that follows
 * it past blank lines and page footers.
 */
function matchLabel(entries: readonly Entry[], index: number, to: number, known: ReadonlyMap<string, Participant>): LabelMatch | null {
  const value = entries[index]?.value ?? '';
  if (value === '' || value.length > MAX_LABEL_LENGTH) return null;
  const inline = INLINE_LABEL.exec(value);
  if (inline) {
    const name = (inline[1] ?? '').trim();
    const role = (inline[2] ?? '').trim();
    return known.has(key(name)) || (looksLikeName(name) && classifyRoleLine(role) !== null) ? { name, roleLine: role, roleIndex: null } : null;
  }
  const participant = known.get(key(value));
  const isNamed = participant !== undefined || genericSpeakerType(value) !== null;
  // Someone the list does not name is written in full: a one-word line ("Flat.") is speech.
  if (!isNamed && !(looksLikeName(value) && value.includes(' '))) return null;
  const next = nextContent(entries, index + 1, to);
  const candidate = next === -1 ? '' : (entries[next]?.value ?? '');
  const listedRole = participant ? key(participant.role ?? participant.org ?? '') : '';
  const isRole =
    candidate.length <= MAX_LABEL_LENGTH &&
    !INLINE_LABEL.test(candidate) &&
    !known.has(key(candidate)) &&
    genericSpeakerType(candidate) === null &&
    (looksLikeRoleLine(candidate) || (listedRole !== '' && key(candidate) === listedRole));
  if (!isNamed && !isRole) return null;
  return { name: value, roleLine: isRole ? candidate : null, roleIndex: isRole ? next : null };
}

function speakerOf(match: LabelMatch, known: ReadonlyMap<string, Participant>, company: string | null): Speaker {
  const participant = known.get(key(match.name));
  const type = genericSpeakerType(match.name) ?? (match.roleLine ? classifyRoleLine(match.roleLine) : null) ?? participant?.speakerType ?? 'unknown';
  const { role, org } = match.roleLine ? roleAndOrg(match.roleLine, type, company) : { role: participant?.role ?? null, org: participant?.org ?? null };
  return { label: match.name, name: speakerNameOf(match.name), role, org, type };
}

/** First and last non-blank content of entries [from, to) as a span, or null. */
function contentSpan(entries: readonly Entry[], from: number, to: number): [number, number] | null {
  let first: Entry | null = null;
  let last: Entry | null = null;
  for (let index = from; index < to; index++) {
    const entry = entries[index];
    if (!entry || entry.blank) continue;
    first ??= entry;
    last = entry;
  }
  return first && last ? [first.line.start, last.line.start + last.line.text.trimEnd().length] : null;
}

/**
 * Where the speech begins: the first section heading; without one, the label before the first
 * line of prose after the header.
 */
function findBodyStart(entries: readonly Entry[], from: number): number {
  for (let index = from; index < entries.length; index++) if (sectionOfHeading(entries[index]?.value ?? '') !== null) return index;
  const isLabelish = (value: string) => looksLikeName(value) || genericSpeakerType(value) !== null;
  for (let index = from; index < entries.length; index++) {
    const value = entries[index]?.value ?? '';
    if (value === '') continue;
    if (value.length <= MAX_LABEL_LENGTH && INLINE_LABEL.test(value)) return index;
    if (value.length <= MAX_LABEL_LENGTH && (isLabelish(value) || looksLikeRoleLine(value) || isParticipantHeading(value))) continue;
    const previous = (before: number) => {
      for (let back = before - 1; back >= from; back--) if (entries[back]?.value) return back;
      return -1;
    };
    const role = previous(index);
    const roleValue = entries[role]?.value ?? '';
    if (role !== -1 && looksLikeRoleLine(roleValue)) {
      const name = previous(role);
      if (name !== -1 && isLabelish(entries[name]?.value ?? '')) return name;
    }
    return role !== -1 && isLabelish(roleValue) ? role : index;
  }
  return entries.length;
}

function parseCapiq(text: string): ParsedDocument {
  const entries = splitLines(text).map(readEntry);
  const participantsAt = entries.findIndex((entry) => entry.value.length <= 60 && isParticipantHeading(entry.value));
  const tableFirst = entries.findIndex((entry, index) => (participantsAt === -1 || index < participantsAt) && entry.line.text.includes('\t') && entry.value !== '');
  let tableEnd = tableFirst;
  while (tableEnd !== -1 && tableEnd < entries.length && entries[tableEnd]?.line.text.includes('\t')) tableEnd++;
  const bodyStart = findBodyStart(entries, participantsAt !== -1 ? participantsAt : tableEnd !== -1 ? tableEnd : 0);
  const headerEnd = [tableFirst, participantsAt, bodyStart].find((index) => index !== -1 && index <= bodyStart) ?? bodyStart;

  const header = readCallHeader(entries.slice(0, headerEnd).map((entry) => entry.value));
  const company = header.metadata.company;

  const participants: Participant[] = [];
  if (participantsAt !== -1 && participantsAt < bodyStart) {
    const paragraphs: string[][] = [[]];
    for (const entry of entries.slice(participantsAt, bodyStart)) {
      if (entry.blank) paragraphs.push([]);
      else if (entry.value) paragraphs[paragraphs.length - 1]?.push(entry.value);
    }
    participants.push(...parseParticipantList(paragraphs, company));
  }
  const known = new Map(participants.map((participant) => [key(participant.name), participant]));

  const pieces: Piece[] = [];
  const aside = (span: [number, number] | null, code: string, message: string) => {
    if (span) pieces.push({ kind: 'aside', start: span[0], end: span[1], code, message });
  };
  aside(contentSpan(entries, 0, headerEnd), 'parse/document-header', 'document header: company, period, date');
  const tables: ParsedTable[] = [];
  const toPoint = codePointOffsets(text);
  const tableSpan = tableFirst === -1 ? null : contentSpan(entries, tableFirst, tableEnd);
  if (tableSpan) {
    aside(tableSpan, 'parse/estimates-table', 'estimates table, rebuilt as a table');
    tables.push({ turnIndex: null, charStart: toPoint(tableSpan[0]), charEnd: toPoint(tableSpan[1]), cells: tsvCells(text.slice(tableSpan[0], tableSpan[1])) });
  }
  // Between the table and the list: its currency and consensus-date notes.
  const listStart = participantsAt !== -1 && participantsAt < bodyStart ? participantsAt : bodyStart;
  const afterTable = Math.max(tableSpan ? tableEnd : headerEnd, headerEnd);
  aside(contentSpan(entries, afterTable, listStart), 'parse/document-header', 'estimates notes: currency, consensus date');
  aside(contentSpan(entries, Math.max(afterTable, listStart), bodyStart), participants.length ? 'parse/participant-list' : 'parse/document-header', participants.length ? `participant list (${participants.length} people)` : 'document header');

  let bodyEnd = entries.findIndex((entry, index) => index > bodyStart && isBoilerplateStart(entry.value));
  if (bodyEnd === -1) bodyEnd = entries.length;
  let roleAt = -1;
  for (let index = bodyStart; index < bodyEnd; index++) {
    const entry = entries[index];
    if (!entry) continue;
    if (entry.footer) aside(entry.footer, 'parse/page-footer', 'page footer');
    if (index === roleAt) continue;
    if (entry.blank) {
      pieces.push({ kind: 'break' });
      continue;
    }
    if (entry.value === '') continue;
    const section = sectionOfHeading(entry.value);
    if (section) {
      pieces.push({ kind: 'section', start: entry.start, end: entry.end, section });
      continue;
    }
    const label = matchLabel(entries, index, bodyEnd, known);
    if (label) {
      const roleEntry = label.roleIndex === null ? null : entries[label.roleIndex];
      pieces.push({ kind: 'label', start: entry.start, end: roleEntry ? roleEntry.end : entry.end, speaker: speakerOf(label, known, company) });
      roleAt = label.roleIndex ?? -1;
      continue;
    }
    pieces.push({ kind: 'speech', start: entry.start, end: entry.end });
  }
  aside(contentSpan(entries, bodyEnd, entries.length), 'parse/legal-boilerplate', 'legal notice at the end, not speech');

  const built = buildTurns(text, pieces);
  const turns = built.qaMarked ? built.turns : markInferredQa(built.turns, false);
  const headerIssues = header.issues.map((issue) => ({ ...issue, char_start: null, char_end: null }));
  return { format: 'capiq', metadata: header.metadata, participants, turns, tables, issues: [...headerIssues, ...built.issues] };
}

const HEAD = 20_000;

/**
 * CapIQ from its content: the page footer and name, the participant headings, the
 * `Exchange:TICKER` and `FQn YYYY ... Call` header lines, `Name*Role*` labels. A text whose labels
 * are Markdown bold is the Markdown export, so it counts for less here. A line's pattern never
 * runs past a line break (`.`, or a class without them): `^` in multiline mode starts a line after
 * each of \n, \r, \u2028 and \u2029, and a class that crossed them would rescan the line from each.
 * Texts from repairBytes hold \n only, where this changes nothing.
 */
function detectCapiq(text: string): number {
  const head = text.slice(0, HEAD);
  const signals: [boolean, number][] = [
    [text.includes('WWW.SPCAPITALIQ.COM'), 0.5],
    [/S&P Capital IQ|Capital IQ, Inc\./.test(text), 0.3],
    [/^[ \t]*Call Participants[ \t]*$/m.test(head), 0.2],
    [/^[ \t]*(?:EXECUTIVES|ANALYSTS)[ \t]*$/m.test(head), 0.1],
    [/^.{1,150}[ \t][A-Za-z][A-Za-z0-9]{0,15}:[A-Z0-9][A-Z0-9.-]{0,11}[ \t]*$/m.test(head.slice(0, 2000)), 0.1],
    [/^[ \t]*F[QYH][1-4]?[ \t]+(?:19|20)\d{2}[ \t][^\n]{0,80}Call/m.test(head), 0.1],
    [/^[ \t]*Question and Answer[ \t]*$/m.test(text), 0.1],
    [/^[^*\n\r\u2028\u2029]{2,100}\*[^*\n\r\u2028\u2029]{2,150}\*[ \t]*$/m.test(text), 0.1],
  ];
  const score = signals.reduce((sum, [present, weight]) => sum + (present ? weight : 0), 0);
  const boldLabels = text.match(/^(?:#{1,6}[ \t]*)?\*\*[^*\n]{2,100}\*\*[ \t]*$/gm)?.length ?? 0;
  return Math.min(0.95, boldLabels >= 3 ? score / 2 : score);
}

export const capiqParser: FormatParser = { format: 'capiq', detect: detectCapiq, parse: parseCapiq };
