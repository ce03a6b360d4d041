import type { SpeakerType } from '@callset/schema';
import type { DocumentMetadata, FormatParser, Participant, ParsedDocument } from '../types.ts';
import { emptyMetadata, parseHumanDate, splitLines, type Line } from '../text.ts';
import { genericSpeakerType, typeOfDashRest } from '../labels.ts';
import { markInferredQa } from '../qa-start.ts';
import { buildTurnsFromLayout, type SectionMark, type SetAside, type SpeakerLabel } from '../span-layout.ts';

// Seeking Alpha: a title line, `Executives` / `Analysts` lists of `Name – Role` lines, then one
// paragraph per line, each turn opened by a line holding a listed name (optionally ` – Firm`).
const LIST_HEADINGS: readonly [RegExp, SpeakerType][] = [
  [/^(?:Executives|Company Participants|Corporate Participants)$/, 'executive'],
  [/^(?:Analysts|Conference Call Participants)$/, 'analyst'],
];
const QA_MARKER = /^(?:Question-and-Answer Session|Questions? (?:and|&) Answers?(?: Session)?)$/i;
const BOILERPLATE = /^(?:Copyright policy:|THE INFORMATION CONTAINED HERE|If you have any additional questions about our online transcripts)/i;
/** `Name – Rest` with any dash, spaced: the name is 1 to 5 capitalised words. */
const NAME_DASH = /^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4})\s+[-–—]{1,2}\s+(\S.*)$/u;
const BARE_NAME = /^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,4}$/u;
const TICKER_IN_BRACKETS = /\((?:([A-Za-z]+):)?([A-Z][A-Z0-9.]{0,9})\)/y;

/**
 * A title `Company (Exchange:TICKER) ...`: the company is what precedes the first bracketed
 * ticker and the spaces before it (at least one character, no line break). What
 * `/^(.+?)\s*\((?:([A-Za-z]+):)?([A-Z][A-Z0-9.]{0,9})\)/` reads, by trying each opening bracket
 * once: that regex rescanned the spaces before a bracket from each company length.
 */
function readTitle(line: string): { company: string; exchange: string | null; ticker: string } | null {
  for (let open = line.indexOf('(', 1); open !== -1; open = line.indexOf('(', open + 1)) {
    TICKER_IN_BRACKETS.lastIndex = open;
    const ticker = TICKER_IN_BRACKETS.exec(line);
    if (!ticker) continue;
    let companyEnd = open;
    while (companyEnd > 1 && /\s/.test(line.charAt(companyEnd - 1))) companyEnd--;
    if (/[\n\r\u2028\u2029]/.test(line.slice(0, companyEnd))) return null;
    return { company: line.slice(0, companyEnd), exchange: ticker[1] ?? null, ticker: ticker[2] ?? '' };
  }
  return null;
}

const collapse = (value: string) => value.trim().replace(/\s+/g, ' ');
const listHeading = (value: string) => LIST_HEADINGS.find(([pattern]) => pattern.test(value))?.[1] ?? null;

function detect(text: string): number {
  const lines = text.slice(0, 6000).split('\n', 200).map(collapse);
  const firstLine = lines.find((line) => line.length > 0) ?? '';
  let score = 0;
  if (readTitle(firstLine) && /Earnings Call|Results|Transcript/i.test(firstLine)) score += 0.35;
  if (lines.some((line) => listHeading(line) === 'executive')) score += 0.25;
  if (lines.some((line) => listHeading(line) === 'analyst')) score += 0.15;
  if (lines.some((line) => NAME_DASH.test(line))) score += 0.1;
  // Spaces and tabs only: \s would run across blank lines and rescan them from every line start.
  if (/^[ \t]*(?:Question-and-Answer Session|Operator)[ \t]*$/m.test(text.slice(0, 200_000))) score += 0.1;
  return Math.min(score, 0.95);
}

function readMetadata(header: readonly string[]): DocumentMetadata {
  const title = header[0] ?? null;
  const joined = header.join(' ');
  const head = readTitle(title ?? '');
  const period = /\bF?Q([1-4])\s*(?:FY\s*)?(\d{4})\b|\bF([1-4])Q\s*(\d{2,4})\b/.exec(joined);
  const year = period?.[2] ?? period?.[4];
  return {
    ...emptyMetadata(),
    title,
    company: head?.company.replace(/(?:'s|’s|'|’)$/, '').trim() || null,
    exchange: head?.exchange ?? null,
    ticker: head?.ticker ?? null,
    fiscalQuarter: period ? Number(period[1] ?? period[3]) : null,
    fiscalYear: year ? Number(year.length === 2 ? `20${year}` : year) : null,
    eventDate: parseHumanDate(joined),
  };
}

/** The participant lists from the first list heading on; returns them and the last line they use. */
function readParticipants(lines: readonly Line[], from: number, company: string | null): { participants: Participant[]; last: number } {
  const participants: Participant[] = [];
  let block: SpeakerType | null = null;
  let last = from;
  const nextValue = (index: number) => {
    for (let at = index + 1; at < lines.length; at++) {
      const value = collapse(lines[at]?.text ?? '');
      if (value) return value;
    }
    return '';
  };
  for (let index = from; index < lines.length; index++) {
    const value = collapse(lines[index]?.text ?? '');
    if (!value) continue;
    const heading = listHeading(value);
    if (heading) {
      block = heading;
      last = index;
      continue;
    }
    const entry = value.length < 150 ? NAME_DASH.exec(value) : null;
    // A name without a role belongs to the list only when the list visibly goes on after it.
    const next = nextValue(index);
    const bare = !entry && BARE_NAME.test(value) && value !== 'Operator' && (NAME_DASH.test(next) || listHeading(next) !== null);
    if (!block || (!entry && !bare)) break;
    const name = entry?.[1] ?? value;
    const rest = entry?.[2]?.trim() ?? null;
    const type: SpeakerType = block === 'executive' && /\b(?:research|analyst)\b/i.test(rest ?? '') ? 'analyst' : block;
    participants.push(type === 'executive' ? { name, role: rest, org: company, speakerType: type } : { name, role: null, org: rest, speakerType: type });
    last = index;
  }
  return { participants, last };
}

function parse(text: string): ParsedDocument {
  const lines = splitLines(text);
  const listStart = lines.findIndex((line, index) => index < 300 && listHeading(collapse(line.text)) !== null);
  const firstText = lines.findIndex((line) => line.text.trim().length > 0);
  // A title is one short line; its regex never sees more than a title's length.
  const headerEnd = listStart === -1 ? (readTitle(lines[firstText]?.text.trim().slice(0, 300) ?? '') ? firstText + 1 : 0) : listStart;
  const header = lines.slice(0, headerEnd).map((line) => collapse(line.text)).filter((value) => value.length > 0);
  const metadata = readMetadata(header);
  const setAside: SetAside[] = [];
  const lineSpan = (first: number, lastLine: number, code: string, message: string) => {
    const from = lines[first];
    const to = lines[lastLine];
    if (from && to) setAside.push({ start: from.start, end: to.end, code, message });
  };
  if (header.length > 0) lineSpan(firstText, headerEnd - 1, 'parse/header', 'title and call details, read into the document metadata');
  const { participants, last } = listStart === -1 ? { participants: [], last: headerEnd - 1 } : readParticipants(lines, listStart, metadata.company);
  if (listStart !== -1) lineSpan(listStart, last, 'parse/participant-list', `participant list (${participants.length} people)`);

  const byName = new Map((participants.length > 0 ? participants : unlistedSpeakers(lines.slice(last + 1))).map((participant) => [participant.name, participant]));
  const labels: SpeakerLabel[] = [];
  const sections: SectionMark[] = [];
  for (let index = last + 1; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    const value = collapse(line.text);
    if (!value) continue;
    const start = line.start + (line.text.length - line.text.trimStart().length);
    const end = line.start + line.text.trimEnd().length;
    if (BOILERPLATE.test(value)) {
      setAside.push({ start, end: text.trimEnd().length, code: 'parse/boilerplate', message: 'publisher copyright and disclaimer, not speech' });
      break;
    }
    if (QA_MARKER.test(value)) {
      sections.push({ start, end, section: 'qa' });
      continue;
    }
    const label = readLabel(value, byName, metadata.company);
    if (label) labels.push({ start, end, label: value, ...label });
  }

  // One paragraph a line.
  const built = buildTurnsFromLayout(text, { labels, setAside, sections, paragraphBreak: /\n/g });
  const { issues } = built;
  if (participants.length === 0) issues.push({ code: 'parse/no-participant-list', severity: 'warn', char_start: null, char_end: null, message: 'no participant list: speakers were read from label-shaped lines' });
  // Without title and lists, a text that does not open with the operator is a piece cut from a call.
  const startsMidCall = header.length === 0 && listStart === -1 && built.turns[0]?.speakerType !== 'operator';
  const turns = built.qaMarked ? built.turns : markInferredQa(built.turns, startsMidCall);
  return { format: 'seeking_alpha', metadata, participants, turns, tables: [], issues };
}

/**
 * A fragment without the lists: a `Name – Firm` line, or a bare name standing on two lines or
 * more, is taken as a label (a sentence rarely fills a line on its own twice).
 */
function unlistedSpeakers(lines: readonly Line[]): Participant[] {
  const bareCounts = new Map<string, number>();
  const found = new Map<string, Participant>();
  for (const line of lines) {
    const value = collapse(line.text);
    if (value.length > 80 || /[.?!,;:]$/.test(value) || /^operator$/i.test(value)) continue;
    const dashed = NAME_DASH.exec(value);
    if (dashed?.[1] && dashed[2] && /^[A-Z]/.test(dashed[2]) && !found.has(dashed[1])) {
      const analyst = typeOfDashRest(dashed[2], null) === 'analyst';
      found.set(dashed[1], analyst ? { name: dashed[1], role: null, org: dashed[2], speakerType: 'analyst' } : { name: dashed[1], role: dashed[2], org: null, speakerType: 'executive' });
    } else if (!dashed && BARE_NAME.test(value)) bareCounts.set(value, (bareCounts.get(value) ?? 0) + 1);
  }
  for (const [name, count] of bareCounts) if (count >= 2 && !found.has(name)) found.set(name, { name, role: null, org: null, speakerType: 'unknown' });
  return [...found.values()];
}

/** The speaker a whole line names: a listed participant, with or without ` – Firm`, the operator, or an unidentified speaker. */
function readLabel(value: string, byName: ReadonlyMap<string, Participant>, company: string | null): Omit<SpeakerLabel, 'start' | 'end' | 'label'> | null {
  const generic = genericSpeakerType(value);
  if (generic === 'operator') return { name: 'Operator', role: null, org: null, speakerType: 'operator' };
  if (generic) return { name: null, role: null, org: generic === 'executive' ? company : null, speakerType: generic };
  const dashed = NAME_DASH.exec(value);
  const participant = byName.get(value) ?? (dashed ? byName.get(dashed[1] ?? '') : undefined);
  if (!participant) return null;
  const written = participant.name === value ? null : (dashed?.[2]?.trim() ?? null);
  return {
    name: participant.name,
    role: participant.role,
    org: participant.speakerType === 'analyst' ? (written ?? participant.org) : participant.org,
    speakerType: participant.speakerType,
  };
}

export const seekingAlphaParser: FormatParser = { format: 'seeking_alpha', detect, parse };
