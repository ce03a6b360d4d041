import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '@callset/schema';
import { describe, expect, it } from 'vitest';
import { readGoldDocument, type GoldDocument } from '../src/gold-format.ts';
import { capturedIo } from '../src/io.ts';
import { main } from '../src/main.ts';
import { samePersonByEntities } from '../src/commands/eval.ts';
import { alignTurns, ratesOf, scoreDocument, speakerAgrees, type ScoredUtterance } from '../src/score-gold.ts';


const utterance = (seq: number, speaker_name: string | null, speaker_type: ScoredUtterance['speaker_type'], section: ScoredUtterance['section'], text: string): ScoredUtterance => ({
  utterance_id: `u${seq}`,
  seq,
  speaker_name,
  speaker_type,
  section,
  text,
});

const gold = (turns: GoldDocument['turns'], figures?: GoldDocument['figures']): GoldDocument => ({ source_file: 'a.txt', source_sha256: '0'.repeat(64), turns, ...(figures ? { figures } : {}) });

describe('alignTurns', () => {
  it('pairs turns in order by normalized first words, skipping a missing and an extra turn', () => {
    const pairs = alignTurns(
      [{ first_words: 'Good day, ladies and gentlemen.' }, { first_words: 'Thank you -- operator.' }, { first_words: 'Yes.' }, { first_words: 'Our first question' }],
      [{ text: 'GOOD DAY ladies and gentlemen, welcome.' }, { text: 'Yes.' }, { text: 'Something the gold lacks.' }, { text: 'Our first question comes from Ann.' }],
    );
    expect(pairs).toEqual([
      [0, 0],
      [2, 1],
      [3, 3],
    ]);
  });

  it('compares only as many words as the gold gives, at most eight', () => {
    expect(alignTurns([{ first_words: 'Yes.' }], [{ text: 'Yes. And more besides.' }])).toEqual([[0, 0]]);
    expect(alignTurns([{ first_words: 'one two three four five six seven eight nine' }], [{ text: 'one two three four five six seven eight ten' }])).toEqual([[0, 0]]);
    expect(alignTurns([{ first_words: 'Yes, and more.' }], [{ text: 'Yes.' }])).toEqual([]);
  });
});

describe('speakerAgrees', () => {
  it('reads Operator and unknown as placeholders, names after normalization', () => {
    expect(speakerAgrees({ speaker: 'Operator' }, { speaker_name: null, speaker_type: 'operator' })).toBe(true);
    expect(speakerAgrees({ speaker: 'Operator' }, { speaker_name: 'Operator', speaker_type: 'unknown' })).toBe(false);
    expect(speakerAgrees({ speaker: 'unknown' }, { speaker_name: null, speaker_type: 'unknown' })).toBe(true);
    expect(speakerAgrees({ speaker: 'unknown' }, { speaker_name: 'Unknown speaker', speaker_type: 'unknown' })).toBe(false);
    expect(speakerAgrees({ speaker: 'Elon R. Musk' }, { speaker_name: 'elon r musk', speaker_type: 'executive' })).toBe(true);
    expect(speakerAgrees({ speaker: 'Elon R. Musk' }, { speaker_name: 'Elon Musk', speaker_type: 'executive' })).toBe(false);
  });

  it('meets canonical names through the entity rules and registry in the eval command', () => {
    const musk = { speaker_name: 'Elon Musk', speaker_type: 'executive' } as const;
    expect(speakerAgrees({ speaker: 'Elon R. Musk' }, musk, samePersonByEntities)).toBe(true);
    expect(speakerAgrees({ speaker: 'A.M. Sacconaghi' }, { speaker_name: 'Toni Sacconaghi', speaker_type: 'analyst' }, samePersonByEntities)).toBe(true);
    expect(speakerAgrees({ speaker: 'Colin Langan' }, { speaker_name: 'Colin Rusch', speaker_type: 'analyst' }, samePersonByEntities)).toBe(false);
    expect(speakerAgrees({ speaker: 'Kimbal Musk' }, musk, samePersonByEntities)).toBe(false);
  });
});

describe('scoreDocument', () => {
  it('counts matches, speaker, type and section agreement, and lists each disagreement', () => {
    const score = scoreDocument(
      gold([
        { speaker: 'Operator', speaker_type: 'operator', section: 'presentation', first_words: 'Welcome to the call.' },
        { speaker: 'Ann Hill', speaker_type: 'executive', section: 'presentation', first_words: 'Results were fine.' },
        { speaker: 'Bo Diaz', speaker_type: 'analyst', section: 'qa', first_words: 'What about costs?' },
        { speaker: 'Ann Hill', speaker_type: 'executive', section: 'qa', first_words: 'Lower.' },
      ]),
      [
        utterance(0, null, 'operator', 'presentation', 'Welcome to the call.'),
        utterance(1, 'Ann Hill', 'executive', 'presentation', 'Results were fine.'),
        utterance(2, 'Bo Diaz', 'unknown', 'presentation', 'What about costs?\nLower.'),
      ],
      [],
    );
    expect(score.counts).toMatchObject({ gold: 4, release: 3, matched: 3, speakerAgrees: 3, typeAgrees: 2, sectionAgrees: 2 });
    expect(score.disagreements).toEqual([
      { kind: 'speaker_type', goldIndex: 2, seq: 2, expected: 'analyst', found: 'unknown' },
      { kind: 'section', goldIndex: 2, seq: 2, expected: 'qa', found: 'presentation' },
      { kind: 'missing', goldIndex: 3, seq: null, expected: 'Ann Hill: Lower.', found: null },
    ]);
    const rates = ratesOf(score.counts);
    expect([rates.precision, rates.recall, rates.speaker, rates.speakerType, rates.section]).toEqual([1, 0.75, 1, 2 / 3, 2 / 3]);
    expect(rates.f1).toBeCloseTo(6 / 7, 12);
  });

  it('finds gold figures in their matched utterance by surface and checks value and unit', () => {
    const score = scoreDocument(
      gold(
        [{ speaker: 'Ann Hill', speaker_type: 'executive', section: 'presentation', first_words: 'Revenue was $5 million' }],
        [
          { turn: 0, surface: '$5 million', value: 5_000_000, unit: 'USD' },
          { turn: 0, surface: '12%', value: 12, unit: 'percent' },
          { turn: 0, surface: '3 weeks', value: 3, unit: 'duration' },
        ],
      ),
      [utterance(0, 'Ann Hill', 'executive', 'presentation', 'Revenue was $5 million, up 12% in 3 weeks.')],
      [
        { utterance_id: 'u0', surface: '$5 million', value: 5_000_000, unit: 'USD' },
        { utterance_id: 'u0', surface: '12%', value: 0.12, unit: 'percent' },
      ],
    );
    expect(score.counts).toMatchObject({ goldFigures: 3, figuresFound: 2, figuresAgree: 1 });
    expect(score.disagreements.map((d) => [d.kind, d.expected, d.found])).toEqual([
      ['figure', '12% = 12 percent', '0.12 percent'],
      ['figure', '3 weeks', null],
    ]);
  });
});

describe('readGoldDocument', () => {
  it('names the first problem with its path', () => {
    const base = { source_file: 'a.txt', source_sha256: 'a'.repeat(64), turns: [{ speaker: 'Ann', speaker_type: 'executive', section: 'qa', first_words: 'Hello there.' }] };
    expect('document' in readGoldDocument(base)).toBe(true);
    expect(readGoldDocument({ ...base, turns: [{ ...base.turns[0], section: 'prepared' }] })).toMatchObject({ problem: expect.stringContaining('turns.0.section') });
    expect(readGoldDocument({ ...base, turns: [{ ...base.turns[0], first_words: ' -- ' }] })).toEqual({ problem: 'turns.0.first_words: first_words holds no word' });
    expect(readGoldDocument({ ...base, figures: [{ turn: 1, surface: '5%' }] })).toEqual({ problem: 'figures.0.turn: turn 1 does not exist' });
  });
});

describe('callset eval', () => {
  it('is in the help, and its usage errors exit 2', async () => {
    const help = capturedIo();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.stdout).toContain('callset eval --gold DIR [--release DIR] [--details]');
    for (const [args, message] of [
      [['eval'], 'eval needs --gold DIR'],
      [['eval', '--gold', 'g', 'extra'], 'eval takes no positional arguments, not "extra"'],
      [['eval', '--gold', 'g', '--bogus'], "Unknown option '--bogus'"],
    ] as const) {
      const io = capturedIo();
      expect([args, await main([...args], io)]).toEqual([args, 2]);
      expect(io.stderr).toContain(message);
    }
  });

  it('scores a built release against a gold folder and prints per document and overall', async () => {
    const root = await mkdtemp(join(tmpdir(), 'callset-eval-'));
    const transcript = [
      'Gamma Foods (NASDAQ:GMF) Q2 2021 Earnings Call February 3, 2021 5:00 PM ET',
      'Executives',
      'Sam Reed – CEO',
      'Analysts',
      'Lee Chan – Orbit Research',
      'Operator',
      'Welcome to the call.',
      'Sam Reed',
      'Results were fine.',
      'Question-and-Answer Session',
      'Operator',
      'Our first question comes from Lee Chan.',
      'Lee Chan – Orbit Research',
      'What about costs?',
      'Sam Reed',
      'Lower.',
      '',
    ].join('\n');
    await mkdir(join(root, 'in'));
    await mkdir(join(root, 'gold'));
    await writeFile(join(root, 'in', 'gamma.txt'), transcript);
    expect(await main(['build', '--input', join(root, 'in'), '--output', join(root, 'out'), '--workers', '1'], capturedIo())).toBe(0);
    const turns = [
      { speaker: 'Operator', speaker_type: 'operator', section: 'presentation', first_words: 'Welcome to the call.' },
      { speaker: 'Sam Reed', speaker_type: 'executive', section: 'qa', first_words: 'Results were fine.' },
      { speaker: 'Operator', speaker_type: 'operator', section: 'qa', first_words: 'Our first question comes from Lee Chan.' },
      { speaker: 'Lee Chan', speaker_type: 'analyst', section: 'qa', first_words: 'What about costs?' },
      { speaker: 'Sam Reed', speaker_type: 'executive', section: 'qa', first_words: 'Lower.' },
      { speaker: 'Sam Reed', speaker_type: 'executive', section: 'qa', first_words: 'A turn the release lacks.' },
    ];
    await writeFile(join(root, 'gold', 'gamma.json'), JSON.stringify({ source_file: 'gamma.txt', source_sha256: sha256Hex(transcript), turns }));
    await writeFile(join(root, 'gold', 'absent.json'), JSON.stringify({ source_file: 'absent.txt', source_sha256: 'f'.repeat(64), turns: turns.slice(0, 1) }));
    await writeFile(join(root, 'gold', 'README.md'), 'not a gold file');
    const io = capturedIo();
    expect(await main(['eval', '--gold', join(root, 'gold'), '--release', join(root, 'out', 'next'), '--details'], io)).toBe(0);
    expect(io.stdout.split('\n')).toEqual([
      'document     gold release matched     P     R    F1 speaker    type section',
      'absent.txt      1       0       0 1.000 0.000 0.000   1.000   1.000   1.000',
      '  not in the release',
      '  missing (gold turn 0): expected "Operator: Welcome to the call."',
      'gamma.txt       6       5       5 1.000 0.833 0.909   1.000   1.000   0.800',
      '  section (gold turn 1, seq 1): expected "qa" found "presentation"',
      '  missing (gold turn 5): expected "Sam Reed: A turn the release lacks."',
      'overall         7       5       5 1.000 0.714 0.833   1.000   1.000   0.800',
      '',
    ]);
    // A guard against a hung build on a loaded machine, not a timing.
  }, 60_000);

  it('fails with the file and path of an invalid gold file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'callset-eval-bad-'));
    await writeFile(join(root, 'bad.json'), JSON.stringify({ source_file: 'x.txt', source_sha256: 'nope', turns: [] }));
    const io = capturedIo();
    expect(await main(['eval', '--gold', root, '--release', root], io)).toBe(1);
    expect(io.stderr).toContain('bad.json: source_sha256: source_sha256 is a sha256 hex digest');
  });
});
