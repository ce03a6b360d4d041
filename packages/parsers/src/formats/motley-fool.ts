import type { SpeakerType } from '@callset/schema';
import type { DocumentMetadata, FormatParser, Participant, ParsedDocument } from '../types.ts';
import { emptyMetadata, parseHumanDate } from '../text.ts';
import { readFlatList, readListLines, type ListEntry } from '../motley-fool-participants.ts';
import { speakerNameOf } from '../labels.ts';
import { markInferredQa } from '../qa-start.ts';
import { buildTurnsFromLayout, type SectionMark, type SetAside, type SpeakerLabel } from '../span-layout.ts';

// Motley Fool: an image/ticker header, speech with inline labels (`Name -- Role`,
// `Name -- Firm -- Analyst`, a bare `Name`, `Operator`), then `Duration: N minutes`, the
// participant list and site trailers. Pages may be flattened onto one line; multi-line pages
// may carry `Prepared Remarks:` / `Questions & Answers:` / `Call participants:` headings.
const HEAD_CHARS = 3000;
const HEADER_END = /Earnings Call(?: Transcript)?\s*([A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}),?\s*(?:at\s*)?(?:\d{1,2}:\d{2}\s*[ap]\.?\s?m\.?(?:\s*[A-Z]{2,3}\b)?)?/;
const IMAGE_CREDIT = /^[^\n]*?The Motley Fool\.?\s*/;
// lint-regex: linear because readMetadata runs it on the page header only, capped at HEAD_CHARS: its bounded quantifiers take at most ~2M steps there, once a page.
const COMPANY = /([A-Z][^()\n]{0,80}?)\s*\((?:([A-Z]+):\s*)?([A-Z][A-Z0-9.]{0,9})(?:\s*[-+]?\d+(?:\.\d+)?%)?\)/;
const PREPARED = /(?:^|\s)(Prepared Remarks:)/;
const QA_HEADING = /(?:^|\s)(Questions (?:&|and) Answers:)/;
const DURATION = /Duration: \d+ minutes?/g;
const PARTICIPANTS_HEADING = /Call participants:/gi;
const TRAILERS = /More [A-Z][A-Z0-9.]{0,9} analysis|All earnings call transcripts|This article is a transcript of this conference call|The Motley Fool has a disclosure policy/;
const SPEECH_START = /^\s+["“‘'([\dA-Z]/u;
// lint-regex: linear because findLabels tests it on the four characters before a label only.
const AFTER_SENTENCE = /(?:[.?!:;"”’)\]…]|--)\s+$|\s{2,}$|\n\s*$/u;
const ANALYST_TAIL = ' -- Analyst';

function detect(text: string): number {
  const head = text.slice(0, HEAD_CHARS);
  let score = 0;
  if (/The Motley Fool|Motley Fool Transcribing/.test(head)) score += 0.45;
  if (/Earnings Call/.test(head)) score += 0.1;
  if (/Duration: \d+ minutes?/.test(text.slice(-20_000)) || /Call participants:/i.test(text.slice(-20_000))) score += 0.25;
  if (hasAnalystLabel(text)) score += 0.15;
  if (PREPARED.test(head)) score += 0.1;
  return Math.min(score, 0.95);
}

/** Where each ` -- Analyst` that ends a word starts, in order. */
function analystTails(text: string): number[] {
  const tails: number[] = [];
  for (let at = text.indexOf(ANALYST_TAIL); at !== -1; at = text.indexOf(ANALYST_TAIL, at + 1)) {
    if (!/\w/.test(text.charAt(at + ANALYST_TAIL.length))) tails.push(at);
  }
  return tails;
}

/**
 * Whether the text holds ` -- Firm -- Analyst`, a firm of 1 to 60 characters on one line: what
 * `/ -- [^\n]{1,60}? -- Analyst\b/` finds, looked for in the 64 characters before each tail.
 * That regex scanned 60 characters from every ` -- ` for a tail.
 */
function hasAnalystLabel(text: string): boolean {
  return analystTails(text).some((tail) => {
    const before = text.slice(Math.max(0, tail - 64), tail);
    // The firm's line: from the last line break on; the firm takes at least its last character.
    return before.slice(before.lastIndexOf('\n') + 1, -1).includes(' -- ');
  });
}

function readMetadata(header: string): DocumentMetadata {
  const company = COMPANY.exec(header.slice(0, HEAD_CHARS).replace(IMAGE_CREDIT, ''));
  const period = /\b(?:Q([1-4])|F([1-4])Q)\s*(?:FY\s*)?(\d{4})\s*Earnings Call/.exec(header) ?? /\bFiscal (?:Q([1-4]))\s*(\d{4})/.exec(header);
  const quarter = period?.[1] ?? period?.[2];
  const year = period?.[3] ?? period?.[2];
  const name = company?.[1]?.trim() ?? null;
  const ticker = company?.[3] ?? null;
  const call = /\b(?:Q[1-4]|F[1-4]Q)\s*(?:FY\s*)?\d{4}\s*Earnings Call/.exec(header)?.[0] ?? null;
  return {
    ...emptyMetadata(),
    company: name,
    ticker,
    exchange: company?.[2] ?? null,
    fiscalQuarter: quarter ? Number(quarter) : null,
    fiscalYear: year && year.length === 4 ? Number(year) : null,
    eventDate: parseHumanDate(HEADER_END.exec(header)?.[1] ?? header),
    title: call && name ? `${name}${ticker ? ` (${ticker})` : ''} ${call}` : call,
  };
}

const lastMatch = (pattern: RegExp, text: string, from: number) => {
  let found: RegExpExecArray | null = null;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found = match;
  return found;
};

/** Where speech starts: after the header (and a `Prepared Remarks:` heading), or where a fragment begins. */
function headerEnd(text: string): { end: number; prepared: { start: number; end: number } | null } {
  const head = text.slice(0, HEAD_CHARS);
  const afterHeader = HEADER_END.exec(head);
  const end = afterHeader ? afterHeader.index + afterHeader[0].length : /^Image source: The Motley Fool\.?/.exec(head)?.[0].length ?? 0;
  const prepared = PREPARED.exec(text.slice(end, end + HEAD_CHARS));
  if (!prepared) return { end, prepared: null };
  const start = end + prepared.index + prepared[0].length - (prepared[1]?.length ?? 0);
  return { end, prepared: { start, end: start + (prepared[1]?.length ?? 0) } };
}

function toParticipant(entry: ListEntry, company: string | null, beforeAnalysts: boolean): Participant {
  if (entry.analyst) return { name: entry.name, role: 'Analyst', org: entry.firm, speakerType: 'analyst' };
  if (/^(?:unknown|unidentified)\b/i.test(entry.name) || /^operator$/i.test(entry.name)) {
    return { name: entry.name, role: null, org: null, speakerType: /^operator$/i.test(entry.name) ? 'operator' : 'unknown' };
  }
  // Company people are listed before the analysts; a bare name after them says nothing of its side.
  const speakerType: SpeakerType = entry.role !== null || beforeAnalysts ? 'executive' : 'unknown';
  return { name: entry.name, role: entry.role, org: speakerType === 'executive' ? company : null, speakerType };
}

const labelOf = (entry: ListEntry) => (entry.analyst ? `${entry.name} -- ${entry.firm ?? ''} -- Analyst` : entry.role ? `${entry.name} -- ${entry.role}` : entry.name);

/** Every occurrence of each label in the speech that stands where a turn can start. */
function findLabels(text: string, from: number, to: number, labels: readonly { label: string; participant: Participant; bare: boolean }[]): SpeakerLabel[] {
  const hits: SpeakerLabel[] = [];
  // The first words of the speech may be a label whatever precedes them.
  const first = from + (text.slice(from, from + 1000).length - text.slice(from, from + 1000).trimStart().length);
  for (const { label, participant, bare } of labels) {
    for (let at = text.indexOf(label, from); at !== -1 && at + label.length <= to; at = text.indexOf(label, at + 1)) {
      const end = at + label.length;
      const before = text.slice(Math.max(from, at - 3), at);
      // Enough of what follows to see past a run of spaces (a paragraph break, trailing blanks) to the speech.
      const after = text.slice(end, end + 80);
      const leftOk = at === first || /\s$/.test(before) || (!bare && /[.?!"”)\]]$/.test(before));
      const rightOk = end === to || (bare ? SPEECH_START.test(after) : /^\s/.test(after));
      // A bare name also occurs in speech ("I'm joined by Elon Musk"); as a label it follows a sentence end.
      const sentenceOk = !bare || at === first || AFTER_SENTENCE.test(text.slice(Math.max(from, at - 4), at));
      if (!leftOk || !rightOk || !sentenceOk) continue;
      hits.push({ start: at, end, label, name: speakerNameOf(participant.name), role: participant.role, org: participant.org, speakerType: participant.speakerType });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SpeakerLabel[] = [];
  for (const hit of hits) if (hit.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(hit);
  return kept;
}

/** Flattened pages lose paragraph breaks to runs of spaces: both end a paragraph. */
const PARAGRAPH_BREAK = /\n|[ \t]{2,}/g;

function parse(text: string): ParsedDocument {
  const { end: bodyStart, prepared } = headerEnd(text);
  const metadata = readMetadata(text.slice(0, bodyStart));
  const setAside: SetAside[] = [];
  const sections: SectionMark[] = [];
  const headerStop = prepared?.start ?? bodyStart;
  if (headerStop > 0) setAside.push({ start: 0, end: headerStop, code: 'parse/header', message: 'image credit, company, ticker and call details, read into the document metadata' });
  if (prepared) sections.push({ ...prepared, section: 'presentation' });

  // The end matter: `Duration`, `Call participants:`, the list, site trailers. Searched from the back.
  const tailFrom = Math.max(bodyStart, Math.floor(text.length / 2));
  const duration = lastMatch(DURATION, text, tailFrom);
  const listHeading = lastMatch(PARTICIPANTS_HEADING, text, tailFrom);
  const markers = [duration, listHeading].filter((match): match is RegExpExecArray => match !== null);
  const listStart = markers.length > 0 ? Math.max(...markers.map((match) => match.index + match[0].length)) : text.length;
  const trailer = TRAILERS.exec(text.slice(listStart));
  const listEnd = trailer ? listStart + trailer.index : text.length;
  const bodyEnd = markers.length > 0 ? Math.min(...markers.map((match) => match.index)) : trailer ? listEnd : text.length;
  const trailerStart = TRAILERS.exec(text.slice(bodyStart, bodyEnd));
  const speechEnd = markers.length === 0 && trailerStart ? bodyStart + trailerStart.index : bodyEnd;
  if (speechEnd < listStart) setAside.push({ start: speechEnd, end: Math.min(listStart, text.length), code: 'parse/end-matter', message: 'call duration and participant-list heading' });

  const body = text.slice(bodyStart, speechEnd);
  const seen = new Map<string, boolean>();
  const inSpeech = (candidate: string) => {
    let found = seen.get(candidate);
    if (found === undefined) seen.set(candidate, (found = body.includes(candidate)));
    return found;
  };
  const listText = text.slice(listStart, listEnd);
  const entries = listText.trim() === '' ? [] : listText.trim().includes('\n') ? readListLines(listText) : readFlatList(listText, inSpeech);
  if (entries.length > 0) setAside.push({ start: listStart, end: listEnd, code: 'parse/participant-list', message: `participant list (${entries.length} entries)` });
  if (listEnd < text.length && text.slice(listEnd).trim() !== '') setAside.push({ start: listEnd, end: text.length, code: 'parse/boilerplate', message: 'site trailers and disclaimer, not speech' });
  else if (markers.length === 0 && trailerStart) setAside.push({ start: speechEnd, end: text.length, code: 'parse/boilerplate', message: 'site trailers and disclaimer, not speech' });

  const firstAnalyst = entries.findIndex((entry) => entry.analyst);
  const participants = entries.map((entry, index) => toParticipant(entry, metadata.company, firstAnalyst === -1 || index < firstAnalyst));
  const candidates = entries.map((entry, index) => ({ label: labelOf(entry), participant: participants[index] as Participant, bare: !entry.analyst && entry.role === null }));
  for (const name of ['Operator', 'Unknown speaker', 'Unidentified speaker', 'Unidentified participant']) {
    if (!candidates.some((candidate) => candidate.label === name)) {
      candidates.push({ label: name, bare: true, participant: { name, role: null, org: null, speakerType: name === 'Operator' ? 'operator' : 'unknown' } });
    }
  }
  const known = new Set(candidates.map((candidate) => candidate.label));
  candidates.push(...analystLabelsInSpeech(body, participants).filter((candidate) => !known.has(candidate.label)));

  const qa = QA_HEADING.exec(body);
  const qaStart = qa ? bodyStart + qa.index + qa[0].length - (qa[1]?.length ?? 0) : null;
  if (qa && qaStart !== null) sections.push({ start: qaStart, end: qaStart + (qa[1]?.length ?? 0), section: 'qa' });
  const taken = [...setAside, ...sections];
  const labels = findLabels(text, bodyStart, speechEnd, candidates).filter((label) => !taken.some((span) => label.start < span.end && span.start < label.end));

  const built = buildTurnsFromLayout(text, { labels, setAside, sections, paragraphBreak: PARAGRAPH_BREAK });
  const { issues } = built;
  // Without the page header, a text that does not open with the operator is a piece cut from a call.
  const startsMidCall = bodyStart === 0 && built.turns[0]?.speakerType !== 'operator';
  const turns = built.qaMarked ? built.turns : markInferredQa(built.turns, startsMidCall);
  if (entries.length === 0) issues.push({ code: 'parse/no-participant-list', severity: 'warn', char_start: null, char_end: null, message: 'no participant list: only operator, placeholder and analyst labels were found' });
  return { format: 'motley_fool', metadata, participants, turns, tables: [], issues };
}

const isNameCharacter = (char: string) => /[\w.'’-]/.test(char);
const isCapital = (char: string) => char >= 'A' && char <= 'Z';

/**
 * Where the name of a `Name -- Firm -- Analyst` label starts when it ends at `end` (its ` -- `):
 * 2 to 4 words of name characters, each 1 to 31 long and starting with a capital, one space
 * apart; the first may start inside a longer word. The leftmost start at or after `from`, or -1.
 */
function analystNameStart(text: string, end: number, from: number): number {
  let start = -1;
  for (let words = 1; words <= 4; words++) {
    let wordStart = end;
    while (wordStart > from && end - wordStart < 32 && isNameCharacter(text.charAt(wordStart - 1))) wordStart--;
    if (words > 1) {
      for (let at = Math.max(wordStart, end - 31); at < end; at++) {
        if (isCapital(text.charAt(at))) {
          start = at;
          break;
        }
      }
    }
    // The name goes on leftwards only past a whole word, after a single space with a word before it.
    const whole = end - wordStart <= 31 && isCapital(text.charAt(wordStart)) && text.charAt(wordStart - 1) === ' ' && wordStart - 1 > from && isNameCharacter(text.charAt(wordStart - 2));
    if (!whole) break;
    end = wordStart - 1;
  }
  return start;
}

/**
 * The `Name -- Firm -- Analyst` labels in the speech, left to right: the matches of
 * `/([A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){1,3}) -- ([A-Z][^.?!\n]{0,60}?) -- Analyst\b/gu`,
 * found from each ` -- ` instead: the name is read back from it, the firm forward to the first tail.
 * That regex read up to four words from every capital of the speech, hundreds of steps a character
 * on a page of long capitalised words.
 */
function analystLabelMatches(body: string): { whole: string; name: string; firm: string }[] {
  const tails = analystTails(body);
  const stops = /[.?!\n]/g;
  const matches: { whole: string; name: string; firm: string }[] = [];
  let tail = 0;
  let stop = -1;
  let from = 0;
  for (let dash = body.indexOf(' -- '); dash !== -1; dash = body.indexOf(' -- ', Math.max(dash + 1, from))) {
    const firmStart = dash + 4;
    if (!isCapital(body.charAt(firmStart))) continue;
    while ((tails[tail] ?? Infinity) < firmStart + 1) tail++;
    const end = tails[tail];
    if (end === undefined) break;
    if (stop < firmStart + 1) {
      stops.lastIndex = firmStart + 1;
      stop = stops.exec(body)?.index ?? Infinity;
    }
    // The firm's tail after its capital: no sentence end or line break, at most 60 code points.
    const firmLength = end - firmStart - 1;
    if (stop < end || firmLength > 120 || (firmLength > 60 && [...body.slice(firmStart + 1, end)].length > 60)) continue;
    const start = analystNameStart(body, dash, from);
    if (start === -1) continue;
    from = end + ANALYST_TAIL.length;
    matches.push({ whole: body.slice(start, from), name: body.slice(start, dash), firm: body.slice(firmStart, end) });
  }
  return matches;
}

/**
 * `Name -- Firm -- Analyst` labels say who asks even where the list is missing or words the firm
 * otherwise. The capture may take capitalised words of the speech before the name: a listed name
 * at its end is the label's start.
 */
function analystLabelsInSpeech(body: string, participants: readonly Participant[]): { label: string; participant: Participant; bare: boolean }[] {
  const found = new Map<string, { label: string; participant: Participant; bare: boolean }>();
  for (const { whole, name: captured, firm } of analystLabelMatches(body)) {
    const listed = participants.find((participant) => captured === participant.name || captured.endsWith(` ${participant.name}`));
    const name = listed?.name ?? captured;
    const label = whole.slice(captured.length - name.length);
    if (!found.has(label)) found.set(label, { label, bare: false, participant: { name, role: 'Analyst', org: firm, speakerType: 'analyst' } });
  }
  return [...found.values()];
}

export const motleyFoolParser: FormatParser = { format: 'motley_fool', detect, parse };
