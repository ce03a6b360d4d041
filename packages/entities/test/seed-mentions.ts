import { readFileSync } from 'node:fs';
import type { SpeakerType } from '@callset/schema';
import type { SpeakerMention } from '../src/index.ts';

interface SeedMention {
  source: string;
  documentId: string;
  speakerLabel: string | null;
  speakerName: string | null;
  speakerType: SpeakerType;
  speakerOrg: string | null;
  turns: number;
}

/**
 * The distinct speaker facts of every turn the parsers find in seeds/, with how many turns
 * carry them (fixtures/seed-mentions.json, dumped from the parse stage of the seeds).
 */
export const SEED_MENTIONS: readonly SeedMention[] = JSON.parse(readFileSync(new URL('./fixtures/seed-mentions.json', import.meta.url), 'utf8'));

/** One mention per turn, as the pipeline passes them. */
export const seedTurns = (): SpeakerMention[] => SEED_MENTIONS.flatMap(({ turns, source: _source, ...mention }) => Array.from({ length: turns }, () => ({ ...mention })));

export const SEED_SOURCES = new Map(SEED_MENTIONS.map((mention) => [mention.documentId, `seeds/${mention.source}`]));

export const DOCUMENTS = {
  capiq2017: '2da7dfa3541f8f5b',
  seekingAlpha2012: '54b5ab4507da0a16',
  markdown2013: 'f3f52acc5878a0da',
  motleyFool2024: 'c24a3e3252badfbe',
  forum: 'c08fb9cd8cdfaaf8',
} as const;
