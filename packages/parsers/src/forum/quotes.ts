import type { Block, Para, Thread } from './blocks.ts';

/** A stretch of one block: the block's own words, or a copy of another post it quotes. */
export interface Segment {
  block: number;
  /** Global paragraph indexes, ascending. */
  paras: number[];
  kind: 'own' | 'quote';
  /** Where a quote sits: ahead of the reply, after it, or marked by the page. */
  edge: 'prefix' | 'suffix' | 'marked' | null;
  author: string | null;
  /** A piece of a quote that copies the quoted post's own quote: a copy, but not what the reply answers. */
  nested: boolean;
}

export interface ResolvedPost {
  /** The first full copy of the post. */
  segment: Segment;
  author: string | null;
  /** Indexes of the posts this one quotes: earlier ones, save where a post's only full copy sits later. */
  replyTo: number[];
}

export interface RemovedCopy {
  segment: Segment;
  /** The post it is a copy of, and the post it was found in (null when the copy is the whole block). */
  copyOf: number;
  foundIn: number | null;
}

export interface ResolvedThread {
  posts: ResolvedPost[];
  removed: RemovedCopy[];
  /** Paragraph visits and comparisons the matching made: the measure its cost is held linear by. */
  steps: number;
}

/** Counts the work of matching, so that tests can hold it linear without timing it. */
interface Meter {
  steps: number;
}

/** Keys seen more often than this are too common to anchor a quote on (and keep matching linear). */
const KEY_CAP = 16;
/** A paragraph this long may match as a truncated piece of a longer one (a quote cut mid-paragraph). */
const FRAGMENT = 32;
/** A quote must copy at least this much text, so that "Thanks!" in two posts is no quote. */
const MIN_QUOTE_CHARS = 40;
/** A post seen only as quotes must stand in this many blocks: with two, the first is likelier the post itself. */
const QUOTED_ONLY_COPIES = 3;
/** Shared paragraphs shorter than this ("ok") say nothing about who wrote what. */
const MIN_SHARED = 8;
/** Winnowing of word shingles: any piece of a paragraph holding SHINGLE + WINDOW whole words shares a fingerprint with it. */
const SHINGLE = 3;
const WINDOW = 4;

interface Run {
  length: number;
  chars: number;
  qBlock: number;
  qFrom: number;
  qTo: number;
  fragment: boolean;
}

/** The best run from a paragraph, with what the other accepted runs say about where its text comes from. */
interface Match extends Run {
  /** Blocks holding an accepted copy, ascending. */
  sources: number[];
}

function push<K>(index: Map<K, number[]>, key: K, value: number) {
  const list = index.get(key);
  if (!list) index.set(key, [value]);
  else if (list.length < KEY_CAP) list.push(value);
}

/** FNV-1a, 32 bits: fingerprints only pick candidates, which are then compared as text. */
function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Winnowed fingerprints of word shingles (Schleimer et al. 2003): the least hash of every window of
 * WINDOW shingles. Words at the ends are dropped when `partial`, since a cut piece may start or end mid-word.
 */
function fingerprints(key: string, partial: boolean): number[] {
  const wordHashes: number[] = [];
  let word = 0x811c9dc5;
  for (let i = 0; i <= key.length; i++) {
    const code = i < key.length ? key.charCodeAt(i) : 32;
    if (code !== 32) word = Math.imul(word ^ code, 0x01000193);
    else {
      wordHashes.push(word >>> 0);
      word = 0x811c9dc5;
    }
  }
  const whole = partial ? wordHashes.slice(1, -1) : wordHashes;
  const shingles: number[] = [];
  for (let i = 0; i + SHINGLE <= whole.length; i++) {
    let h = 0;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ (whole[i + j] ?? 0), 0x01000193);
    shingles.push(h >>> 0);
  }
  const chosen = new Set<number>();
  for (let i = 0; i + WINDOW <= shingles.length; i++) {
    let least = shingles[i] ?? 0;
    for (let j = 1; j < WINDOW; j++) least = Math.min(least, shingles[i + j] ?? least);
    chosen.add(least);
  }
  return [...chosen];
}

/** Fingerprints of a cut piece, from its start, middle and end only: each is a cut piece of the source too, so its prints are the source's. */
function pieceFingerprints(key: string): number[] {
  const span = 200;
  if (key.length <= 3 * span) return fingerprints(key, true);
  const middle = Math.floor((key.length - span) / 2);
  return [0, middle, key.length - span].flatMap((at) => fingerprints(key.slice(at, at + span), true));
}

/** Finds where runs of a block's paragraphs occur elsewhere in the thread, by exact key or as a cut piece of a paragraph. */
function matcher(paras: readonly Para[], blocks: readonly Block[], meter: Meter) {
  const exact = new Map<string, number[]>();
  const heads = new Map<string, number[]>();
  const tails = new Map<string, number[]>();
  const prints = new Map<number, number[]>();
  paras.forEach((para, index) => {
    meter.steps++;
    push(exact, para.key, index);
    if (para.key.length > FRAGMENT) {
      push(heads, para.key.slice(0, FRAGMENT), index);
      push(tails, para.key.slice(-FRAGMENT), index);
      for (const print of fingerprints(para.key, false)) push(prints, print, index);
    }
  });
  const key = (index: number) => paras[index]?.key ?? '';
  const blockOf = (index: number) => paras[index]?.block ?? -1;

  /** Longer paragraphs holding `k` as a cut piece: found by its head, its tail, or its rarest fingerprint. */
  function containers(k: string): number[] {
    const lists = [heads.get(k.slice(0, FRAGMENT)), tails.get(k.slice(-FRAGMENT))];
    const rarest = pieceFingerprints(k)
      .map((print) => prints.get(print))
      .reduce<number[] | undefined>((best, list) => (list && (!best || list.length < best.length) ? list : best), undefined);
    lists.push(rarest);
    const found = new Set<number>();
    for (const list of lists) {
      meter.steps += list?.length ?? 0;
      for (const q of list ?? []) if (key(q).length > k.length && key(q).includes(k)) found.add(q);
    }
    return [...found];
  }

  /** Paragraphs in other blocks that `a` may copy: equal ones, else longer ones it is a cut piece of. Asked a few times per block. */
  const known = new Map<number, number[]>();
  function candidates(a: number): number[] {
    const cached = known.get(a);
    if (cached) return cached;
    const k = key(a);
    const equal = (exact.get(k) ?? []).filter((q) => blockOf(q) !== blockOf(a));
    // Whole copies come first; a paragraph copied whole elsewhere is not sought as a cut piece.
    const result = equal.length > 0 || k.length < FRAGMENT ? equal : containers(k).filter((q) => blockOf(q) !== blockOf(a)).sort((x, y) => x - y);
    known.set(a, result);
    return result;
  }

  /**
   * How far the block's paragraphs from `a` (within [lo, hi)) keep matching those from `q`, stepping `dir`.
   * A single edited paragraph on both sides is bridged (not a different one: that is where a re-typed passage
   * ends); the far end may be a truncated paragraph.
   */
  function run(a: number, q: number, dir: 1 | -1, lo: number, hi: number): Run {
    const qBlock = blocks[blockOf(q)];
    const inA = (i: number) => i >= lo && i < hi;
    const inQ = (i: number) => qBlock !== undefined && i >= qBlock.from && i < qBlock.to;
    let length = 1;
    let chars = key(a).length;
    const fragment = key(a) !== key(q);
    // A cut piece goes on into the next paragraph only if the cut is at that side (a quote cut mid-paragraph ends there).
    const reachesEdge = !fragment || (dir === 1 ? key(q).endsWith(key(a)) : key(q).startsWith(key(a)));
    let farFragment = false;
    while (reachesEdge) {
      meter.steps++;
      const na = a + dir * length;
      const nq = q + dir * length;
      if (!inA(na) || !inQ(nq)) break;
      if (key(na) === key(nq)) {
        length++;
        chars += key(na).length;
        continue;
      }
      if (inA(na + dir) && inQ(nq + dir) && key(na + dir) === key(nq + dir) && key(na + dir).length >= MIN_SHARED && edited(key(na), key(nq))) {
        length += 2;
        chars += key(na + dir).length;
        continue;
      }
      const k = key(na);
      if (k.length >= FRAGMENT && (dir === 1 ? key(nq).startsWith(k) : key(nq).endsWith(k))) {
        length++;
        chars += k.length;
        farFragment = true;
      }
      break;
    }
    const [qFrom, qTo] = dir === 1 ? [q, q + length] : [q - length + 1, q + 1];
    return { length, chars, qBlock: blockOf(q), qFrom, qTo, fragment: fragment || farFragment };
  }

  /** The longest accepted run from `a`; ties go to the earliest copy. */
  function best(a: number, dir: 1 | -1, lo: number, hi: number, accept: (run: Run) => boolean): Match | null {
    let found: Run | null = null;
    const copies = new Set<number>();
    for (const q of candidates(a)) {
      const candidate = run(a, q, dir, lo, hi);
      if (!accept(candidate)) continue;
      copies.add(candidate.qBlock);
      if (!found || candidate.length > found.length || (candidate.length === found.length && candidate.chars > found.chars)) found = candidate;
    }
    return found && { ...found, sources: [...copies].sort((x, y) => x - y) };
  }

  /** Blocks other than `block` holding any of the given paragraphs' keys. */
  function holders(indexes: readonly number[], block: number): Set<number> {
    const found = new Set<number>();
    for (const index of indexes) {
      const copies = exact.get(key(index)) ?? [];
      meter.steps += copies.length;
      for (const q of copies) if (blockOf(q) !== block) found.add(blockOf(q));
    }
    return found;
  }

  return { key, best, holders };
}

/** Two wordings of one paragraph: most words of the longer are in the shorter (an edit, not another paragraph). */
function edited(a: string, b: string): boolean {
  const words = new Set(a.split(' '));
  const other = new Set(b.split(' '));
  let shared = 0;
  for (const word of other) if (words.has(word)) shared++;
  return shared * 2 >= Math.max(words.size, other.size);
}

function append(map: Map<number, number[]>, key: number, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * Splits every block into quotes and own words, then groups copies of the same post: each distinct
 * post is kept once, from its first full copy, and quotes become reply links.
 */
export function resolvePosts(thread: Thread): ResolvedThread {
  const { paras, blocks } = thread;
  const meter: Meter = { steps: 0 };
  const match = matcher(paras, blocks, meter);
  const segments: Segment[] = [];
  const links = new Map<Segment, Run>();

  blocks.forEach((block, b) => {
    const quotes: { paras: number[]; edge: Segment['edge']; author: string | null; link: Run | null }[] = [];
    if (block.marked.length > 0) {
      for (const marked of block.marked) {
        const link = match.best(marked.from, 1, marked.from, marked.to, (r) => r.chars >= MIN_QUOTE_CHARS);
        quotes.push({ paras: range(marked.from, marked.to), edge: 'marked', author: marked.author, link });
      }
    } else {
      const size = block.to - block.from;
      const whole = match.best(block.from, 1, block.from, block.to, (r) => r.length === size);
      // A block copied whole elsewhere is a post of its own: only a copy of another whole block can be a quote in it.
      const fits = (r: Run, room: number) =>
        r.length < room && r.chars >= MIN_QUOTE_CHARS && (!whole || (r.qFrom === blocks[r.qBlock]?.from && r.qTo === blocks[r.qBlock]?.to));
      // Text the block shares elsewhere with the same posts is the author's own re-typing, not a quote;
      // blocks that copy this one whole (quoting it, nested quote and all) are no evidence of that.
      const copiedIn = new Set(whole?.sources);
      const retyped = (r: Run, quoted: number[]) => {
        const sources = match.holders(quoted, b).add(r.qBlock);
        const inQuote = new Set(quoted);
        meter.steps += block.to - block.from;
        const rest = range(block.from, block.to).filter((i) => !inQuote.has(i) && match.key(i).length >= MIN_SHARED);
        return [...match.holders(rest, b)].some((other) => sources.has(other) && !copiedIn.has(other));
      };
      // A quote copies an earlier post. Text whose copies all come later is the block's own (a later reply
      // quotes it), unless it stands in enough blocks to be a post seen only as quotes.
      const quotable = (m: Match | null) => (m && ((m.sources[0] ?? b) < b || m.sources.length >= QUOTED_ONLY_COPIES - 1) ? m : null);
      const prefix = quotable(match.best(block.from, 1, block.from, block.to, (r) => fits(r, size) && !retyped(r, range(block.from, block.from + r.length))));
      const ownFrom = block.from + (prefix?.length ?? 0);
      if (prefix) quotes.push({ paras: range(block.from, ownFrom), edge: 'prefix', author: null, link: prefix });
      const suffix = quotable(match.best(block.to - 1, -1, ownFrom, block.to, (r) => fits(r, block.to - ownFrom) && !retyped(r, range(block.to - r.length, block.to))));
      if (suffix) quotes.push({ paras: range(block.to - suffix.length, block.to), edge: 'suffix', author: null, link: suffix });
    }
    const quoted = new Set(quotes.flatMap((quote) => quote.paras));
    const own = range(block.from, block.to).filter((i) => !quoted.has(i));
    for (const quote of quotes) {
      const segment: Segment = { block: b, paras: quote.paras, kind: 'quote', edge: quote.edge, author: quote.author, nested: false };
      segments.push(segment);
      if (quote.link) links.set(segment, quote.link);
    }
    if (own.length > 0) {
      const segment: Segment = { block: b, paras: own, kind: 'own', edge: null, author: block.author, nested: false };
      segments.push(segment);
      const first = own[0] ?? 0;
      const last = own[own.length - 1] ?? 0;
      // A repeat of a whole post elsewhere: same post, kept once.
      const repeat = last - first + 1 === own.length ? match.best(first, 1, first, last + 1, (r) => r.length === own.length) : null;
      if (repeat) links.set(segment, repeat);
    }
  });

  return groupCopies(splitNested(segments, links, match.key, meter), links, blocks, meter);
}

/**
 * Cuts each quote along the segments of the text it copies, so that a copy of a reply with its own
 * quote inside becomes a copy of each post. Repeats until stable: quotes nest to any depth.
 */
function splitNested(initial: readonly Segment[], links: Map<Segment, Run>, key: (para: number) => string, meter: Meter): Segment[] {
  let segments = [...initial];
  for (;;) {
    const at = new Map<number, Segment>();
    for (const segment of segments) {
      meter.steps += segment.paras.length;
      for (const para of segment.paras) at.set(para, segment);
    }
    let changed = false;
    segments = segments.flatMap((segment) => {
      const link = links.get(segment);
      if (!link || segment.kind !== 'quote') return [segment];
      const runs: { target: Segment; from: number; to: number }[] = [];
      for (let q = link.qFrom; q < link.qTo; q++) {
        meter.steps++;
        const target = at.get(q);
        const last = runs[runs.length - 1];
        if (!target) continue;
        if (last && last.target === target) last.to = q + 1;
        else runs.push({ target, from: q, to: q + 1 });
      }
      if (runs.length <= 1) return [segment];
      changed = true;
      const first = segment.paras[0] ?? 0;
      const direct = runs.find((r) => r.target.kind === 'own') ?? runs[runs.length - 1];
      return runs.map((r, i) => {
        // The last piece keeps any paragraphs past the copied run (a marked quote longer than its match).
        const local = range(first + (r.from - link.qFrom), i === runs.length - 1 ? (segment.paras[segment.paras.length - 1] ?? 0) + 1 : first + (r.to - link.qFrom));
        const piece: Segment = { ...segment, paras: local, nested: segment.nested || r !== direct };
        const fragment = local.some((para, j) => key(para) !== key(r.from + j));
        links.set(piece, { ...link, qFrom: r.from, qTo: r.to, length: r.to - r.from, fragment });
        return piece;
      });
    });
    if (!changed) return segments;
  }
}

function groupCopies(segments: readonly Segment[], links: ReadonlyMap<Segment, Run>, blocks: readonly Block[], meter: Meter): ResolvedThread {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const partial = new Set<number>();
  const byBlock = new Map<number, number[]>();
  segments.forEach((segment, i) => append(byBlock, segment.block, i));
  const at = new Map<number, number>();
  segments.forEach((segment, i) => segment.paras.forEach((para) => at.set(para, i)));
  segments.forEach((segment, i) => {
    const link = links.get(segment);
    if (!link) return;
    meter.steps += link.qTo - link.qFrom;
    const overlapping = [...new Set(range(link.qFrom, link.qTo).flatMap((para) => at.get(para) ?? []))];
    const exact = overlapping.find((t) => {
      const paras = segments[t]?.paras ?? [];
      return paras[0] === link.qFrom && paras.length === link.qTo - link.qFrom && paras[paras.length - 1] === link.qTo - 1;
    });
    // A copy of part of a post (or a repeat spanning a post and its quote) joins the post it copies.
    const target = exact ?? overlapping.filter((t) => segments[t]?.kind === 'own').pop() ?? overlapping.pop();
    if (target === undefined) return;
    if (exact === undefined || link.fragment) partial.add(i);
    parent[find(i)] = find(target);
  });

  const groups = new Map<number, number[]>();
  segments.forEach((_, i) => append(groups, find(i), i));
  const order = (i: number) => {
    const segment = segments[i];
    const first = segment?.paras[0] ?? 0;
    // A quote placed after its reply still precedes that reply as a post.
    return segment?.edge === 'suffix' ? (blocks[segment.block]?.from ?? first) - 0.5 : first;
  };
  const reps = [...groups.values()].map((members) => {
    const full = members.filter((m) => !partial.has(m));
    const pool = full.length > 0 ? full : members;
    const most = pool.reduce((longest, m) => Math.max(longest, segments[m]?.paras.length ?? 0), 0);
    return pool.filter((m) => (segments[m]?.paras.length ?? 0) === most).sort((x, y) => order(x) - order(y))[0] ?? 0;
  });
  reps.sort((x, y) => order(x) - order(y));
  const postOf = new Map<number, number>();
  reps.forEach((rep, post) => postOf.set(find(rep), post));
  const post = (i: number) => postOf.get(find(i)) ?? 0;

  const replies = reps.map(() => new Set<number>());
  for (const indexes of byBlock.values()) {
    const quoted = indexes.filter((i) => segments[i]?.kind === 'quote' && !segments[i]?.nested).map(post);
    // A quote may hold the first full copy of a post that sits later in the thread; the link still stands.
    for (const i of indexes.filter((t) => segments[t]?.kind === 'own')) for (const q of quoted) if (q !== post(i)) replies[post(i)]?.add(q);
  }
  const posts = reps.map((rep, index) => {
    const members = groups.get(find(rep)) ?? [];
    const author = members.map((m) => segments[m]?.author ?? null).find((name) => name !== null) ?? null;
    return { segment: segments[rep] as Segment, author, replyTo: [...(replies[index] ?? [])].sort((x, y) => x - y) };
  });
  const repSet = new Set(reps);
  const removed = segments.flatMap((segment, i) => {
    if (repSet.has(i)) return [];
    const own = (byBlock.get(segment.block) ?? []).find((t) => segments[t]?.kind === 'own' && repSet.has(t));
    return [{ segment, copyOf: post(i), foundIn: segment.kind === 'quote' && own !== undefined ? post(own) : null }];
  });
  return { posts, removed, steps: meter.steps };
}
