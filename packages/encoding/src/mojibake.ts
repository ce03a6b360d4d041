/**
 * Mojibake repair: text whose UTF-8 bytes were once decoded as cp1252 or Latin-1.
 *
 * Lossless mechanisms are undone by re-decoding: a run of characters that a cp1252/Latin-1 decoder
 * can have produced is turned back into its bytes (`BYTE_OF`, derived from iconv-lite) and every
 * complete, valid UTF-8 sequence in those bytes is decoded. Repeating that on the result undoes
 * double encoding. Nothing is looked up in a table of strings.
 *
 * The lossy mechanism (Latin-1 decode, then C1 controls 0x80..0x9F stripped) loses bytes, so what
 * survives is decided from context; the rules are listed on `bareLeadRule`. Rules that a correct
 * text could also match (a letter, `â`, a letter: `château`) only fire in a document, or failing
 * that a line, that shows lossy mojibake unambiguously, far more than correct typography (see
 * `lossyLines`).
 */
import { BYTE_OF, CP1252_HIGH, decodeSequence, isContinuation, sequenceLength } from './bytes.ts';
import type { Edit } from './edits.ts';

const REPLACEMENT = 0xfffd;
/** Bytes cp1252 leaves undefined; a decoder that met them wrote U+FFFD. Most likely first (`â€�` is `”`). */
const UNDEFINED_CP1252 = [0x9d, 0x81, 0x8d, 0x8f, 0x90];
/** Where a repair can start: a UTF-8 lead byte's character, or a C1 control. */
export const MOJIBAKE_START = /[\u0080-\u009f\u00c2-\u00f4]/g;
/** Typographic punctuation that the lossy mechanism cannot leave intact. */
const TYPOGRAPHY = /[\u2010-\u2027\u2030-\u203a\u20ac\u2122]/g;
const MAX_DEPTH = 3;

interface Unit {
  code: number;
  start: number;
  end: number;
  rule: string | null;
  /** Typographic characters of the input consumed by this unit's re-decoding. */
  typography: number;
}

/** How much a lossy repair shows that the document went through the lossy mechanism. */
const STRONG = 2;
const WEAK = 1;

interface Pending {
  edit: Edit;
  /** Needs a document that is lossy beyond doubt. */
  guarded: boolean;
  /** STRONG: no correct text has it (`Iâm`, `â¦`); WEAK: a correct text hardly has it (` â `). */
  evidence: number;
  /** Start of its line. */
  line: number;
}

const isLetter = (char: string): boolean => /\p{L}/u.test(char);
const isLower = (char: string): boolean => /\p{Ll}/u.test(char);
const isUpper = (char: string): boolean => /\p{Lu}/u.test(char);
const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isSpace = (char: string): boolean => char === '' || /\s/u.test(char);
/** Per code point: 0 not yet known, else PLAUSIBLE and VISIBLE flags plus KNOWN (filled on first use). */
const CHARACTER_FLAGS = new Uint8Array(0x110000);
const KNOWN = 1;
const PLAUSIBLE = 2;
const VISIBLE = 4;
function characterFlags(code: number): number {
  let flags = CHARACTER_FLAGS[code] as number;
  if (flags === 0) {
    const char = String.fromCodePoint(code);
    const plausible = !/[\p{Cc}\p{Cn}\p{Cs}]/u.test(char);
    flags = KNOWN | (plausible ? PLAUSIBLE : 0) | (plausible && !/[\p{Cf}\p{M}]/u.test(char) ? VISIBLE : 0);
    CHARACTER_FLAGS[code] = flags;
  }
  return flags;
}
/** Decoded characters worth keeping: no controls, unassigned code points or surrogates. */
const isPlausible = (code: number): boolean => (characterFlags(code) & PLAUSIBLE) !== 0;
/** A lossy guess must also be visible on its own: no format characters or combining marks. */
const isVisible = (code: number): boolean => (characterFlags(code) & VISIBLE) !== 0;
const isTypography = (code: number): boolean => (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x203a) || code === 0x20ac || code === 0x2122;
/** Characters that can stand for a byte of a mis-decoded UTF-8 sequence. */
const isByteChar = (code: number): boolean => code === REPLACEMENT || BYTE_OF[code] !== 0;

/**
 * A cp1252 punctuation byte after an upper-case lead letter inside a capitalised word is far more
 * often real text (`CAFÉ—`) than a lower-case letter's mojibake; mojibake keeps case (`SIÄ˜` = `SIĘ`).
 */
function looksLikeRealText(prev: string, second: Unit, code: number): boolean {
  if (second.code < 0x2000) return false;
  return isUpper(prev) && isLower(String.fromCodePoint(code));
}

/** Scratch byte sequences by length, so that trying a sequence allocates nothing. */
const SEQUENCES: number[][] = [[], [0], [0, 0], [0, 0, 0], [0, 0, 0, 0]];

/** Try the complete sequence starting at `units[k]`; U+FFFD stands for an undefined cp1252 byte. */
function decodeComplete(units: readonly Unit[], k: number, prev: string): Unit | null {
  const lead = units[k] as Unit;
  const length = sequenceLength(BYTE_OF[lead.code] ?? 0);
  if (length === 0 || k + length > units.length) return null;
  const bytes = SEQUENCES[length] as number[];
  let gap = -1;
  for (let i = 0; i < length; i++) {
    const code = (units[k + i] as Unit).code;
    if (code !== REPLACEMENT) {
      bytes[i] = BYTE_OF[code] ?? 0;
    } else if (gap === -1 && i > 0) {
      gap = i;
    } else {
      return null; // the lead itself, or a second byte, is unknown
    }
  }
  for (const fill of gap === -1 ? [-1] : UNDEFINED_CP1252) {
    if (gap !== -1) bytes[gap] = fill;
    const code = decodeSequence(bytes);
    if (code < 0 || !isPlausible(code) || looksLikeRealText(prev, units[k + 1] as Unit, code)) continue;
    let c1 = false;
    let depth = false;
    let typography = 0;
    for (let i = k; i < k + length; i++) {
      const unit = units[i] as Unit;
      c1 ||= unit.code >= 0x80 && unit.code <= 0x9f;
      depth ||= unit.rule !== null;
      typography += unit.typography;
    }
    const rule = depth ? 'double-encoded' : gap !== -1 ? 'utf8-as-cp1252-replaced' : c1 ? 'utf8-as-latin1' : 'utf8-as-cp1252';
    return { code, start: lead.start, end: (units[k + length - 1] as Unit).end, rule, typography };
  }
  return null;
}

/**
 * `â` (0xE2) followed by one surviving continuation byte: the stripped byte was the middle one
 * (0x80..0x9F). Try them in order, General Punctuation first, then currency and letterlike
 * symbols; `â¦` = `…`, `â¬` = `€`, `â¢` = `•`, or `™` when glued to the word before it.
 */
function decodeLossyPair(units: readonly Unit[], k: number, prev: string): Unit | null {
  const lead = units[k] as Unit;
  const last = units[k + 1];
  if (BYTE_OF[lead.code] !== 0xe2 || lead.rule !== null || !last || last.rule !== null) return null;
  const lastByte = BYTE_OF[last.code] ?? 0;
  if (lastByte < 0xa0 || lastByte > 0xbf) return null;
  const bytes = SEQUENCES[3] as number[];
  bytes[0] = 0xe2;
  bytes[2] = lastByte;
  for (let middle = 0x80; middle <= 0x9f; middle++) {
    bytes[1] = middle;
    const code = decodeSequence(bytes);
    if (!isVisible(code)) continue;
    const trademark = code === 0x2022 && /[\p{L}\p{N}]/u.test(prev) ? 0x2122 : code;
    return { code: trademark, start: lead.start, end: last.end, rule: 'lossy-c1-stripped', typography: 0 };
  }
  return null;
}

/** One round of re-decoding over a run; returns null when nothing changed. */
function decodeRound(units: readonly Unit[], before: string): Unit[] | null {
  const out: Unit[] = [];
  let changed = false;
  let k = 0;
  while (k < units.length) {
    const unit = units[k] as Unit;
    const last = out.at(-1);
    const prev = last ? String.fromCodePoint(last.code) : before;
    // A character repaired just now says nothing about whether this one is real text.
    const complete = decodeComplete(units, k, last?.rule ? '' : prev);
    const decoded = complete ?? decodeLossyPair(units, k, prev);
    if (decoded) {
      out.push(decoded);
      k += complete ? sequenceLength(BYTE_OF[unit.code] ?? 0) : 2;
      changed = true;
      continue;
    }
    const byte = BYTE_OF[unit.code] ?? 0;
    // A C1 control left over is a cp1252 byte that a Latin-1 decoder read (0x92 is `’`).
    const cp1252 = unit.code >= 0x80 && unit.code <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : REPLACEMENT;
    if (cp1252 !== REPLACEMENT) {
      out.push({ ...unit, code: cp1252, rule: 'cp1252-as-latin1' });
      changed = true;
    } else {
      out.push(unit);
    }
    k += 1;
  }
  return changed ? out : null;
}

interface BareContext {
  prev: string;
  next: string;
  /** The two characters after `next`. */
  afterNext: string;
  third: string;
  /** A double quote opened by an earlier lossy repair on this line is still open. */
  quoteOpen: boolean;
}

interface BareDecision {
  after: string;
  rule: string;
  /** Unguarded decisions are STRONG evidence; guarded ones carry this much. */
  evidence: number;
  guarded: boolean;
  /** How many characters after the lead the repair consumes (the space that was U+00A0). */
  consume: number;
}

/** English contraction or possessive right after the mark: `’s`, `n’t`, `I’m`, `’re`, `’ve`, `’ll`, `’d`. */
const CONTRACTION_TAIL = /^(?:s|t|m|re|ve|ll|d)(?=[^\p{L}\p{N}]|\u00e2|$)/iu;

/**
 * A lead character whose continuation bytes were all stripped. `â` stood for U+2000..U+201F
 * (quotes, dashes), `Ã` for U+00C0..U+00DF (capitals, `×`, `ß`) or, before a space that was U+00A0,
 * `à`. Only the contraction rule (`innerApostrophe`) fires in any document; every rule here needs a
 * lossy document or line (`lossyLines`); the dash, `à`, `×`, `ß` and capital rules count as weak
 * evidence of one (a correct text hardly has `â` between spaces or digits, or `Ã` before a
 * lower-case letter), the quote and apostrophe rules as none (`âge`, `château`).
 *
 * - whitespace `â` whitespace (`Dan Galves â Deutsche Bank`) -> `–`: the seeds have spaced en
 *   dashes in labels and in running text, no spaced em dash.
 * - digit `â` digit -> `–` (a range).
 * - start, whitespace or bracket `â` letter -> `“` (opening quote; double quotes far outnumber single
 *   ones in transcripts), or `’` before two digits and `s` (`’90s`).
 * - word or punctuation `â` then whitespace, punctuation or end -> `”` if a quote opened on this line
 *   is still open, else `’` (a word-final apostrophe: `investors’`).
 * - `Ã` then a space, after a lower-case letter or alone before a lower-case word -> `à`; the space
 *   is consumed when another space follows (it was the U+00A0 of `C3 A0`).
 * - digit `Ã` digit or space -> `×`; lower-case `Ã` lower-case -> `ß` (`StraÃe`); start `Ã`
 *   lower-case -> `É`, the most frequent accented capital (`Ãcole`). Known to be wrong for `Ø`,
 *   `Ö`... (see the known-failures fixtures).
 */
function bareLeadRule(lead: number, ctx: BareContext): BareDecision | null {
  const { prev, next, afterNext } = ctx;
  const prevWord = /[\p{L}\p{N}]/u.test(prev);
  if (lead === 0xe2) {
    if (isLetter(prev) && isLetter(next)) return null; // decided by the caller, which sees the whole tail
    if (isSpace(prev) && isSpace(next)) return guess('–', 'lossy-en-dash', WEAK);
    if (isDigit(prev) && isDigit(next)) return guess('–', 'lossy-range-dash', WEAK);
    if ((isSpace(prev) || /[([{]/u.test(prev)) && (isLetter(next) || isDigit(next))) {
      return /^\d\ds/u.test(next + afterNext + ctx.third) ? guess('’', 'lossy-apostrophe-year') : guess('“', 'lossy-open-quote');
    }
    if ((prevWord || /[.,;:!?)]/u.test(prev)) && (isSpace(next) || /[.,;:!?)\]]/u.test(next))) {
      return ctx.quoteOpen ? guess('”', 'lossy-close-quote') : guess('’', 'lossy-apostrophe-final');
    }
    return null;
  }
  if (next === ' ' && (isLower(prev) || (isSpace(prev) && isLower(afterNext)) || (isSpace(prev) && afterNext === ' '))) {
    return { ...guess('à', 'lossy-a-grave', WEAK), consume: isSpace(afterNext) ? 1 : 0 };
  }
  if (isDigit(prev) && (isSpace(next) || isDigit(next))) return guess('×', 'lossy-times', WEAK);
  if (isLower(prev) && isLower(next)) return guess('ß', 'lossy-sharp-s', WEAK);
  if (!isLetter(prev) && isLower(next)) return guess('É', 'lossy-capital', WEAK);
  return null;
}

const guess = (after: string, rule: string, evidence = 0): BareDecision => ({ after, rule, evidence, guarded: true, consume: 0 });

/**
 * A bare `â` between two letters. Before an English contraction or possessive tail (`Iâm`,
 * `donât`, `Teslaâs`) it is `’` in any document: `t` needs an `n` before it and `m` a lone `I`,
 * which keeps `château`, `mât`, `cât` out, and no word ends in `âs`, `âre`, `âve`, `âll`, `âd`.
 * Elsewhere (`OâBrien`) it is `’` too, but only in a lossy document.
 */
function innerApostrophe(text: string, at: number): BareDecision {
  const tail = CONTRACTION_TAIL.exec(text.slice(at + 1, at + 4));
  // lint-regex: linear because it runs on the 24 characters before a candidate only.
  const before = /\p{L}+$/u.exec(text.slice(Math.max(0, at - 24), at))?.[0] ?? '';
  const suffix = tail?.[0].toLowerCase();
  const contraction = suffix !== undefined && (suffix === 't' ? before.endsWith('n') : suffix === 'm' ? before === 'I' : true);
  return contraction ? { after: '’', rule: 'lossy-apostrophe', evidence: STRONG, guarded: false, consume: 0 } : guess('’', 'lossy-apostrophe-inner');
}

const charAt = (text: string, at: number): string => (at >= 0 && at < text.length ? (text[at] as string) : '');
/** The character next to a lead: the neighbouring unit of its run as repaired, else the text's. */
const neighbour = (text: string, unit: Unit | undefined, at: number): string => (unit ? String.fromCodePoint(unit.code) : charAt(text, at));

/**
 * Lossy evidence beyond doubt (one STRONG sign, or three WEAK ones) that outweighs the correct
 * typographic punctuation outside what was re-decoded, four to one: a lossy document cannot hold a
 * real `â` (it would read `Ã¢`), and one pasted-in curly quote must not stop its repair.
 */
const EVIDENCE_PER_CORRECT_MARK = 4;

/** Typographic marks in `text` that the lossy mechanism cannot leave intact. */
export const countTypography = (text: string): number => text.match(TYPOGRAPHY)?.length ?? 0;

function outweighs(pending: readonly Pending[], correctMarks: () => number): boolean {
  const weak = pending.filter((item) => item.evidence === WEAK).length;
  const strong = pending.filter((item) => item.evidence === STRONG).length;
  if (weak < 3 && strong === 0) return false;
  return correctMarks() * EVIDENCE_PER_CORRECT_MARK <= strong + weak;
}

/**
 * The lines whose guarded repairs are made: every line of a lossy document, else each line that is
 * lossy by the same test on its own (a file mixing lossy lines into correct ones).
 */
function lossyLines(text: string, typographyElsewhere: () => number, pending: readonly Pending[], consumed: ReadonlyMap<number, number>): (line: number) => boolean {
  if (!pending.some((item) => item.guarded)) return () => false;
  let consumedTotal = 0;
  for (const count of consumed.values()) consumedTotal += count;
  if (outweighs(pending, () => countTypography(text) + typographyElsewhere() - consumedTotal)) return () => true;
  const lossy = new Set<number>();
  // `pending` is in text order, so the repairs of a line are contiguous.
  for (let from = 0; from < pending.length; ) {
    const line = (pending[from] as Pending).line;
    let to = from;
    while (to < pending.length && (pending[to] as Pending).line === line) to += 1;
    const onLine = pending.slice(from, to);
    const lineEnd = text.indexOf('\n', line);
    const lineText = text.slice(line, lineEnd === -1 ? text.length : lineEnd);
    if (onLine.some((item) => item.guarded) && outweighs(onLine, () => countTypography(lineText) - (consumed.get(line) ?? 0))) lossy.add(line);
    from = to;
  }
  return (line) => lossy.has(line);
}

/**
 * Mojibake repairs of `text`, sorted and disjoint, in its UTF-16 indices. `typographyElsewhere`
 * counts the typographic marks of the document outside `text`, when `text` is only the lines of it
 * that hold a candidate (see `lines-to-repair.ts`).
 */
export function repairMojibake(text: string, typographyElsewhere: () => number = () => 0): Edit[] {
  const pending: Pending[] = [];
  /** Typographic marks consumed by re-decoding, per line start. */
  const consumedTypography = new Map<number, number>();
  let quoteOpenLine = -1;
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  MOJIBAKE_START.lastIndex = 0;
  for (let match = MOJIBAKE_START.exec(text); match; match = MOJIBAKE_START.exec(text)) {
    const runStart = match.index;
    let runEnd = runStart;
    while (runEnd < text.length && isByteChar(text.charCodeAt(runEnd))) runEnd += 1;
    MOJIBAKE_START.lastIndex = runEnd;
    // A lone lead letter (`é` in correct text) is nothing to repair: no sequence, no bare lead.
    const first = text.charCodeAt(runStart);
    if (runEnd === runStart + 1 && first !== 0xe2 && first !== 0xc3 && first > 0x9f) continue;
    // Walk the line start forward (never back), so finding it stays linear over the text.
    while (nextNewline !== -1 && nextNewline < runStart) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }

    let units: Unit[] = [];
    for (let at = runStart; at < runEnd; at++) units.push({ code: text.charCodeAt(at), start: at, end: at + 1, rule: null, typography: isTypography(text.charCodeAt(at)) ? 1 : 0 });
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const next = decodeRound(units, charAt(text, runStart - 1));
      if (!next) break;
      units = next;
    }

    let skipTo = runStart;
    let decidedUpTo = -1;
    let decidedAfter = '';
    for (const [i, unit] of units.entries()) {
      if (unit.start < skipTo) continue;
      if (unit.rule !== null) {
        if (unit.typography > 0) consumedTypography.set(lineStart, (consumedTypography.get(lineStart) ?? 0) + unit.typography);
        const evidence = unit.rule === 'lossy-c1-stripped' ? STRONG : 0;
        pending.push({ edit: { start: unit.start, end: unit.end, after: String.fromCodePoint(unit.code), rule: unit.rule, kind: 'repair' }, guarded: false, evidence, line: lineStart });
        continue;
      }
      if (unit.code !== 0xe2 && unit.code !== 0xc3) continue;
      // After a lead decided just before, the context is what that lead became (`âÃber` is `“Ü`).
      const prev = decidedUpTo === unit.start ? decidedAfter : neighbour(text, units[i - 1], unit.start - 1);
      const next = neighbour(text, units[i + 1], unit.end);
      const ctx: BareContext = { prev, next, afterNext: charAt(text, unit.end + 1), third: charAt(text, unit.end + 2), quoteOpen: quoteOpenLine === lineStart };
      const decision = unit.code === 0xe2 && isLetter(prev) && isLetter(next) ? innerApostrophe(text, unit.start) : bareLeadRule(unit.code, ctx);
      if (!decision) continue;
      if (decision.rule === 'lossy-open-quote') quoteOpenLine = lineStart;
      if (decision.rule === 'lossy-close-quote') quoteOpenLine = -1;
      const end = unit.end + decision.consume;
      skipTo = end;
      decidedUpTo = end;
      decidedAfter = decision.after;
      pending.push({ edit: { start: unit.start, end, after: decision.after, rule: decision.rule, kind: 'repair' }, guarded: decision.guarded, evidence: decision.evidence, line: lineStart });
    }
  }
  const isLossy = lossyLines(text, typographyElsewhere, pending, consumedTypography);
  return pending.filter((item) => !item.guarded || isLossy(item.line)).map((item) => item.edit);
}
