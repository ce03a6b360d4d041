import type { FormatParser, Participant, ParsedDocument } from '../types.ts';
import { emptyMetadata, parseHumanDate, splitLines } from '../text.ts';
import { paragraphs } from '../labels.ts';
import { speakerTypeOf, turnsFromLabels, type LabelHit, type SectionMark } from '../turns.ts';

export const capiqParser: FormatParser = {
  format: 'capiq',
  detect: (text) => (/S&P Capital IQ|WWW\.SPCAPITALIQ\.COM/.test(text) ? 0.9 : 0),
  parse(text): ParsedDocument {
    const lines = splitLines(text);
    const participants: Participant[] = [];
    const firstNonEmpty = lines.filter((line) => line.text.trim()).slice(0, 6);
    const header = /^(.+?)\s+([A-Za-z]+):([A-Z.]+)\s*$/.exec(firstNonEmpty[0]?.text.trim() ?? '');
    const period = /\bF([QY])(\d)?\s*(\d{4})\b/.exec(text.slice(0, 2000));
    const metadata = {
      ...emptyMetadata(),
      company: header?.[1] ?? null,
      exchange: header?.[2] ?? null,
      ticker: header?.[3] ?? null,
      fiscalYear: period ? Number(period[3]) : null,
      fiscalQuarter: period?.[1] === 'Q' ? Number(period[2]) : null,
      eventDate: parseHumanDate(text.slice(0, 2000)),
      title: firstNonEmpty[1]?.text.trim() ?? null,
    };
    const presentation = lines.findIndex((line) => line.text.trim() === 'Presentation');
    let block: 'executive' | 'analyst' | null = null;
    for (let i = 0; i < (presentation === -1 ? 0 : presentation); i++) {
      const value = lines[i]?.text.trim() ?? '';
      if (value === 'EXECUTIVES') block = 'executive';
      else if (value === 'ANALYSTS') block = 'analyst';
      else if (block && value && /^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,3}$/.test(value)) {
        const role = lines.slice(i + 1).find((line) => line.text.trim())?.text.trim() ?? null;
        participants.push({ name: value, role, org: null, speakerType: /Research Division/.test(role ?? '') ? 'analyst' : block });
      }
    }
    const hits: LabelHit[] = [];
    const sections: SectionMark[] = [];
    const bodyEnd = lines.findIndex((line, index) => index > presentation && /^Copyright|^These materials have been prepared/.test(line.text.trim()));
    const endLine = bodyEnd === -1 ? lines.length : bodyEnd;
    for (let i = Math.max(presentation, 0); i < endLine; i++) {
      const line = lines[i];
      if (!line) continue;
      const value = line.text.replace(/\*\*WWW\.SPCAPITALIQ\.COM\*\*/, '').trim();
      if (value === 'Presentation') sections.push({ start: line.start, section: 'presentation' });
      if (value === 'Question and Answer') sections.push({ start: line.start, section: 'qa' });
      const inline = /^([^*]+)\*([^*]+)\*$/.exec(value);
      const name = inline ? (inline[1] ?? '').trim() : value;
      if (name !== 'Operator' && !participants.some((participant) => participant.name === name)) continue;
      let bodyLine = i + 1;
      let role = inline?.[2]?.trim() ?? null;
      while (bodyLine < endLine && (lines[bodyLine]?.text.trim() === '' || lines[bodyLine]?.text.trim() === 'WWW.SPCAPITALIQ.COM')) bodyLine++;
      const candidate = lines[bodyLine]?.text.trim() ?? '';
      if (!inline && name !== 'Operator' && candidate.length < 90 && !/[.?!]$/.test(candidate)) {
        role = candidate;
        bodyLine++;
      }
      hits.push({
        start: line.start,
        bodyStart: lines[bodyLine]?.start ?? line.end,
        label: line.text.trim(),
        name,
        role,
        org: null,
        speakerType: speakerTypeOf(name, participants),
      });
    }
    const end = lines[endLine]?.start ?? text.length;
    const clean = (raw: string) => paragraphs(raw.replace(/^WWW\.SPCAPITALIQ\.COM$/gm, ''));
    return { format: 'capiq', metadata, participants, turns: turnsFromLabels(text, hits, sections, end, clean), tables: [], issues: [] };
  },
};
