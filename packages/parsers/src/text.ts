/** Code-point length of a string: spans in the release count code points, not UTF-16 units. */
export function codePointLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) count++;
  }
  return count;
}

/**
 * Converts UTF-16 offsets into a text to code-point offsets: the offset less the high surrogates
 * before it, found by binary search, so that many conversions on a long text with emoji stay cheap.
 */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  const highs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) highs.push(i);
  }
  if (highs.length === 0) return (offset) => offset;
  return (offset) => {
    const end = Math.min(offset, text.length);
    let lo = 0;
    let hi = highs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((highs[mid] ?? end) < end) lo = mid + 1;
      else hi = mid;
    }
    return end - lo;
  };
}

export interface Line {
  text: string;
  start: number;
  end: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      lines.push({ text: text.slice(start), start, end: text.length });
      return lines;
    }
    lines.push({ text: text.slice(start, end), start, end });
    start = end + 1;
  }
}

export function emptyMetadata(eventType: 'earnings_call' | 'forum_thread' = 'earnings_call') {
  return {
    company: null,
    ticker: null,
    exchange: null,
    fiscalYear: null,
    fiscalQuarter: null,
    eventDate: null,
    title: null,
    eventType,
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "August 02, 2017", "Aug-02-2017", "Apr 23, 2024", "July 25, 2012" to ISO "YYYY-MM-DD", else null. */
export function parseHumanDate(value: string): string | null {
  const match = /\b([A-Z][a-z]{2,8})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})\b/.exec(value);
  if (!match) return null;
  const [, monthName = '', day = '', year = ''] = match;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
  if (month === -1) return null;
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > 31) return null;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
}
