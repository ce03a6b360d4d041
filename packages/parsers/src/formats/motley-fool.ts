import type { FormatParser, Participant, ParsedDocument } from '../types.ts';
import { emptyMetadata, parseHumanDate } from '../text.ts';
import { turnsFromLabels, type LabelHit, type SectionMark } from '../turns.ts';

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
