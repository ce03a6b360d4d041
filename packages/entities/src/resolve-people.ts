import { slugify } from '@callset/schema';
import { assignIds, bestSpelling, compareSpellings, compareText, unshout } from './display.ts';
import { isFormalGivenName } from './given-names.ts';
import { compareNames, parsePersonName, type NameToken, type PersonName } from './person-name.ts';
import type { PersonEntry } from './registry.ts';

export interface ResolvedPerson {
  speakerId: string;
  canonicalName: string;
  /** The registry entry, when the person is registered. */
  entry: PersonEntry | null;
  /** Keys of the names (as the documents wrote them) that resolved to this person, sorted. */
  nameKeys: string[];
  /** When rules match the name to several people who cannot be one: who they are, sorted. Such a name is kept apart. */
  ambiguousWith: string[];
}

export interface PeopleResolution {
  byNameKey: Map<string, ResolvedPerson>;
  people: ResolvedPerson[];
}

type Node = { kind: 'name'; id: string; name: PersonName } | { kind: 'entry'; id: string; entry: PersonEntry; forms: PersonName[] };

/** Union-find over node ids. */
class Components {
  private readonly parent = new Map<string, string>();
  find(id: string): string {
    let root = id;
    while ((this.parent.get(root) ?? root) !== root) root = this.parent.get(root) ?? root;
    for (let node = id; node !== root; ) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  join(a: string, b: string): void {
    const [rootA, rootB] = [this.find(a), this.find(b)];
    if (rootA !== rootB) this.parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  }
}

/** The given name a canonical name shows: a formal name (Benjamin over Ben, John over Johnny), then the longest. */
function bestGivenName(words: readonly NameToken[]): NameToken | undefined {
  const rank = (word: NameToken) => [isFormalGivenName(word.key) ? 0 : 1, -word.key.length] as const;
  return [...words].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1] || compareText(a.key, b.key) || compareSpellings(a.text, b.text))[0];
}

export interface CanonicalNames {
  /** Given name and surname (and generational suffix): what a person is usually called. */
  short: string;
  /** With the middle names of the spelling that gives the most of them: for two people the short name cannot tell apart. */
  full: string;
}

/**
 * The canonical name of a person the registry does not hold: the fullest given name written
 * (Benjamin over Ben), then the surname, then a generational suffix; middle names are left
 * out, so that a new spelling with a middle initial does not change the id. When every
 * spelling gives only an initial, the spelling with the most words, as written.
 */
export function canonicalNamesOf(spellings: readonly PersonName[]): CanonicalNames {
  const full = spellings.filter((spelling) => !spelling.given.initial && spelling.surname.length > 0);
  if (full.length === 0) {
    const [longest] = [...spellings].sort((a, b) => b.key.split(' ').length - a.key.split(' ').length || compareSpellings(a.written, b.written));
    const name = unshout(longest?.written ?? '');
    return { short: name, full: name };
  }
  const given = unshout(bestGivenName(full.map((spelling) => spelling.given))?.text ?? '');
  const surname = bestSpelling(full.map((spelling) => spelling.surname.map((word) => word.text).join(' ')));
  const suffixes = full.flatMap((spelling) => (spelling.suffix ? [spelling.suffix.text] : []));
  const suffix = suffixes.length > 0 ? [bestSpelling(suffixes)] : [];
  const middleLength = (spelling: PersonName) => spelling.middles.reduce((sum, word) => sum + word.key.length, 0);
  const [mostMiddles] = [...full].sort((a, b) => b.middles.length - a.middles.length || middleLength(b) - middleLength(a) || compareSpellings(a.written, b.written));
  const middles = (mostMiddles?.middles ?? []).map((word) => unshout(word.text));
  return { short: [given, surname, ...suffix].join(' '), full: [given, ...middles, surname, ...suffix].join(' ') };
}

/**
 * Whether a name can be a registered person: it matches one of their names by the rules, and
 * contradicts none (a name with their given name and surname but another middle name or
 * suffix is someone else: "Colin X. Rusch" is not the "Colin Rusch" who is "Colin W. Rusch").
 * Names of a person the rules keep apart (a nickname) are no contradiction.
 */
function matchesEntry(name: PersonName, forms: readonly PersonName[]): boolean {
  const comparisons = forms.map((form) => compareNames(name, form));
  return comparisons.some((comparison) => comparison.compatible) && !comparisons.some((comparison) => comparison.differsIn === 'middles' || comparison.differsIn === 'suffix');
}

function neighboursConflict(node: string, adjacency: ReadonlyMap<string, ReadonlySet<string>>, nodes: ReadonlyMap<string, Node>): boolean {
  const neighbours = [...(adjacency.get(node) ?? [])];
  return neighbours.some((a, index) =>
    neighbours.slice(index + 1).some((b) => (nodes.get(a)?.kind === 'entry' && nodes.get(b)?.kind === 'entry') || !adjacency.get(a)?.has(b)),
  );
}

interface PersonGroup {
  entry: PersonEntry | null;
  nameKeys: string[];
  ambiguousWith: string[];
  names: CanonicalNames;
}

/** Canonical names and ids: a short name two people share (or a registered id) gives way to the full name; what still collides gets -2, -3... */
function namePeople(groups: readonly PersonGroup[], registry: readonly PersonEntry[]): ResolvedPerson[] {
  const reserved = new Set(registry.map((entry) => entry.speaker_id));
  const unregistered = groups.filter((group) => !group.entry);
  const shortSlugCount = new Map<string, number>();
  for (const group of unregistered) shortSlugCount.set(slugify(group.names.short), (shortSlugCount.get(slugify(group.names.short)) ?? 0) + 1);
  const canonicalOf = (group: PersonGroup) => {
    const slug = slugify(group.names.short);
    return group.entry || ((shortSlugCount.get(slug) ?? 0) === 1 && !reserved.has(slug)) ? group.names.short : group.names.full;
  };
  const ids = assignIds(
    unregistered.map((group) => ({ base: slugify(canonicalOf(group)) || 'person', tieKey: group.nameKeys.join('|') })),
    reserved,
  );
  const idOf = new Map(unregistered.map((group, index) => [group, ids[index] ?? '']));
  return groups
    .map((group): ResolvedPerson => ({
      entry: group.entry,
      nameKeys: group.nameKeys,
      ambiguousWith: group.ambiguousWith,
      canonicalName: canonicalOf(group),
      speakerId: group.entry?.speaker_id ?? idOf.get(group) ?? '',
    }))
    .sort((a, b) => compareText(a.speakerId, b.speakerId));
}

/** Links between names, and between names and registered people, that the rules allow; only names with one surname are compared. */
function linkNodes(nodes: ReadonlyMap<string, Node>): Map<string, Set<string>> {
  const blocks = new Map<string, Set<string>>();
  const addToBlock = (surnameKey: string, id: string) => surnameKey && blocks.set(surnameKey, (blocks.get(surnameKey) ?? new Set()).add(id));
  for (const node of nodes.values()) {
    if (node.kind === 'name') addToBlock(node.name.surnameKey, node.id);
    else for (const form of node.forms) addToBlock(form.surnameKey, node.id);
  }
  const adjacency = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    adjacency.set(a, (adjacency.get(a) ?? new Set()).add(b));
    adjacency.set(b, (adjacency.get(b) ?? new Set()).add(a));
  };
  for (const block of blocks.values()) {
    const members = [...block].flatMap((id) => nodes.get(id) ?? []);
    for (const [index, a] of members.entries()) {
      for (const b of members.slice(index + 1)) {
        if (a.kind === 'entry' && b.kind === 'entry') continue;
        const [name, other] = a.kind === 'name' ? [a, b] : [b as Node & { kind: 'name' }, a];
        if (other.kind === 'name' ? compareNames(name.name, other.name).compatible : matchesEntry(name.name, other.forms)) link(a.id, b.id);
      }
    }
  }
  return adjacency;
}

/**
 * People from the names the documents give, deterministically from the set of names (never
 * their order). A name the registry lists is that person. Otherwise names are linked when the
 * rules say they can be one person (compareNames); a name linked to two people who cannot be
 * one (two registry entries, or two names the rules keep apart) is ambiguous and stands alone.
 * What remains links into groups whose names all match one another: each group is one person.
 */
export function resolvePeople(spellings: readonly PersonName[], registry: readonly PersonEntry[]): PeopleResolution {
  const spellingsByKey = new Map<string, PersonName[]>();
  for (const spelling of spellings) {
    const same = spellingsByKey.get(spelling.key);
    if (same) same.push(spelling);
    else spellingsByKey.set(spelling.key, [spelling]);
  }

  const nodes = new Map<string, Node>();
  const entryOfKey = new Map<string, string>();
  for (const entry of registry) {
    const forms = [entry.canonical_name, ...entry.aliases].flatMap((name) => parsePersonName(name) ?? []);
    const id = `entry:${entry.speaker_id}`;
    nodes.set(id, { kind: 'entry', id, entry, forms });
    for (const form of forms) entryOfKey.set(form.key, id);
  }
  const ownerOfKey = new Map<string, string>();
  for (const [key, [spelling]] of spellingsByKey) {
    const entry = entryOfKey.get(key);
    if (entry) ownerOfKey.set(key, entry);
    else if (spelling) nodes.set(`name:${key}`, { kind: 'name', id: `name:${key}`, name: spelling });
  }

  const adjacency = linkNodes(nodes);

  const ambiguous = new Set([...nodes.values()].filter((node) => node.kind === 'name' && neighboursConflict(node.id, adjacency, nodes)).map((node) => node.id));
  const components = new Components();
  for (const [a, neighbours] of adjacency) {
    if (ambiguous.has(a)) continue;
    for (const b of neighbours) if (!ambiguous.has(b)) components.join(a, b);
  }
  const members = new Map<string, string[]>();
  const keysOfNode = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  for (const [key, owner] of ownerOfKey) push(keysOfNode, owner, key);
  for (const node of nodes.values()) if (node.kind === 'name') keysOfNode.set(node.id, [node.name.key]);
  for (const id of nodes.keys()) push(members, ambiguous.has(id) ? id : components.find(id), id);

  const describe = (id: string) => {
    const node = nodes.get(id);
    return node?.kind === 'entry' ? node.entry.canonical_name : bestSpelling(spellingsByKey.get(node?.name.key ?? '')?.map((spelling) => spelling.written) ?? []);
  };
  const groups = [...members.values()].flatMap((ids): PersonGroup[] => {
    const entryNode = ids.map((id) => nodes.get(id)).find((node) => node?.kind === 'entry');
    const entry = entryNode?.kind === 'entry' ? entryNode.entry : null;
    const nameKeys = ids.flatMap((id) => keysOfNode.get(id) ?? []).sort(compareText);
    if (nameKeys.length === 0) return [];
    const [only] = ids;
    const ambiguousWith = ids.length === 1 && only && ambiguous.has(only) ? [...(adjacency.get(only) ?? [])].map(describe).sort(compareText) : [];
    const names = entry ? { short: entry.canonical_name, full: entry.canonical_name } : canonicalNamesOf(nameKeys.flatMap((key) => spellingsByKey.get(key) ?? []));
    return [{ entry, nameKeys, ambiguousWith, names }];
  });
  const people = namePeople(groups, registry);
  const byNameKey = new Map(people.flatMap((person) => person.nameKeys.map((key) => [key, person] as const)));
  return { byNameKey, people };
}
