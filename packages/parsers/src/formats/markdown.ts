import type { FormatParser, Participant, ParsedDocument } from '../types.ts';
import { emptyMetadata, splitLines } from '../text.ts';
import { isAnalystOrg, paragraphs, splitNameDash } from '../labels.ts';
import { turnsFromLabels, type LabelHit, type SectionMark } from '../turns.ts';

export const markdownParser: FormatParser = {
  format: 'markdown',
  detect: (text) => (/^(?:#{1,6}\s*)?\*\*[^*\n]{2,80}\*\*\s*$/m.test(text) ? 0.6 : 0),
  parse(text): ParsedDocument {
    const hits: LabelHit[] = [];
    const sections: SectionMark[] = [];
    const participants: Participant[] = [];
    for (const line of splitLines(text)) {
      const match = /^(?:#{1,6}\s*)?\*\*([^*]+)\*\*\s*$/.exec(line.text);
      if (!match) continue;
      const { name, rest } = splitNameDash(match[1] ?? '');
      const speakerType = /^operator$/i.test(name) ? 'operator' : isAnalystOrg(rest) ? 'analyst' : 'unknown';
      hits.push({ start: line.start, bodyStart: line.end, label: line.text.trim(), name, role: null, org: rest, speakerType });
    }
    if (hits.some((hit) => hit.speakerType === 'analyst')) sections.push({ start: 0, section: 'qa' });
    return { format: 'markdown', metadata: emptyMetadata(), participants, turns: turnsFromLabels(text, hits, sections, text.length, paragraphs), tables: [], issues: [] };
  },
};
