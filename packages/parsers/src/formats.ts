import type { FormatParser, Participant, ParsedDocument } from './types.ts';
import { emptyMetadata, joinParagraphs, parseHumanDate, splitLines } from './text.ts';
import { speakerTypeOf, turnsFromLabels, type LabelHit, type SectionMark } from './turns.ts';

const paragraphs = (raw: string) => joinParagraphs(raw.split('\n'));

/** "Name – Firm" / "Name - Role": the name and what follows the first spaced dash. */
function splitNameDash(label: string): { name: string; rest: string | null } {
  const match = /^(.*?)\s+[-–—]{1,2}\s+(.*)$/.exec(label.trim());
  if (!match) return { name: label.trim(), rest: null };
  return { name: (match[1] ?? '').trim(), rest: (match[2] ?? '').trim() || null };
}

function isAnalystOrg(value: string | null): boolean {
  return value !== null && /research|securities|capital|partners|bank|analyst|sachs|stanley|lynch|&/i.test(value);
}

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

export const motleyFoolParser: FormatParser = {
  format: 'motley_fool',
  detect: (text) => (/The Motley Fool/.test(text.slice(0, 500)) && /Duration: \d+ minutes/.test(text) ? 0.9 : 0),
  parse(text): ParsedDocument {
    const durationMatch = /Duration: \d+ minutes/.exec(text);
    const bodyEnd = durationMatch?.index ?? text.length;
    const tail = durationMatch ? text.slice(bodyEnd + durationMatch[0].length) : '';
    const nameRe = /([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}) -- /g;
    const named = [...tail.matchAll(nameRe)];
    const participants: Participant[] = named.map((match, index) => {
      const roleEnd = named[index + 1]?.index ?? tail.search(/\s{2,}|More [A-Z]+ analysis/);
      const role = tail.slice((match.index ?? 0) + match[0].length, roleEnd === -1 ? undefined : roleEnd).trim();
      const analyst = /-- Analyst$/.test(role) || /Analyst$/.test(role);
      return { name: match[1] ?? '', role: analyst ? null : role, org: analyst ? role.replace(/\s*-- Analyst$/, '') : null, speakerType: analyst ? 'analyst' : 'executive' };
    });
    const firstNamed = named[0]?.index ?? 0;
    const lead = tail.slice(0, firstNamed).trim();
    if (lead && /^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}$/.test(lead)) participants.unshift({ name: lead, role: null, org: null, speakerType: 'executive' });
    const hits: LabelHit[] = [];
    for (const participant of [...participants, { name: 'Operator', role: null, org: null, speakerType: 'operator' as const }]) {
      const label = participant.role ?? (participant.org ? `${participant.org} -- Analyst` : null);
      const written = label ? `${participant.name} -- ${label}` : participant.name;
      let from = 0;
      for (;;) {
        const at = text.indexOf(`${written} `, from);
        if (at === -1 || at >= bodyEnd) break;
        from = at + written.length;
        hits.push({ start: at, bodyStart: at + written.length, label: written, name: participant.name, role: participant.role, org: participant.org, speakerType: participant.speakerType });
      }
    }
    const qa = /Questions? & Answers?:?|Q&A/.exec(text);
    const sections: SectionMark[] = qa ? [{ start: qa.index, section: 'qa' }] : [];
    const title = /\)\s*(Q[1-4] \d{4} Earnings Call)/.exec(text.slice(0, 500));
    const company = /Motley Fool\.\s+(.+?)\s+\(([A-Z.]+)/.exec(text.slice(0, 500));
    const period = /\bQ([1-4]) (\d{4}) Earnings Call/.exec(text.slice(0, 500));
    const metadata = {
      ...emptyMetadata(),
      title: title?.[1] ?? null,
      company: company?.[1] ?? null,
      ticker: company?.[2] ?? null,
      fiscalQuarter: period ? Number(period[1]) : null,
      fiscalYear: period ? Number(period[2]) : null,
      eventDate: parseHumanDate(text.slice(0, 500)),
    };
    const dedup = hits.filter((hit, index) => !hits.some((other, j) => j !== index && other.start <= hit.start && other.start + other.label.length >= hit.start + hit.label.length && other.label.length > hit.label.length));
    return { format: 'motley_fool', metadata, participants, turns: turnsFromLabels(text, dedup, sections, bodyEnd, (raw) => raw.trim()), tables: [], issues: [] };
  },
};

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
