import type { FirmRow } from '@callset/schema';
import { assignIds, compareText } from './display.ts';
import { firmSlug, parseFirmName } from './firm-name.ts';
import type { EntityRegistry } from './registry.ts';

export interface FirmResolution {
  /** firm_id of each firm name as written; names with nothing firm-like have none. */
  idByName: Map<string, string>;
  /** Every firm named, and every successor of one, sorted by id. */
  firms: FirmRow[];
}

interface RegisteredFirm {
  id: string;
  canonicalName: string;
  successor: string | null;
}

/** Firms and companies of the registry by the key of each of their names. */
function registeredByKey(registry: EntityRegistry): { byKey: Map<string, RegisteredFirm>; byId: Map<string, RegisteredFirm> } {
  const entries: (RegisteredFirm & { names: string[] })[] = [
    ...registry.firms.map((firm) => ({ id: firm.firm_id, canonicalName: firm.canonical_name, successor: firm.successor_firm_id, names: [firm.canonical_name, ...firm.aliases] })),
    ...registry.companies.map((company) => ({ id: company.company_id, canonicalName: company.canonical_name, successor: null, names: [company.canonical_name, ...company.aliases] })),
  ];
  const byKey = new Map<string, RegisteredFirm>();
  for (const entry of entries) {
    for (const name of entry.names) {
      const key = parseFirmName(name)?.key;
      if (key) byKey.set(key, entry);
    }
  }
  return { byKey, byId: new Map(entries.map((entry) => [entry.id, entry])) };
}

/**
 * firm_id for every firm name the documents write (`mentions`: one per turn, repeats count).
 * A name whose key the registry holds is that firm; other names with one key are one firm,
 * shown by the display form written most often (ties: code-unit order), its id the slug of it.
 */
export function resolveFirms(mentions: readonly string[], registry: EntityRegistry): FirmResolution {
  const { byKey, byId } = registeredByKey(registry);
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention, (counts.get(mention) ?? 0) + 1);
  const keyOf = new Map<string, string>();
  const displays = new Map<string, Map<string, number>>();
  for (const [written, count] of counts) {
    const parsed = parseFirmName(written);
    if (!parsed) continue;
    keyOf.set(written, parsed.key);
    if (byKey.has(parsed.key)) continue;
    const forKey = displays.get(parsed.key) ?? new Map<string, number>();
    forKey.set(parsed.display, (forKey.get(parsed.display) ?? 0) + count);
    displays.set(parsed.key, forKey);
  }
  const unregistered = [...displays].map(([key, forKey]) => {
    const [display = key] = [...forKey].sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b)).map(([text]) => text);
    return { key, display };
  });
  const ids = assignIds(
    unregistered.map(({ key, display }) => ({ base: firmSlug(display) || 'firm', tieKey: key })),
    new Set(byId.keys()),
  );
  const firmOfKey = new Map<string, RegisteredFirm>(unregistered.map(({ key, display }, index) => [key, { id: ids[index] ?? '', canonicalName: display, successor: null }]));
  for (const [key, firm] of byKey) firmOfKey.set(key, firm);

  const idByName = new Map<string, string>();
  const rows = new Map<string, FirmRow>();
  const rowOf = (firm: RegisteredFirm): FirmRow => {
    const row = rows.get(firm.id) ?? { firm_id: firm.id, canonical_name: firm.canonicalName, aliases: [], successor_firm_id: firm.successor };
    rows.set(firm.id, row);
    return row;
  };
  for (const [written, key] of keyOf) {
    const firm = firmOfKey.get(key);
    if (!firm) continue;
    idByName.set(written, firm.id);
    rowOf(firm).aliases.push(written.trim().replace(/\s+/g, ' '));
  }
  // A successor is listed even when no document names it, so that successor_firm_id always points at a row.
  for (let pending = [...rows.values()]; pending.length > 0; ) {
    const successor = pending.pop()?.successor_firm_id;
    const firm = successor ? byId.get(successor) : undefined;
    if (firm && !rows.has(firm.id)) pending.push(rowOf(firm));
  }
  const firms = [...rows.values()]
    .map((row) => ({ ...row, aliases: [...new Set(row.aliases)].sort(compareText) }))
    .sort((a, b) => compareText(a.firm_id, b.firm_id));
  return { idByName, firms };
}
