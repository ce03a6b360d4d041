/** Code-point length of a string: spans in the release count code points, not UTF-16 units. */
export function codePointLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) count++;
  }
  return count;
}

/** Converts UTF-16 offsets to code points, walking from the last query so ordered queries stay linear. */
export function codePointCursor(text: string): (offset: number) => number {
  if (!/[\ud800-\udbff]/.test(text)) return (offset) => offset;
  let unit = 0;
  let point = 0;
  const isHigh = (index: number) => {
    const code = text.charCodeAt(index);
    return code >= 0xd800 && code <= 0xdbff;
  };
  return (offset) => {
    while (unit < offset) {
      if (!isHigh(unit)) point++;
      unit++;
    }
    while (unit > offset) {
      unit--;
      if (!isHigh(unit)) point--;
    }
    return point;
  };
}

/** Converts UTF-16 offsets into a text to code-point offsets. */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  const hasAstral = /[\ud800-\udbff]/.test(text);
  if (!hasAstral) return (offset) => offset;
  return (offset) => codePointLength(text.slice(0, offset));
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
