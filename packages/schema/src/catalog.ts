import { z } from 'zod';
import { LICENSES, EVENT_TYPES } from './tables.ts';

/** What is known about a source from outside its text, keyed by the source's sha256. */
export const catalogEntrySchema = z.strictObject({
  file: z.string().min(1).optional(),
  company: z.string().min(1).optional(),
  ticker: z.string().min(1).optional(),
  exchange: z.string().min(1).optional(),
  event_type: z.enum(EVENT_TYPES).optional(),
  fiscal_year: z.int().min(1900).max(2200).optional(),
  fiscal_quarter: z.int().min(1).max(4).optional(),
  fiscal_year_end_month: z.int().min(1).max(12).optional(),
  event_date: z.iso.date().optional(),
  source_site: z.string().min(1).optional(),
  license: z.enum(LICENSES),
  title: z.string().min(1).optional(),
});

export const catalogSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/, 'catalog keys are sha256 hex digests'), catalogEntrySchema);

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type Catalog = z.infer<typeof catalogSchema>;

/** Each problem as `path: message`; a bad record key gives its own messages, not zod's generic "Invalid key". */
function describeIssues(issues: readonly z.core.$ZodIssue[], parent: readonly PropertyKey[] = []): string[] {
  return issues.flatMap((issue) => {
    const path = [...parent, ...issue.path];
    if (issue.code === 'invalid_key') return describeIssues(issue.issues, path);
    return [`${path.map((part) => JSON.stringify(String(part))).join(' > ') || 'the catalog'}: ${issue.message}`];
  });
}

export function parseCatalog(json: unknown): Catalog {
  const result = catalogSchema.safeParse(json);
  if (!result.success) throw new Error(`invalid catalog:\n  ${describeIssues(result.error.issues).join('\n  ')}`);
  return result.data;
}
