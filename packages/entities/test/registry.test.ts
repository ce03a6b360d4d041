import { describe, expect, it } from 'vitest';
import { acceptProposals, parseRegistry, readRegistry, resolveEntities } from '../src/index.ts';
import { SEED_SOURCES, seedTurns } from './seed-mentions.ts';

const registry = readRegistry();
const evidence = [{ source: 'test', note: 'hand-written case' }];

describe('the committed registry', () => {
  it('validates, and holds only what no rule can know', () => {
    expect(registry.people.map((person) => [person.speaker_id, person.aliases])).toEqual([['toni-sacconaghi', ['A.M. Sacconaghi', 'Tony Sacconaghi']]]);
    expect(registry.firms.map((firm) => [firm.firm_id, firm.successor_firm_id])).toEqual([
      ['barclays', null],
      ['bernstein', null],
      ['bofa-securities', null],
      ['merrill-lynch', 'bofa-securities'],
      ['piper-jaffray', 'piper-sandler'],
      ['piper-sandler', null],
    ]);
    expect(registry.companies.map((company) => [company.company_id, company.aliases, company.listings])).toEqual([['tesla', ['Tesla Motors'], [{ exchange: 'NASDAQ', ticker: 'TSLA' }]]]);
    for (const entry of [...registry.people, ...registry.firms, ...registry.companies]) expect(entry.evidence.length).toBeGreaterThan(0);
  });
});

describe('parseRegistry', () => {
  it('lists every problem: shape, ids, names owned twice, unknown successors, listings owned twice', () => {
    const bad = {
      people: [
        { speaker_id: 'toni-sacconaghi', canonical_name: 'Toni Sacconaghi', aliases: ['Tony Sacconaghi'], evidence },
        { speaker_id: 'tony', canonical_name: 'Anthony Sacconaghi', aliases: ['tony sacconaghi'], evidence },
        { speaker_id: 'nobody', canonical_name: 'Nobody', aliases: [], evidence: [] },
      ],
      firms: [{ firm_id: 'piper-jaffray', canonical_name: 'Piper Jaffray', aliases: [], successor_firm_id: 'piper-sandler', evidence }],
      companies: [
        { company_id: 'tesla', canonical_name: 'Tesla, Inc.', aliases: [], listings: [{ exchange: 'NasdaqGS', ticker: 'TSLA' }], evidence },
        { company_id: 'tesla-motors', canonical_name: 'Tesla Motors', aliases: [], listings: [{ exchange: 'NASDAQ', ticker: 'tsla' }], evidence: [{ source: 'x' }] },
      ],
    };
    expect(() => parseRegistry(bad)).toThrow(
      [
        'invalid entity registry:',
        '  people[2.evidence]: Too small: expected array to have >=1 items',
        '  companies[1.evidence.0]: evidence needs a quote or a note',
      ].join('\n'),
    );
    expect(() => parseRegistry({ ...bad, people: bad.people.slice(0, 2), companies: [bad.companies[0], { ...bad.companies[1], evidence }] })).toThrow(
      [
        'invalid entity registry:',
        '  people: speaker_id tony is not the slug of "Anthony Sacconaghi" (anthony-sacconaghi, or anthony-sacconaghi-2... when two people share it)',
        '  people: the name "tony sacconaghi" belongs to both toni-sacconaghi and tony',
        '  firms: piper-jaffray names successor piper-sandler, which is not another entry',
        '  companies: the listing "NASDAQ:TSLA" belongs to both tesla and tesla-motors',
      ].join('\n'),
    );
  });
});

describe('acceptProposals', () => {
  const turns = seedTurns();

  it('merges a build’s proposals so that the next build changes no id and proposes nobody', () => {
    const before = resolveEntities(turns, { registry, sources: SEED_SOURCES });
    const accepted = acceptProposals(registry, before.proposals);
    expect(accepted.added).toEqual(before.proposals.people.map((person) => person.speaker_id));
    expect(accepted.extended).toEqual([]);
    const after = resolveEntities(turns, { registry: { ...registry, people: accepted.people }, sources: SEED_SOURCES });
    expect(after.mentions).toEqual(before.mentions);
    expect(after.speakers).toEqual(before.speakers);
    expect(after.proposals.people).toEqual([]);
    const again = acceptProposals({ ...registry, people: accepted.people }, before.proposals);
    expect([again.added, again.extended, again.people]).toEqual([[], [], accepted.people]);
  });

  it('extends a registered person with a proposal’s new aliases and evidence', () => {
    const proposal = { speaker_id: 'toni-sacconaghi', canonical_name: 'Toni Sacconaghi', aliases: ['Antonio M. Sacconaghi', 'Tony Sacconaghi'], evidence };
    const result = acceptProposals(registry, { people: [proposal] });
    expect(result.extended).toEqual(['toni-sacconaghi']);
    expect(result.people[0]?.aliases).toEqual(['A.M. Sacconaghi', 'Tony Sacconaghi', 'Antonio M. Sacconaghi']);
    expect(result.people[0]?.evidence.at(-1)).toEqual(evidence[0]);
  });

  it('refuses a proposal that gives a registered name to someone else', () => {
    const proposal = { speaker_id: 'tony-sacconaghi', canonical_name: 'Tony Sacconaghi', aliases: [], evidence };
    expect(() => acceptProposals(registry, { people: [proposal] })).toThrow('people: the name "tony sacconaghi" belongs to both toni-sacconaghi and tony-sacconaghi');
  });
});
