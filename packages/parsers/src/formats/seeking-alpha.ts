import type { FormatParser, Participant, ParsedDocument } from '../types.ts';
import { emptyMetadata, parseHumanDate, splitLines } from '../text.ts';
import { paragraphs, splitNameDash } from '../labels.ts';
import { speakerTypeOf, turnsFromLabels, type LabelHit, type SectionMark } from '../turns.ts';

export const seekingAlphaParser: FormatParser = {
  format: 'seeking_alpha',
  detect: (text) => {
    const head = text.slice(0, 3000);
    return /^\s*Executives\s*$/m.test(head) && /^\s*Analysts\s*$/m.test(head) ? 0.8 : 0;
  },
  parse(text): ParsedDocument {
    const lines = splitLines(text);
    const title = lines[0]?.text.trim() ?? null;
    const head = /^(.+?)\s*\(([A-Za-z]+):([A-Z.]+)\)\s*(?:F?Q([1-4])\s+(\d{4}))?/.exec(title ?? '');
    const metadata = {
      ...emptyMetadata(),
      title,
      company: head?.[1] ?? null,
      exchange: head?.[2] ?? null,
      ticker: head?.[3] ?? null,
      fiscalQuarter: head?.[4] ? Number(head[4]) : null,
      fiscalYear: head?.[5] ? Number(head[5]) : null,
      eventDate: parseHumanDate(title ?? ''),
    };
    const participants: Participant[] = [];
    let block: 'executive' | 'analyst' | null = null;
    let listEnd = 0;
    for (const [index, line] of lines.entries()) {
      const value = line.text.trim();
      if (value === 'Executives') block = 'executive';
      else if (value === 'Analysts') block = 'analyst';
      else if (block && /\s[-–—]\s/.test(value) && value.length < 120) {
        const { name, rest } = splitNameDash(value);
        participants.push({ name, role: block === 'executive' ? rest : null, org: block === 'analyst' ? rest : null, speakerType: block });
        listEnd = index;
      } else if (block && value) break;
    }
    const hits: LabelHit[] = [];
    const sections: SectionMark[] = [];
    for (const line of lines.slice(listEnd + 1)) {
      const value = line.text.trim();
      if (/^Question-and-Answer Session$/i.test(value)) sections.push({ start: line.start, section: 'qa' });
      const { name, rest } = splitNameDash(value);
      if (name !== 'Operator' && !participants.some((participant) => participant.name === name)) continue;
      const participant = participants.find((p) => p.name === name);
      hits.push({
        start: line.start,
        bodyStart: line.end,
        label: value,
        name,
        role: participant?.role ?? null,
        org: rest ?? participant?.org ?? null,
        speakerType: speakerTypeOf(name, participants),
      });
    }
    return { format: 'seeking_alpha', metadata, participants, turns: turnsFromLabels(text, hits, sections, text.length, paragraphs), tables: [], issues: [] };
  },
};
