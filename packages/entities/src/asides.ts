/**
 * `text` with each aside, brackets included, replaced by one space: an opening bracket of a pair
 * (`()`, `""`...) up to the first closing one after it; an opening bracket never closed stays.
 * What `/\([^)]*\)|"[^"]*"/g` replaces, by one pass: that regex rescans the rest of the text
 * from every unclosed bracket, quadratic on a long run of them. Once a closing bracket is not
 * found after one opening bracket it is not after any later one, so each pair is searched for
 * in vain at most once.
 */
export function blankAsides(text: string, pairs: readonly (readonly [open: string, close: string])[]): string {
  const unclosed = new Set<string>();
  let result = '';
  let copied = 0;
  for (let at = 0; at < text.length; at++) {
    const pair = pairs.find(([open]) => open === text[at]);
    if (!pair || unclosed.has(pair[0])) continue;
    const close = text.indexOf(pair[1], at + 1);
    if (close === -1) {
      unclosed.add(pair[0]);
      continue;
    }
    result += `${text.slice(copied, at)} `;
    copied = close + 1;
    at = close;
  }
  return copied === 0 ? text : result + text.slice(copied);
}
