/**
 * `text` without the run of characters `trimmed` accepts at its start, its end or both: a loop
 * over whole code points. A regex such as `/[\s,.]+$/` would do the same in quadratic time: on a
 * long run followed by anything else it rescans the run from each of its characters.
 */
export function trimWhere(text: string, trimmed: (char: string) => boolean, side: 'start' | 'end' | 'both' = 'both'): string {
  let start = 0;
  let end = text.length;
  if (side !== 'end') {
    while (start < end) {
      const char = String.fromCodePoint(text.codePointAt(start) as number);
      if (!trimmed(char)) break;
      start += char.length;
    }
  }
  if (side !== 'start') {
    while (end > start) {
      const low = text.charCodeAt(end - 1);
      const high = text.charCodeAt(end - 2);
      const size = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
      if (!trimmed(String.fromCodePoint(text.codePointAt(end - size) as number))) break;
      end -= size;
    }
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
