import type { SpeakerType } from '@callset/schema';

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
const isDash = (char: string | undefined) => char === '-' || char === '–' || char === '—';
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * "Name – Firm" / "Name - Role": the name and what follows the first spaced dash (one or two
 * dashes with spaces on both sides), as `/^(.*?)\s+[-–—]{1,2}\s+(.*)$/` splits them, by one pass
 * over the runs of spaces: that regex, with two runs of spaces it can share out, took cubic time
 * on a line of tabs. Neither side may hold a line break (`.` matches none).
 */
export function splitNameDash(label: string): { name: string; rest: string | null } {
  const text = label.trim();
  const firstBreak = text.search(LINE_BREAK);
  let lastBreak = -1;
  for (let at = text.length - 1; at >= firstBreak && lastBreak === -1; at--) if (LINE_BREAK.test(text.charAt(at))) lastBreak = at;
  for (let at = 0; at < text.length; at++) {
    if (!isSpace(text[at])) continue;
    const spacesFrom = at;
    while (isSpace(text[at])) at++;
    let dashesEnd = at;
    while (isDash(text[dashesEnd])) dashesEnd++;
    if (dashesEnd - at < 1 || dashesEnd - at > 2 || !isSpace(text[dashesEnd])) continue;
    // The first spaced dash after a line break cannot be reached: no later one can either.
    if (firstBreak !== -1 && firstBreak < spacesFrom) break;
    let restFrom = dashesEnd;
    while (isSpace(text[restFrom])) restFrom++;
    // A break in what follows rules out this dash only: a later one may follow the break.
    if (lastBreak >= restFrom) continue;
    // The text is trimmed: both sides start and end with something other than a space.
    return { name: text.slice(0, spacesFrom), rest: text.slice(restFrom) };
  }
  return { name: text, rest: null };
}

const ANALYST_LINE = /\bResearch Division\b|\bAnalyst\b/i;
const EXECUTIVE_ROLE =
  /\b(?:Chief|Officer|President|VP|SVP|EVP|Director|Head of|Manager|CEO|CFO|COO|CTO|CIO|CMO|Chair(?:man|woman|person)?|Founder|Treasurer|Secretary|Controller|Counsel|Investor Relations|Executive|Architect)\b/i;
const FIRM = /\bResearch\b|\bSecurities\b|\bCapital\b|\bBank\b|\bBanc\b|\bPartners\b|\bAdvis[eo]rs\b|\bAssociates\b|\bInvestments?\b|\bEquities\b|\bLLC\b|\bL\.?P\.|\bLtd\b|\bLimited\b|\bInc\b|\bPLC\b|\bAG\b|\bGmbH\b|\bCo\b|\bCorp|\bGroup\b|\bHoldings\b|\bCompany\b|\bMarkets\b|&/i;

/**
 * What a role/firm line says about its person: a research firm makes an analyst, an office an
 * executive; null when it says neither. Checked in that order because a firm line can hold an
 * office word only when it names the research division.
 */
export function classifyRoleLine(line: string): 'analyst' | 'executive' | null {
  if (ANALYST_LINE.test(line)) return 'analyst';
  if (EXECUTIVE_ROLE.test(line)) return 'executive';
  if (FIRM.test(line)) return 'analyst';
  return null;
}

/**
 * Who a `Name - Rest` label names: its company's person when the rest is the company or an
 * office, else an analyst of the firm the rest names (analysts are labelled with their firm,
 * which need not say "Research": `Sam Li - Morgan Stanley`).
 */
export function typeOfDashRest(rest: string, company: string | null): 'analyst' | 'executive' {
  const fold = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  if (company !== null && fold(rest) === fold(company)) return 'executive';
  return classifyRoleLine(rest) ?? 'analyst';
}

/** Labels transcripts use for people they do not name: the operator and unidentified speakers. */
export function genericSpeakerType(label: string): SpeakerType | null {
  const value = label.trim().toLowerCase();
  if (value === 'operator') return 'operator';
  if (/^(?:unidentified|unknown) (?:analyst|participant from the audience)$/.test(value)) return 'analyst';
  if (/^(?:unidentified|unknown) (?:company representative|corporate participant|executive)$/.test(value)) return 'executive';
  if (/^(?:unidentified|unknown) (?:speaker|participant)$/.test(value) || value === 'unknown') return 'unknown';
  return null;
}

/** The name a label gives its speaker: none for an unidentified speaker, whose label names nobody. */
export function speakerNameOf(label: string): string | null {
  const type = genericSpeakerType(label);
  return type === null || type === 'operator' ? label : null;
}
