import { parseRegExpLiteral } from '@eslint-community/regexpp';
import type { Alternative, Element, Node } from '@eslint-community/regexpp/ast';

/** Where a match lies: UTF-16 offsets into the input. */
export interface MatchSpan {
  index: number;
  end: number;
}

type Next = (pos: number) => boolean;
type Matcher = (pos: number, next: Next) => boolean;

interface Compiled {
  /** Runs one attempt at `start` on `state.input`: where the match ends, or -1. */
  attempt: (start: number) => number;
  state: { input: string; steps: number };
}

// The engine's own exec, saved before any test patches the prototype.
const nativeExec = RegExp.prototype.exec;
const compiledByPattern = new Map<string, Compiled>();

/**
 * The steps a backtracking matcher takes to run `regex.exec(input)` with `lastIndex` at `from`:
 * one per character tested, per alternative tried and per quantifier iteration or retreat, over
 * every start position the search tries. This is the cost model of recheck (and of V8's
 * irregexp): a regex that backtracks super-linearly on some input takes super-linearly many
 * steps here too, where V8 only shows it as time. Deterministic, so a test can assert linearity
 * by counting.
 *
 * The structure (sequences, alternatives, groups, quantifiers) is interpreted here; each
 * character, class, boundary and lookaround is tested by the engine itself as one sticky regex,
 * so case folding, Unicode properties and code points behave exactly as in V8. Captures are not
 * tracked: a pattern with a backreference throws.
 */
export function backtrackingSteps(regex: RegExp, input: string, from: number): { steps: number; match: MatchSpan | null } {
  const compiled = compile(regex);
  compiled.state.input = input;
  compiled.state.steps = 0;
  const unicode = regex.unicode || regex.flags.includes('v');
  // In Unicode mode V8 never starts inside a surrogate pair: a lastIndex on its second half means the pair.
  const first = unicode && from > 0 && isSurrogatePair(input, from - 1) ? from - 1 : from;
  for (let start = first; start <= input.length; start += unicode && isSurrogatePair(input, start) ? 2 : 1) {
    const end = compiled.attempt(start);
    if (end >= 0) return { steps: compiled.state.steps, match: { index: start, end } };
    if (regex.sticky) break;
  }
  return { steps: compiled.state.steps, match: null };
}

function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

function compile(regex: RegExp): Compiled {
  const key = `/${regex.source}/${regex.flags}`;
  const known = compiledByPattern.get(key);
  if (known) return known;
  const state = { input: '', steps: 0 };
  // Flags that change what one leaf matches; g and y are the search's, d only adds indices.
  const leafFlags = [...regex.flags].filter((flag) => 'imsuv'.includes(flag)).join('') + 'y';
  const leafAt = (leaf: RegExp) => (pos: number) => {
    state.steps++;
    leaf.lastIndex = pos;
    return nativeExec.call(leaf, state.input) ? leaf.lastIndex : -1;
  };

  const alternatives = (alternatives: readonly Alternative[]): Matcher => {
    const matchers = alternatives.map((alternative) => sequence(alternative.elements));
    if (matchers.length === 1) return matchers[0] as Matcher;
    return (pos, next) => {
      for (const matcher of matchers) {
        state.steps++;
        if (matcher(pos, next)) return true;
      }
      return false;
    };
  };
  const sequence = (elements: readonly Element[]): Matcher =>
    elements.map(element).reduceRight<Matcher>(
      (rest, first) => (pos, next) => first(pos, (after) => rest(after, next)),
      (pos, next) => next(pos),
    );
  const element = (node: Element): Matcher => {
    switch (node.type) {
      case 'Group':
        if (node.modifiers) throw new Error(`backtrackingSteps: modifiers are not supported: ${key}`);
        return alternatives(node.alternatives);
      case 'CapturingGroup':
        return alternatives(node.alternatives);
      case 'Quantifier':
        return isOneCharacter(node.element) ? repeatLeaf(leafAt(new RegExp(node.element.raw, leafFlags)), node.min, node.max, node.greedy) : repeat(element(node.element), node.min, node.max, node.greedy);
      case 'Backreference':
        throw new Error(`backtrackingSteps: backreferences are not supported: ${key}`);
      default: {
        const test = leafAt(new RegExp(node.raw, leafFlags));
        return (pos, next) => {
          const after = test(pos);
          return after >= 0 && next(after);
        };
      }
    }
  };
  /** A quantified group: each iteration may backtrack into the group. An empty iteration past the minimum fails, as in the spec. */
  const repeat = (body: Matcher, min: number, max: number, greedy: boolean): Matcher => {
    const loop = (count: number, pos: number, next: Next): boolean => {
      state.steps++;
      const more = () => count < max && body(pos, (after) => (count >= min && after === pos ? false : loop(count + 1, after, next)));
      if (count < min) return more();
      return greedy ? more() || next(pos) : next(pos) || more();
    };
    return (pos, next) => loop(0, pos, next);
  };
  /** A quantified character or class: iterations have no inner choices, so a loop tries each count in turn. */
  const repeatLeaf = (test: (pos: number) => number, min: number, max: number, greedy: boolean): Matcher => {
    if (!greedy) {
      return (pos, next) => {
        let at = pos;
        for (let count = 0; ; count++) {
          if (count >= min) {
            state.steps++;
            if (next(at)) return true;
          }
          if (count >= max) return false;
          at = test(at);
          if (at < 0) return false;
        }
      };
    }
    return (pos, next) => {
      const ends = [pos];
      for (let at = pos; ends.length - 1 < max; ) {
        at = test(at);
        if (at < 0) break;
        ends.push(at);
      }
      for (let count = ends.length - 1; count >= min; count--) {
        state.steps++;
        if (next(ends[count] as number)) return true;
      }
      return false;
    };
  };

  const root = alternatives(parseRegExpLiteral(regex).pattern.alternatives);
  const compiled: Compiled = {
    state,
    attempt: (start) => {
      let end = -1;
      root(start, (pos) => {
        end = pos;
        return true;
      });
      return end;
    },
  };
  compiledByPattern.set(key, compiled);
  return compiled;
}

/** Consumes exactly one character (or code point) whenever it matches. */
function isOneCharacter(node: Node): boolean {
  return node.type === 'Character' || node.type === 'CharacterSet' || (node.type === 'CharacterClass' && !node.unicodeSets);
}
