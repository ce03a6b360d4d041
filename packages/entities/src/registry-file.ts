/** The registry's files: read by every build, written only by `callset registry accept`. */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareText } from './display.ts';
import { parseRegistry, proposalsSchema, type EntityRegistry, type PersonEntry, type RegistryProposals } from './registry.ts';

/** packages/entities/registry/: people.json, firms.json, companies.json. */
export const REGISTRY_DIR = fileURLToPath(new URL('../registry/', import.meta.url));

const FILES = { people: 'people.json', firms: 'firms.json', companies: 'companies.json' } as const;

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}

export function readRegistry(dir = REGISTRY_DIR): EntityRegistry {
  return parseRegistry({
    people: readJson(join(dir, FILES.people)),
    firms: readJson(join(dir, FILES.firms)),
    companies: readJson(join(dir, FILES.companies)),
  });
}

let committed: EntityRegistry | undefined;

/** The registry committed with the code, read once per process. */
export function defaultRegistry(): EntityRegistry {
  committed ??= readRegistry();
  return committed;
}

/** JSON as the registry files and proposals are written: two-space indent, final newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function parseProposals(json: unknown, path: string): RegistryProposals {
  const result = proposalsSchema.safeParse(json);
  if (!result.success) throw new Error(`${path} is not a registry proposals file: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return result.data;
}

export interface AcceptResult {
  people: PersonEntry[];
  added: string[];
  extended: string[];
}

/**
 * Proposals merged into the registry's people: a new id is added; an id the registry holds gets
 * the proposal's other aliases and evidence. The result must still be a valid registry.
 */
export function acceptProposals(registry: EntityRegistry, proposals: RegistryProposals): AcceptResult {
  const people = new Map(registry.people.map((person) => [person.speaker_id, person]));
  const added: string[] = [];
  const extended: string[] = [];
  for (const proposal of proposals.people) {
    const existing = people.get(proposal.speaker_id);
    if (!existing) {
      people.set(proposal.speaker_id, proposal);
      added.push(proposal.speaker_id);
      continue;
    }
    const aliases = [...new Set([...existing.aliases, ...proposal.aliases.filter((alias) => alias !== existing.canonical_name)])];
    const seen = new Set(existing.evidence.map((evidence) => JSON.stringify(evidence)));
    const evidence = [...existing.evidence, ...proposal.evidence.filter((item) => !seen.has(JSON.stringify(item)))];
    if (aliases.length !== existing.aliases.length || evidence.length !== existing.evidence.length) {
      people.set(proposal.speaker_id, { ...existing, aliases, evidence });
      extended.push(proposal.speaker_id);
    }
  }
  const merged = [...people.values()].sort((a, b) => compareText(a.speaker_id, b.speaker_id));
  parseRegistry({ ...registry, people: merged });
  return { people: merged, added, extended };
}

/** `callset registry accept`: reads the proposals and the registry, writes people.json. */
export async function acceptProposalsFile(proposalsPath: string, dir = REGISTRY_DIR): Promise<Omit<AcceptResult, 'people'>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(proposalsPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${proposalsPath}: ${(error as Error).message}`);
  }
  const result = acceptProposals(readRegistry(dir), parseProposals(json, proposalsPath));
  await writeFile(join(dir, FILES.people), renderJson(result.people));
  return { added: result.added, extended: result.extended };
}
