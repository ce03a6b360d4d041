import { slugify } from '@callset/schema';
import { z } from 'zod';
import { parseFirmName } from './firm-name.ts';
import { normalizeExchange } from './company.ts';
import { parsePersonName } from './person-name.ts';

const text = z.string().trim().min(1);
const slug = z.string().refine((value) => value !== '' && value === slugify(value), 'a slug: lower-case words joined by "-"');

/** Why an entry is true: a document (path, document_id, the words it says) or a public source (address and what it says, in our words). */
export const evidenceSchema = z
  .strictObject({
    source: text,
    document_id: text.optional(),
    quote: text.optional(),
    note: text.optional(),
  })
  .refine((evidence) => evidence.quote !== undefined || evidence.note !== undefined, { message: 'evidence needs a quote or a note' });

export const personEntrySchema = z.strictObject({
  speaker_id: slug,
  canonical_name: text,
  aliases: z.array(text),
  evidence: z.array(evidenceSchema).min(1),
});

export const firmEntrySchema = z.strictObject({
  firm_id: slug,
  canonical_name: text,
  aliases: z.array(text),
  successor_firm_id: slug.nullable(),
  evidence: z.array(evidenceSchema).min(1),
});

export const companyEntrySchema = z.strictObject({
  company_id: slug,
  canonical_name: text,
  aliases: z.array(text),
  listings: z.array(z.strictObject({ exchange: text, ticker: text })),
  evidence: z.array(evidenceSchema).min(1),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type PersonEntry = z.infer<typeof personEntrySchema>;
export type FirmEntry = z.infer<typeof firmEntrySchema>;
export type CompanyEntry = z.infer<typeof companyEntrySchema>;

/** What no rule can know: people's other names, firms' other names and successors, companies' renames and listings. */
export interface EntityRegistry {
  people: PersonEntry[];
  firms: FirmEntry[];
  companies: CompanyEntry[];
}

export const EMPTY_REGISTRY: EntityRegistry = { people: [], firms: [], companies: [] };

/** `registry-proposals.json`: the people a build met that the registry does not hold, as entries ready to accept. */
export const proposalsSchema = z.strictObject({ people: z.array(personEntrySchema) });
export type RegistryProposals = z.infer<typeof proposalsSchema>;

/** Problems where one key (an id, a name, a listing) belongs to two different owners. */
function sharedKeys(entries: readonly { owner: string; key: string }[], what: string): string[] {
  const ownerOf = new Map<string, string>();
  const problems: string[] = [];
  for (const { owner, key } of entries) {
    const first = ownerOf.get(key);
    if (first === undefined) ownerOf.set(key, owner);
    else if (first !== owner) problems.push(`${what} ${JSON.stringify(key)} belongs to both ${first} and ${owner}`);
  }
  return problems;
}

function repeatedIds(ids: readonly string[], what: string): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index).map((id) => `${what} ${id} is used twice`);
}

/** The rules a registry must keep beyond each entry's shape: ids unique, every name owned by one entry, successors known. */
function crossCheck(registry: EntityRegistry): string[] {
  const problems: string[] = [];
  for (const person of registry.people) {
    const base = slugify(person.canonical_name);
    const suffix = person.speaker_id.startsWith(`${base}-`) ? person.speaker_id.slice(base.length + 1) : null;
    if (person.speaker_id !== base && !(suffix && /^[2-9]\d*$/.test(suffix))) {
      problems.push(`people: speaker_id ${person.speaker_id} is not the slug of ${JSON.stringify(person.canonical_name)} (${base}, or ${base}-2... when two people share it)`);
    }
  }
  problems.push(...repeatedIds(registry.people.map((person) => person.speaker_id), 'people: speaker_id'));
  const names = registry.people.flatMap((person) =>
    [person.canonical_name, ...person.aliases].flatMap((name) => {
      const parsed = parsePersonName(name);
      if (!parsed) problems.push(`people: ${person.speaker_id} has ${JSON.stringify(name)}, which is no name`);
      return parsed ? [{ owner: person.speaker_id, key: parsed.key }] : [];
    }),
  );
  problems.push(...sharedKeys(names, 'people: the name'));
  const organisations = [...registry.firms.map((firm) => ({ id: firm.firm_id, entry: firm })), ...registry.companies.map((company) => ({ id: company.company_id, entry: company }))];
  problems.push(...repeatedIds(organisations.map((organisation) => organisation.id), 'firms and companies: id'));
  const firmNames = organisations.flatMap(({ id, entry }) =>
    [entry.canonical_name, ...entry.aliases].flatMap((name) => {
      const key = parseFirmName(name)?.key;
      return key ? [{ owner: id, key }] : [];
    }),
  );
  problems.push(...sharedKeys(firmNames, 'firms and companies: the name'));
  const ids = new Set(organisations.map((organisation) => organisation.id));
  for (const firm of registry.firms) {
    if (firm.successor_firm_id !== null && (!ids.has(firm.successor_firm_id) || firm.successor_firm_id === firm.firm_id)) {
      problems.push(`firms: ${firm.firm_id} names successor ${firm.successor_firm_id}, which is not another entry`);
    }
  }
  const listings = registry.companies.flatMap((company) => company.listings.map((listing) => ({ owner: company.company_id, key: `${normalizeExchange(listing.exchange)}:${listing.ticker.toUpperCase()}` })));
  problems.push(...sharedKeys(listings, 'companies: the listing'));
  return problems;
}

/** Parses and checks the three registry files' contents; throws one error listing every problem. */
export function parseRegistry(files: { people: unknown; firms: unknown; companies: unknown }): EntityRegistry {
  const problems: string[] = [];
  const parse = <T>(name: string, schema: z.ZodType<T>, value: unknown): T[] => {
    const result = z.array(schema).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) problems.push(`${name}[${issue.path.join('.')}]: ${issue.message}`);
    return [];
  };
  const registry = {
    people: parse('people', personEntrySchema, files.people),
    firms: parse('firms', firmEntrySchema, files.firms),
    companies: parse('companies', companyEntrySchema, files.companies),
  };
  problems.push(...crossCheck(registry));
  if (problems.length > 0) throw new Error(`invalid entity registry:\n  ${problems.join('\n  ')}`);
  return registry;
}
