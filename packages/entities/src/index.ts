export { compareNames, couldBeSamePerson, parsePersonName, type NameComparison, type PersonName } from './person-name.ts';
export { firmSlug, parseFirmName, type FirmName } from './firm-name.ts';
export { normalizeExchange, resolveCompany, splitListing, type CompanyFacts, type ResolvedCompany } from './company.ts';
export { canonicalNamesOf, resolvePeople, type CanonicalNames, type PeopleResolution, type ResolvedPerson } from './resolve-people.ts';
export { resolveFirms, type FirmResolution } from './resolve-firms.ts';
export { resolveEntities, type EntityResolution, type ResolveOptions, type ResolvedMention, type SpeakerMention } from './resolve-entities.ts';
export {
  EMPTY_REGISTRY,
  parseRegistry,
  proposalsSchema,
  type CompanyEntry,
  type EntityRegistry,
  type Evidence,
  type FirmEntry,
  type PersonEntry,
  type RegistryProposals,
} from './registry.ts';
export { REGISTRY_DIR, acceptProposals, acceptProposalsFile, defaultRegistry, parseProposals, readRegistry, renderJson } from './registry-file.ts';
