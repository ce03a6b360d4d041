import { backtrackingSteps } from './backtracking-steps.ts';

/**
 * Counts the work of string, regex and array operations `run` performs: characters a string
 * search scans (from where it starts to where it stops), the steps a regex takes to backtrack
 * to its result (see `backtrackingSteps`), characters a slice or a transform handles, elements
 * an array method visits. Quadratic parsing (re-slicing a prefix for every turn, searching from
 * the start again, scanning a growing list per item, a regex that rescans a run of spaces from
 * each of them) makes this count grow quadratically; it is deterministic, so it makes a test of
 * linearity that no machine load can upset, unlike a timing.
 */
export function countWork(run: () => unknown): number {
  let work = 0;
  // Set while the regex step counter runs: its own string and array calls are not the run's work.
  let paused = false;
  const patches: [object, string, unknown][] = [];
  const patch = <Self, Args extends unknown[]>(target: object, name: string, cost: (self: Self, args: Args, result: unknown) => number) => {
    const original = (target as Record<string, unknown>)[name] as (this: Self, ...args: Args) => unknown;
    patches.push([target, name, original]);
    (target as Record<string, unknown>)[name] = function (this: Self, ...args: Args) {
      const result = original.apply(this, args);
      if (!paused) work += cost(this, args, result);
      return result;
    };
  };
  const length = (self: { length: number }) => self.length;
  const stringSearch = (self: string, args: [string, number?], result: unknown) => {
    const from = Math.max(0, Math.min(self.length, args[1] ?? 0));
    return typeof result === 'number' && result >= 0 ? result + String(args[0]).length - from : self.length - from;
  };
  try {
    // A regex costs the steps a backtracking matcher takes from lastIndex (global and sticky) or
    // the start: every start position it tries (a sticky one, as split's, tries one) and every
    // retreat. lastIndex is read before the call moves it. The step counter must find the match
    // the engine found, or it is not counting this regex's work.
    const exec = RegExp.prototype.exec;
    patches.push([RegExp.prototype, 'exec', exec]);
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const match = exec.call(this, input);
      if (paused) return match;
      paused = true;
      try {
        const counted = backtrackingSteps(this, String(input), from);
        const agrees = match ? counted.match?.index === match.index && counted.match.end === match.index + match[0].length : counted.match === null;
        if (!agrees) throw new Error(`countWork: the step counter and the engine disagree on ${this}`);
        work += Math.max(1, counted.steps);
      } finally {
        paused = false;
      }
      return match;
    };
    patch(String.prototype, 'indexOf', stringSearch);
    patch(String.prototype, 'includes', (self: string, args: [string, number?]) => stringSearch(self, args, String.prototype.indexOf.apply(self, args)));
    for (const name of ['slice', 'substring', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'normalize', 'padStart', 'padEnd']) {
      patch(String.prototype, name, (_self: string, _args: unknown[], result: unknown) => Math.max(1, String(result).length));
    }
    // With a regex argument these call exec, counted above; with a string they scan the whole text.
    for (const name of ['split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'lastIndexOf', 'startsWith', 'endsWith']) {
      patch(String.prototype, name, (self: string, [pattern]: [unknown]) => (pattern instanceof RegExp ? 1 : self.length));
    }
    for (const name of ['indexOf', 'includes', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'filter', 'map', 'flatMap', 'forEach', 'reduce', 'join', 'sort', 'reverse', 'concat']) {
      patch(Array.prototype, name, length);
    }
    patch(Array.prototype, 'slice', (_self: unknown[], _args: unknown[], result: unknown) => Math.max(1, (result as unknown[]).length));
    run();
  } finally {
    // A plain loop: Array.prototype.reverse is still patched here and would count itself.
    for (let index = patches.length - 1; index >= 0; index--) {
      const [target, name, original] = patches[index] as [object, string, unknown];
      (target as Record<string, unknown>)[name] = original;
    }
  }
  return work;
}

/**
 * The work `run` does on the input built with 4 times the copies over the work on the input
 * built with 1: about 4 when parsing is linear, 16 when quadratic.
 */
export function workRatio(run: (text: string) => unknown, build: (copies: number) => string, copies: number): number {
  const small = build(copies);
  const large = build(copies * 4);
  return countWork(() => run(large)) / countWork(() => run(small));
}
