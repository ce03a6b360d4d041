import type { FormatParser, ParsedDocument } from '../types.ts';
import { emptyMetadata, splitLines } from '../text.ts';
import { paragraphs } from '../labels.ts';
import { turnsFromLabels, type LabelHit } from '../turns.ts';

export const forumParser: FormatParser = {
  format: 'forum',
  detect: (text) => (/\b(?:said|wrote):|Click to expand|Reply\b|Register\b/i.test(text.slice(0, 4000)) && !/Earnings Call/.test(text.slice(0, 300)) ? 0.5 : 0),
  parse(text): ParsedDocument {
    const title = splitLines(text).map((line) => line.text.trim()).filter(Boolean)[3] ?? null;
    const hits: LabelHit[] = [{ start: 0, bodyStart: 0, label: '', name: '', role: null, org: null, speakerType: 'forum_member' }];
    const turns = turnsFromLabels(text, hits, [{ start: 0, section: 'post' }], text.length, paragraphs).map((turn) => ({
      ...turn,
      speakerLabel: null,
      speakerName: null,
    }));
    return { format: 'forum', metadata: { ...emptyMetadata('forum_thread'), title }, participants: [], turns, tables: [], issues: [] };
  },
};
