import fc from 'fast-check';
import { SPEAKER_TYPES } from '@callset/schema';
import { describe, expect, it } from 'vitest';
import { compareNames, parseFirmName, parsePersonName, readRegistry, resolveEntities, type SpeakerMention } from '../src/index.ts';
import { SEED_MENTIONS } from './seed-mentions.ts';

const registry = readRegistry();
const documentIds = ['d0', 'd1', 'd2', 'd3'];
const seedNames = [...new Set(SEED_MENTIONS.flatMap((mention) => mention.speakerName ?? []))];
const seedOrgs = [...new Set(SEED_MENTIONS.flatMap((mention) => mention.speakerOrg ?? []))];

/** A seed name rewritten the ways sources write names: case, a middle initial added, a middle word dropped, punctuation. */
const nameVariant = fc.tuple(fc.constantFrom(...seedNames), fc.constantFrom('as-is', 'upper', 'lower', 'initial', 'drop-middle', 'comma'), fc.constantFrom('A', 'R', 'W', 'X')).map(([name, how, letter]) => {
  const words = name.split(' ');
  switch (how) {
    case 'upper':
      return name.toUpperCase();
    case 'lower':
      return name.toLowerCase();
    case 'initial':
      return [words[0], `${letter}.`, ...words.slice(1)].join(' ');
    case 'drop-middle':
      return [words[0], words.at(-1)].join(' ');
    case 'comma':
      return `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
    default:
      return name;
  }
});

const mention = (name: fc.Arbitrary<string | null>, org: fc.Arbitrary<string | null>): fc.Arbitrary<SpeakerMention> =>
  fc.record({
    documentId: fc.constantFrom(...documentIds),
    speakerLabel: fc.option(fc.string(), { nil: null }),
    speakerName: name,
    speakerType: fc.constantFrom(...SPEAKER_TYPES),
    speakerOrg: org,
    charStart: fc.nat(10_000),
    charEnd: fc.nat(10_000),
  });

const realistic = mention(fc.option(nameVariant, { nil: null }), fc.option(fc.constantFrom(...seedOrgs), { nil: null }));
const arbitrary = mention(fc.option(fc.string({ unit: 'grapheme' }), { nil: null }), fc.option(fc.string({ unit: 'grapheme' }), { nil: null }));

describe('resolveEntities properties', () => {
  it('gives every mention the same ids and the same tables whatever order the documents come in', () => {
    fc.assert(
      fc.property(fc.array(realistic, { maxLength: 40 }).chain((mentions) => fc.tuple(fc.constant(mentions), fc.shuffledSubarray(mentions.map((_, index) => index), { minLength: mentions.length }))), ([mentions, order]) => {
        const straight = resolveEntities(mentions, { registry });
        const shuffled = resolveEntities(order.map((index) => mentions[index] as SpeakerMention), { registry });
        const unshuffled = new Array(mentions.length);
        order.forEach((index, position) => {
          unshuffled[index] = shuffled.mentions[position];
        });
        expect({ ...shuffled, mentions: unshuffled }).toEqual(straight);
      }),
      { numRuns: 100 },
    );
  }, 20_000);

  it('never throws on any label, name or firm, and every id it hands out has its row', () => {
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 30 }), (mentions) => {
        const resolution = resolveEntities(mentions, { registry });
        const speakers = new Set(resolution.speakers.map((speaker) => speaker.speaker_id));
        const firms = new Set(resolution.firms.map((firm) => firm.firm_id));
        const dangling = [
          ...resolution.mentions.filter((resolved, index) => !speakers.has(resolved.speakerId) || (resolved.speakerName === null && !resolved.speakerId.endsWith(`@${mentions[index]?.documentId}`))),
          ...resolution.mentions.filter((resolved) => resolved.firmId !== null && !firms.has(resolved.firmId)),
          ...resolution.firms.filter((firm) => firm.successor_firm_id !== null && !firms.has(firm.successor_firm_id)),
        ];
        expect(dangling).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 20_000);
});

describe('name rules properties', () => {
  it('parse any text without throwing, and compare names symmetrically', () => {
    fc.assert(
      fc.property(fc.oneof(nameVariant, fc.string({ unit: 'grapheme' })), fc.oneof(nameVariant, fc.string({ unit: 'grapheme' })), (a, b) => {
        parseFirmName(a);
        const [left, right] = [parsePersonName(a), parsePersonName(b)];
        if (left && right) expect(compareNames(left, right).compatible).toBe(compareNames(right, left).compatible);
      }),
      { numRuns: 500 },
    );
  }, 20_000);
});
