import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY, readRegistry, resolveEntities, type EntityResolution, type SpeakerMention } from '../src/index.ts';
import { DOCUMENTS, SEED_SOURCES, seedTurns } from './seed-mentions.ts';

const registry = readRegistry();

/** speaker_id -> the names (as the documents write them) that resolved to it. */
function namesById(mentions: readonly SpeakerMention[], resolution: EntityResolution): Record<string, string[]> {
  const names: Record<string, Set<string>> = {};
  mentions.forEach((mention, index) => {
    const id = resolution.mentions[index]?.speakerId ?? 'missing';
    (names[id] ??= new Set()).add(mention.speakerName ?? '(no name)');
  });
  return Object.fromEntries(Object.entries(names).map(([id, set]) => [id, [...set].sort()]));
}

/** Every person of the seeds, as the rules and the committed registry resolve them. */
const SEED_PEOPLE: Record<string, string[]> = {
  'adam-jonas': ['Adam Jonas', 'Adam Michael Jonas'],
  'aditya-satghare': ['Aditya Satghare'],
  'alexander-potter': ['Alex Potter', 'Alexander Eugene Potter'],
  'amir-rozwadowski': ['Amir Rozwadowski'],
  'andrea-james': ['Andrea James'],
  'ashok-elluswamy': ['Ashok Elluswamy'],
  'ben-schuman': ['Ben Schuman'],
  'benjamin-kallo': ['Ben Kallo', 'Benjamin J. Kallo'],
  'brian-johnson': ['Brian Arthur Johnson'],
  'carter-driscoll': ['Carter Driscoll'],
  'colin-langan': ['Colin Langan'],
  'colin-rusch': ['Colin Rusch', 'Colin W. Rusch', 'Colin William Rusch'],
  'craig-irwin': ['Craig E. Irwin'],
  'dan-galves': ['Dan Galves'],
  'david-tamberrino': ['David J. Tamberrino'],
  'deepak-ahuja': ['Deepak Ahuja'],
  'elaine-kwei': ['Elaine Kwei'],
  'elon-musk': ['Elon Musk', 'Elon R. Musk'],
  'george-blankenship': ['George Blankenship'],
  'george-gianarikas': ['George Gianarikas'],
  'james-albertine': ['James J. Albertine', 'James Joseph Albertine'],
  'jeff-evanson': ['Jeff Evanson'],
  'jeffrey-straubel': ['Jeffrey B. Straubel'],
  'jesse-pichel': ['Jesse Pichel'],
  'john-lovallo': ['John Lovallo'],
  'jonathan-mcneill': ['Jonathan McNeill'],
  'lars-moravy': ['Lars Moravy'],
  'mark-delaney': ['Mark Delaney'],
  'martin-viecha': ['Martin Viecha'],
  'michael-lew': ['Michael Lew'],
  'patrick-archambault': ['Patrick Archambault'],
  'robert-cihra': ['Robert George Cihra'],
  'rod-lache': ['Rod Avraham Lache'],
  'ryan-brinkman': ['Ryan J. Brinkman'],
  'sanjay-shrestha': ['Sanjay Shrestha'],
  'shreyas-patil': ['Shreyas Patil'],
  'toni-sacconaghi': ['A.M. Sacconaghi', 'Tony Sacconaghi'],
  'vaibhav-taneja': ['Vaibhav Taneja'],
};

const SEED_PLACEHOLDERS: Record<string, string[]> = {
  [`operator@${DOCUMENTS.capiq2017}`]: ['Operator'],
  [`operator@${DOCUMENTS.seekingAlpha2012}`]: ['Operator'],
  [`operator@${DOCUMENTS.markdown2013}`]: ['Operator'],
  [`unknown@${DOCUMENTS.markdown2013}`]: ['(no name)'],
  [`unknown@${DOCUMENTS.motleyFool2024}`]: ['Unknown speaker'],
  [`forum-member@${DOCUMENTS.forum}`]: ['(no name)'],
};

describe('resolveEntities on the seeds', () => {
  const turns = seedTurns();

  it('with an empty registry, joins by rules alone every spelling that differs by initials, middle names or given-name variants', () => {
    const { 'toni-sacconaghi': sacconaghi, ...byRules } = SEED_PEOPLE;
    expect(sacconaghi).toEqual(['A.M. Sacconaghi', 'Tony Sacconaghi']);
    expect(namesById(turns, resolveEntities(turns, { registry: EMPTY_REGISTRY }))).toEqual({
      ...byRules,
      'a-m-sacconaghi': ['A.M. Sacconaghi'],
      'tony-sacconaghi': ['Tony Sacconaghi'],
      ...SEED_PLACEHOLDERS,
    });
  });

  it('with an empty registry, joins spellings that differ only by case and punctuation', () => {
    const shouted: SpeakerMention[] = [
      { documentId: 'd9', speakerLabel: 'ELON MUSK', speakerName: 'ELON MUSK', speakerType: 'executive', speakerOrg: 'TESLA INC' },
      { documentId: 'd9', speakerLabel: 'jonathan mcneill.', speakerName: 'jonathan mcneill.', speakerType: 'executive', speakerOrg: 'Tesla Inc' },
    ];
    const resolution = resolveEntities([...turns, ...shouted], { registry: EMPTY_REGISTRY });
    expect(resolution.mentions.slice(-2)).toEqual([
      { speakerId: 'elon-musk', speakerName: 'Elon Musk', firmId: 'tesla' },
      { speakerId: 'jonathan-mcneill', speakerName: 'Jonathan McNeill', firmId: 'tesla' },
    ]);
  });

  it('with the registry, gives every person one speaker_id, never one to two people, and placeholders per document', () => {
    const resolution = resolveEntities(turns, { registry });
    expect(namesById(turns, resolution)).toEqual({ ...SEED_PEOPLE, ...SEED_PLACEHOLDERS });
    expect(resolution.issues).toEqual([]);
    expect(resolution.speakers.filter((speaker) => !speaker.is_person).map((speaker) => [speaker.speaker_id, speaker.canonical_name, speaker.speaker_type])).toEqual([
      [`forum-member@${DOCUMENTS.forum}`, 'Forum member', 'forum_member'],
      [`operator@${DOCUMENTS.capiq2017}`, 'Operator', 'operator'],
      [`operator@${DOCUMENTS.seekingAlpha2012}`, 'Operator', 'operator'],
      [`operator@${DOCUMENTS.markdown2013}`, 'Operator', 'operator'],
      [`unknown@${DOCUMENTS.motleyFool2024}`, 'Unknown speaker', 'unknown'],
      [`unknown@${DOCUMENTS.markdown2013}`, 'Unknown speaker', 'unknown'],
    ]);
  });

  it('lists every alias and firm of a speaker, and the usual type of one whose role changed', () => {
    const speakers = new Map(resolveEntities(turns, { registry }).speakers.map((speaker) => [speaker.speaker_id, speaker]));
    // An analyst at Redburn in 2017 (5 turns), Tesla's head of investor relations in 2024 (23 turns).
    expect(speakers.get('martin-viecha')).toEqual({
      speaker_id: 'martin-viecha',
      canonical_name: 'Martin Viecha',
      is_person: true,
      aliases: ['Martin Viecha'],
      speaker_type: 'executive',
      firm_ids: ['redburn', 'tesla'],
    });
    expect(speakers.get('toni-sacconaghi')).toEqual({
      speaker_id: 'toni-sacconaghi',
      canonical_name: 'Toni Sacconaghi',
      is_person: true,
      aliases: ['A.M. Sacconaghi', 'Tony Sacconaghi -- AllianceBernstein -- Analyst'],
      speaker_type: 'analyst',
      firm_ids: ['bernstein'],
    });
    expect(speakers.get('colin-rusch')).toEqual({
      speaker_id: 'colin-rusch',
      canonical_name: 'Colin Rusch',
      is_person: true,
      aliases: ['Colin Rusch -- Oppenheimer and Company -- Analyst', 'Colin W. Rusch - Northland Capital Markets, Research Division', 'Colin William Rusch'],
      speaker_type: 'analyst',
      firm_ids: ['northland-capital-markets', 'oppenheimer'],
    });
  });

  it('gives each firm one firm_id with every variant written, and links renamed firms to their successors', () => {
    const firms = resolveEntities(turns, { registry }).firms;
    expect(firms.map((firm) => [firm.firm_id, firm.canonical_name, firm.aliases, firm.successor_firm_id])).toEqual([
      ['barclays', 'Barclays', ['Barclays', 'Barclays Capital, Research Division', 'Barclays PLC, Research Division'], null],
      ['bernstein', 'Bernstein', ['AllianceBernstein', 'Sanford C. Bernstein & Co., LLC., Research Division'], null],
      ['bofa-securities', 'BofA Securities', [], null],
      ['canaccord-genuity', 'Canaccord Genuity', ['Canaccord Genuity'], null],
      ['capstone-investments', 'Capstone Investments', ['Capstone Investments'], null],
      ['consumer-edge-research', 'Consumer Edge Research', ['Consumer Edge Research, LLC'], null],
      ['deutsche-bank', 'Deutsche Bank', ['Deutsche Bank', 'Deutsche Bank AG, Research Division'], null],
      ['dougherty', 'Dougherty', ['Dougherty & Company', 'Dougherty & Company LLC, Research Division'], null],
      ['fbr-capital-markets', 'FBR Capital Markets', ['FBR Capital Markets & Co., Research Division'], null],
      ['goldman-sachs', 'Goldman Sachs', ['Goldman Sachs', 'Goldman Sachs Group Inc., Research Division'], null],
      ['guggenheim-securities', 'Guggenheim Securities', ['Guggenheim Securities, LLC, Research Division'], null],
      ['jefferies', 'Jefferies', ['Jefferies', 'Jefferies LLC, Research Division'], null],
      ['jp-morgan-chase', 'JP Morgan Chase', ['JP Morgan Chase & Co, Research Division'], null],
      ['lazard-capital-markets', 'Lazard Capital Markets', ['Lazard Capital Markets'], null],
      ['merrill-lynch', 'Merrill Lynch', ['BofA Merrill Lynch, Research Division', 'Merrill Lynch'], 'bofa-securities'],
      ['morgan-stanley', 'Morgan Stanley', ['Morgan Stanley', 'Morgan Stanley, Research Division'], null],
      ['needham', 'Needham', ['Needham'], null],
      ['northland-capital-markets', 'Northland Capital Markets', ['Northland Capital Markets, Research Division'], null],
      ['oppenheimer', 'Oppenheimer', ['Oppenheimer & Co. Inc., Research Division', 'Oppenheimer and Company'], null],
      ['pacific-crest-securities', 'Pacific Crest Securities', ['Pacific Crest Securities'], null],
      ['piper-jaffray', 'Piper Jaffray', ['Piper Jaffray Companies, Research Division'], 'piper-sandler'],
      ['piper-sandler', 'Piper Sandler', ['Piper Sandler'], null],
      ['redburn', 'Redburn', ['Redburn (Europe) Limited, Research Division'], null],
      ['robert-w-baird', 'Robert W. Baird', ['Robert W. Baird', 'Robert W. Baird & Co. Incorporated, Research Division'], null],
      ['stifel-nicolaus', 'Stifel, Nicolaus', ['Stifel, Nicolaus & Company, Incorporated, Research Division'], null],
      ['tesla', 'Tesla, Inc.', ['Tesla', 'Tesla Motors', 'Tesla, Inc.'], null],
      ['ubs-investment-bank', 'UBS Investment Bank', ['UBS Investment Bank, Research Division'], null],
      ['wedbush-securities', 'Wedbush Securities', ['Wedbush Securities Inc., Research Division'], null],
      ['wolfe-research', 'Wolfe Research', ['Wolfe Research'], null],
    ]);
  });

  it('proposes the people the registry does not hold, citing a label per document', () => {
    const { proposals } = resolveEntities(turns, { registry, sources: SEED_SOURCES });
    expect(proposals.people).toHaveLength(Object.keys(SEED_PEOPLE).length - 1);
    expect(proposals.people.map((person) => person.speaker_id)).not.toContain('toni-sacconaghi');
    expect(proposals.people.find((person) => person.speaker_id === 'benjamin-kallo')).toEqual({
      speaker_id: 'benjamin-kallo',
      canonical_name: 'Benjamin Kallo',
      aliases: ['Ben Kallo', 'Benjamin J. Kallo'],
      evidence: [
        { source: 'seeds/001_b1b0479d018b9915.txt', document_id: DOCUMENTS.seekingAlpha2012, quote: 'Ben Kallo - Robert W. Baird' },
        { source: 'seeds/002_77d29d239d22e634.txt', document_id: DOCUMENTS.markdown2013, quote: 'Benjamin J. Kallo - Robert W. Baird & Co. Incorporated, Research Division' },
      ],
    });
  });
});

describe('resolveEntities on placeholders', () => {
  it('gives operators, unnamed speakers and forum members one id per document, never a person', () => {
    const mentions: SpeakerMention[] = [
      { documentId: 'd1', speakerLabel: 'Unidentified Analyst', speakerName: 'Unidentified Analyst', speakerType: 'analyst', speakerOrg: null },
      { documentId: 'd1', speakerLabel: 'Unknown speaker', speakerName: 'Unknown speaker', speakerType: 'unknown', speakerOrg: null },
      { documentId: 'd1', speakerLabel: 'Operator', speakerName: 'Operator', speakerType: 'executive', speakerOrg: null },
      { documentId: 'd2', speakerLabel: 'Operator', speakerName: 'Operator', speakerType: 'operator', speakerOrg: null },
      { documentId: 'd3', speakerLabel: 'roadster_fan', speakerName: 'roadster_fan', speakerType: 'forum_member', speakerOrg: null },
      { documentId: 'd3', speakerLabel: 'Elon Musk', speakerName: 'Elon Musk', speakerType: 'forum_member', speakerOrg: null },
      { documentId: 'd3', speakerLabel: null, speakerName: '—', speakerType: 'unknown', speakerOrg: null },
    ];
    const resolution = resolveEntities(mentions, { registry });
    expect(resolution.mentions.map((resolved) => [resolved.speakerId, resolved.speakerName])).toEqual([
      ['unknown@d1', null],
      ['unknown@d1', null],
      ['operator@d1', null],
      ['operator@d2', null],
      ['forum-member@d3', null],
      ['forum-member@d3', null],
      ['unknown@d3', null],
    ]);
    expect(resolution.speakers).toEqual([
      { speaker_id: 'forum-member@d3', canonical_name: 'Forum member', is_person: false, aliases: ['Elon Musk', 'roadster_fan'], speaker_type: 'forum_member', firm_ids: [] },
      { speaker_id: 'operator@d1', canonical_name: 'Operator', is_person: false, aliases: ['Operator'], speaker_type: 'executive', firm_ids: [] },
      { speaker_id: 'operator@d2', canonical_name: 'Operator', is_person: false, aliases: ['Operator'], speaker_type: 'operator', firm_ids: [] },
      { speaker_id: 'unknown@d1', canonical_name: 'Unknown speaker', is_person: false, aliases: ['Unidentified Analyst', 'Unknown speaker'], speaker_type: 'analyst', firm_ids: [] },
      { speaker_id: 'unknown@d3', canonical_name: 'Unknown speaker', is_person: false, aliases: [], speaker_type: 'unknown', firm_ids: [] },
    ]);
    expect(resolution.proposals.people).toEqual([]);
  });
});

describe('resolveEntities on names the rules cannot settle', () => {
  const mention = (documentId: string, speakerName: string, charStart = 0): SpeakerMention => ({
    documentId,
    speakerLabel: speakerName,
    speakerName,
    speakerType: 'analyst',
    speakerOrg: null,
    charStart,
    charEnd: charStart + speakerName.length,
  });
  const mentions = [mention('d1', 'Colin W. Rusch', 10), mention('d2', 'Colin X. Rusch', 20), mention('d3', 'Colin Rusch', 30), mention('d3', 'Colin Rusch', 90), mention('d4', 'Colin Rusch', 5)];

  it('keeps a name that matches two people apart and reports it in each document, never guessing', () => {
    const resolution = resolveEntities(mentions, { registry: EMPTY_REGISTRY });
    expect(resolution.mentions.map((resolved) => resolved.speakerId)).toEqual(['colin-w-rusch', 'colin-x-rusch', 'colin-rusch', 'colin-rusch', 'colin-rusch']);
    const message = '"Colin Rusch" can be any of "Colin W. Rusch", "Colin X. Rusch" by the name rules; kept apart as colin-rusch until the person registry says who it is';
    expect(resolution.issues).toEqual([
      { document_id: 'd3', stage: 'normalize', code: 'speaker/ambiguous', severity: 'warn', char_start: 30, char_end: 41, message },
      { document_id: 'd4', stage: 'normalize', code: 'speaker/ambiguous', severity: 'warn', char_start: 5, char_end: 16, message },
    ]);
    expect(resolution.proposals.people.map((person) => person.speaker_id)).toEqual(['colin-w-rusch', 'colin-x-rusch']);
  });

  it('follows the registry where it lists the ambiguous spelling', () => {
    const evidence = [{ source: 'test', note: 'hand-written case' }];
    const withAlias = { ...EMPTY_REGISTRY, people: [{ speaker_id: 'colin-rusch', canonical_name: 'Colin Rusch', aliases: ['Colin W. Rusch'], evidence }] };
    const resolution = resolveEntities(mentions, { registry: withAlias });
    expect(resolution.mentions.map((resolved) => resolved.speakerId)).toEqual(['colin-rusch', 'colin-x-rusch', 'colin-rusch', 'colin-rusch', 'colin-rusch']);
    expect(resolution.issues).toEqual([]);
  });

  it('names two people who share a given name and surname by their middle names, the registry keeping its id', () => {
    const evidence = [{ source: 'test', note: 'hand-written case' }];
    const withEntry = { ...EMPTY_REGISTRY, people: [{ speaker_id: 'john-smith', canonical_name: 'John Smith', aliases: ['John A. Smith'], evidence }] };
    const resolution = resolveEntities([mention('d1', 'John A. Smith'), mention('d2', 'John B. Smith'), mention('d3', 'Johnny B. Smith')], { registry: withEntry });
    expect(resolution.mentions.map((resolved) => [resolved.speakerId, resolved.speakerName])).toEqual([
      ['john-smith', 'John Smith'],
      ['john-b-smith', 'John B. Smith'],
      ['john-b-smith', 'John B. Smith'],
    ]);
  });
});
