import type { SpeakerType, StageIssue } from '@callset/schema';
import type { DocumentMetadata, Participant } from './types.ts';
import { classifyRoleLine } from './labels.ts';
import { emptyMetadata, parseHumanDate } from './text.ts';

/** S&P Capital IQ conventions shared by its plain-text transcripts and their Markdown exports. */

/** Labels, role lines and header lines are short; longer lines are speech and never meet a regex that could backtrack. */
export const MAX_LABEL_LENGTH = 200;

const FOOTER = 'WWW.SPCAPITALIQ.COM';

/**
 * The page footer at the end of a line, alone or fused onto a label (`Colin Langan**WWW.SPCAPITALIQ.COM**`,
 * `**Kate Moss****WWW.SPCAPITALIQ.COM**`): what precedes it and where it starts, or null when the
 * line has none. The footer takes as many stars before it as it has after it; the rest close a bold label.
 */
export function splitFooter(line: string): { before: string; footerAt: number } | null {
  const at = line.lastIndexOf(FOOTER);
  const after = line.slice(at + FOOTER.length);
  if (at === -1 || !/^[*\s]*$/.test(after)) return null;
  const stars = after.replace(/\s/g, '').length;
  let start = at;
  while (start > 0 && at - start < stars && line[start - 1] === '*') start--;
  return { before: line.slice(0, start), footerAt: start };
}

/** A person's role and org from their role/firm line: analysts carry the firm as written, executives the company. */
export function roleAndOrg(line: string | null, type: SpeakerType, company: string | null): { role: string | null; org: string | null } {
  if (type === 'analyst') return { role: null, org: line };
  if (type === 'executive') return { role: line, org: company };
  return { role: line, org: null };
}

/** A line that can be a person's name: a few capitalised words or initials, no sentence punctuation. */
export function looksLikeName(line: string): boolean {
  return line.length <= 60 && /^\p{Lu}[\p{L}.'’-]*(?:,? (?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|der|del|la|le|bin|al|Jr\.|Sr\.|III|II|IV)){0,5}$/u.test(line);
}

/** A line that can be a role/firm line: short, not a sentence, and naming an office or a firm. */
export function looksLikeRoleLine(line: string): boolean {
  return line.length > 0 && line.length <= 150 && !/[.?!]$/.test(line.replace(/\b(?:Inc|Co|Ltd|Corp|LLC|L\.P|S\.A|N\.V|Jr|Sr)\.$/, '')) && classifyRoleLine(line) !== null;
}

const LIST_HEADING = /^(?:EXECUTIVES|ANALYSTS|CORPORATE PARTICIPANTS|CONFERENCE CALL PARTICIPANTS|OTHER PARTICIPANTS|PARTICIPANTS|ATTENDEES)$/i;

/**
 * The participant list: paragraphs after the heading, alternating a name and its (possibly wrapped)
 * role/firm line. The two PDF columns come interleaved, so the EXECUTIVES/ANALYSTS heading is only
 * the fallback; the role line decides.
 */
export function parseParticipantList(paragraphs: readonly (readonly string[])[], company: string | null): Participant[] {
  const participants: Participant[] = [];
  let block: SpeakerType = 'unknown';
  let name: string | null = null;
  for (const paragraph of paragraphs) {
    const joined = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    if (joined === '') continue;
    if (isParticipantHeading(joined)) {
      if (LIST_HEADING.test(joined)) block = /ANALYST/i.test(joined) ? 'analyst' : /EXECUTIVE|CORPORATE/i.test(joined) ? 'executive' : 'unknown';
      name = null;
    } else if (name === null) {
      name = joined;
    } else {
      const type = classifyRoleLine(joined) ?? block;
      participants.push({ name, ...roleAndOrg(joined, type, company), speakerType: type });
      name = null;
    }
  }
  return participants;
}

export function isParticipantHeading(line: string): boolean {
  return /^(?:Call Participants|Conference Call Participants|Participants)$/i.test(line) || LIST_HEADING.test(line);
}

export function sectionOfHeading(line: string): 'presentation' | 'qa' | null {
  if (line.length > 40) return null;
  if (/^(?:Presentation|Prepared Remarks|Management Discussion Section)$/i.test(line)) return 'presentation';
  if (/^(?:Questions? and Answers?|Question-and-Answer Session|Questions? & Answers?|Q&A|Q & A)$/i.test(line)) return 'qa';
  return null;
}

const BOILERPLATE = /^(?:The information in the transcripts|These materials have been prepared|Copyright\s*(?:©|\(c\))|©\s*\d{4}|THE CONTENT IS PROVIDED)/;

/** The first line of the legal notice that ends a CapIQ transcript. */
export function isBoilerplateStart(line: string): boolean {
  return BOILERPLATE.test(line.slice(0, 60));
}

// Where each exchange trades, to turn the header's GMT time into the call's local calendar date.
const EXCHANGE_ZONES: readonly [RegExp, string][] = [
  [/^(?:Nasdaq\w*|NYSE\w*|AMEX|OTC\w*|BATS|CBOE|ARCA)$/i, 'America/New_York'],
  [/^(?:TSX\w*|CNSX)$/i, 'America/Toronto'],
  [/^(?:LSE|AIM)$/i, 'Europe/London'],
  [/^(?:ENXTPA)$/i, 'Europe/Paris'],
  [/^(?:ENXTAM)$/i, 'Europe/Amsterdam'],
  [/^(?:ENXTBR)$/i, 'Europe/Brussels'],
  [/^(?:XTRA|DB)$/i, 'Europe/Berlin'],
  [/^(?:SWX)$/i, 'Europe/Zurich'],
  [/^(?:BIT)$/i, 'Europe/Rome'],
  [/^(?:BME)$/i, 'Europe/Madrid'],
  [/^(?:OM)$/i, 'Europe/Stockholm'],
  [/^(?:TSE)$/i, 'Asia/Tokyo'],
  [/^(?:SEHK)$/i, 'Asia/Hong_Kong'],
  [/^(?:ASX)$/i, 'Australia/Sydney'],
  [/^(?:NSEI|BSE)$/i, 'Asia/Kolkata'],
  [/^(?:SGX)$/i, 'Asia/Singapore'],
  [/^(?:KOSE)$/i, 'Asia/Seoul'],
  [/^(?:BOVESPA)$/i, 'America/Sao_Paulo'],
  [/^(?:BMV)$/i, 'America/Mexico_City'],
];

function localDate(utcMillis: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(utcMillis);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The call's local calendar date from a header date line ("Wednesday, August 02, 2017 9:30 PM GMT"):
 * a GMT time is moved into the exchange's time zone; any other time is taken as written.
 */
function eventDateOf(line: string, exchange: string | null): { date: string | null; assumedGmt: boolean } {
  const date = parseHumanDate(line);
  if (!date) return { date: null, assumedGmt: false };
  const time = /\b(\d{1,2}):(\d{2})\s*([AP]M)\s+(GMT|UTC)\b/i.exec(line);
  if (!time) return { date, assumedGmt: false };
  const zone = EXCHANGE_ZONES.find(([pattern]) => exchange !== null && pattern.test(exchange))?.[1];
  if (!zone) return { date, assumedGmt: true };
  const [year, month, day] = date.split('-').map(Number);
  const hour = (Number(time[1]) % 12) + (time[3]?.toUpperCase() === 'PM' ? 12 : 0);
  return { date: localDate(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, Number(time[2])), zone), assumedGmt: false };
}

const TICKER = /^\(?([A-Za-z][A-Za-z0-9]{0,15}):([A-Z0-9][A-Z0-9.\-]{0,11})\)?$/;
const isSpace = (char: string) => /\s/.test(char);

/**
 * `Company Exchange:TICKER`: the company (1 to 150 characters, no line break), spaces, and the
 * last word `Exchange:TICKER`, optionally in brackets. What
 * `/^(.{1,150}?)\s+\(?([A-Za-z][A-Za-z0-9]{0,15}):([A-Z0-9][A-Z0-9.\-]{0,11})\)?$/` reads, from the
 * end: the ticker is the word after the last space, the company what precedes the spaces before
 * it. That regex retried its run of spaces from each of its 150 company lengths.
 */
function readTickerLine(line: string): { company: string; exchange: string; ticker: string } | null {
  let wordStart = line.length;
  while (wordStart > 0 && !isSpace(line.charAt(wordStart - 1))) wordStart--;
  const token = wordStart > 0 ? TICKER.exec(line.slice(wordStart)) : null;
  if (!token) return null;
  let spacesFrom = wordStart - 1;
  while (spacesFrom > 0 && isSpace(line.charAt(spacesFrom - 1))) spacesFrom--;
  // The company takes at least one character, a space if it must, and leaves at least one space.
  const companyEnd = Math.max(spacesFrom, 1);
  if (companyEnd >= wordStart || companyEnd > 150 || /[\n\r\u2028\u2029]/.test(line.slice(0, companyEnd))) return null;
  return { company: line.slice(0, companyEnd), exchange: token[1] ?? '', ticker: token[2] ?? '' };
}
const PERIOD = /\bF([QYH])([1-4])?\s+((?:19|20)\d{2})\b/;

/** A header line: `Company Exchange:TICKER`, the period line, the date line, the estimates block's lines. */
export function looksLikeHeaderLine(line: string): boolean {
  if (line.length > MAX_LABEL_LENGTH) return false;
  return (
    readTickerLine(line) !== null ||
    PERIOD.test(line) ||
    line.includes('\t') ||
    /^(?:S&P Capital IQ|Currency:|Consensus as of)/.test(line) ||
    (line.length <= 80 && parseHumanDate(line) !== null && !/[.?!]$/.test(line))
  );
}

/** Metadata from the header lines of a CapIQ transcript: `Company Exchange:TICKER`, `FQ2 2017 Earnings Call Transcripts`, the date line. */
export function readCallHeader(lines: readonly string[]): { metadata: DocumentMetadata; issues: Omit<StageIssue, 'char_start' | 'char_end'>[] } {
  const metadata: DocumentMetadata = emptyMetadata();
  const issues: Omit<StageIssue, 'char_start' | 'char_end'>[] = [];
  let dateLine: string | null = null;
  for (const line of lines) {
    const value = line.trim();
    if (value === '' || value.length > MAX_LABEL_LENGTH) continue;
    const ticker = metadata.company === null ? readTickerLine(value) : null;
    if (ticker) {
      metadata.company = ticker.company.trim();
      metadata.exchange = ticker.exchange;
      metadata.ticker = ticker.ticker;
      continue;
    }
    const period = metadata.fiscalYear === null ? PERIOD.exec(value) : null;
    if (period) {
      metadata.fiscalYear = Number(period[3]);
      metadata.fiscalQuarter = period[1] === 'Q' && period[2] ? Number(period[2]) : null;
      metadata.title = value;
      continue;
    }
    if (dateLine === null && parseHumanDate(value) !== null && !/^Consensus as of/i.test(value)) {
      dateLine = value;
    }
  }
  if (dateLine !== null) {
    const { date, assumedGmt } = eventDateOf(dateLine, metadata.exchange);
    metadata.eventDate = date;
    if (assumedGmt) issues.push({ code: 'parse/event-date-gmt', severity: 'info', message: `no time zone known for exchange ${metadata.exchange ?? '(none)'}; the GMT date is taken as the call date` });
  }
  return { metadata, issues };
}
