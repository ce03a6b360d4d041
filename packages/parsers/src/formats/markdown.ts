import { trimWhere, type SpeakerType } from '@callset/schema';
import type { FormatParser, Participant, ParsedDocument } from '../types.ts';
import { splitLines } from '../text.ts';
import { genericSpeakerType, speakerNameOf, splitNameDash, typeOfDashRest } from '../labels.ts';
import {
  MAX_LABEL_LENGTH,
  isParticipantHeading,
  looksLikeHeaderLine,
  looksLikeRoleLine,
  parseParticipantList,
  readCallHeader,
  roleAndOrg,
  sectionOfHeading,
  splitFooter,
} from '../capiq-common.ts';
import { markInferredQa } from '../qa-start.ts';
import { buildTurns, type Piece, type Speaker } from '../turn-builder.ts';

// `**Name**`, `**Name - Firm, Research Division**`, optionally inside a heading (`## **Operator**`) or with a colon.
const BOLD_LINE = /^(?:#{1,6}[ \t]*)?\*\*([^*]{1,150})\*\*[ \t]*:?$/;
// The text starts after all the spaces: letting `(.*)` take some of them would retry it once per space.
const HEADING = /^#{1,6}[ \t]+(?![ \t])(.*)$/;

type Kind = 'blank' | 'bold' | 'heading' | 'text';

/** The text inside emphasis marks (`**Operator**`, `*Chief Executive Officer*`). */
const stripEmphasis = (value: string) => trimWhere(value, (char) => char === '*' || char === '_');

/** One line: its kind, its content without markup, and where the content lies (UTF-16). */
interface Entry {
  kind: Kind;
  inner: string;
  start: number;
  end: number;
  footer: [number, number] | null;
}

function readEntry(line: { text: string; start: number }): Entry {
  const footer = splitFooter(line.text);
  const rest = footer ? footer.before : line.text;
  const value = rest.trim();
  const start = line.start + (rest.length - rest.trimStart().length);
  const end = start + value.length;
  const footerSpan: [number, number] | null = footer ? [line.start + footer.footerAt, line.start + line.text.trimEnd().length] : null;
  if (value === '') return { kind: 'blank', inner: '', start, end, footer: footerSpan };
  if (value.length <= MAX_LABEL_LENGTH) {
    const bold = BOLD_LINE.exec(value);
    if (bold) return { kind: 'bold', inner: (bold[1] ?? '').trim().replace(/:$/, '').trim(), start, end, footer: footerSpan };
    const heading = HEADING.exec(value);
    if (heading) return { kind: 'heading', inner: stripEmphasis(heading[1] ?? '').trim(), start, end, footer: footerSpan };
  }
  return { kind: 'text', inner: value, start, end, footer: footerSpan };
}

const key = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
const isLabel = (entry: Entry) => entry.kind === 'bold' && sectionOfHeading(entry.inner) === null && !isParticipantHeading(entry.inner);
const isSection = (entry: Entry) => entry.kind !== 'blank' && entry.inner.length <= MAX_LABEL_LENGTH && sectionOfHeading(entry.inner) !== null;

/**
 * Where the header ends. With a participant list: at the first section heading after it, else at
 * the first label followed by speech rather than a role line. Without one: after the leading
 * header lines (headings, `Exchange:TICKER`, period, date), possibly none.
 */
function findHeaderEnd(entries: readonly Entry[]): { end: number; participantsAt: number } {
  const participantsAt = entries.findIndex((entry) => entry.kind !== 'blank' && entry.inner.length <= 60 && isParticipantHeading(entry.inner));
  if (participantsAt !== -1) {
    for (let index = participantsAt + 1; index < entries.length; index++) {
      const entry = entries[index];
      if (!entry) continue;
      if (isSection(entry)) return { end: index, participantsAt };
      if (!isLabel(entry)) continue;
      const next = entries.slice(index + 1).find((candidate) => candidate.kind !== 'blank');
      if (next && next.kind === 'text' && !looksLikeRoleLine(next.inner)) return { end: index, participantsAt };
    }
    return { end: entries.length, participantsAt };
  }
  let end = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (!entry || isSection(entry) || isLabel(entry)) break;
    if (entry.kind === 'heading' || looksLikeHeaderLine(entry.inner)) end = index + 1;
    else if (entry.kind !== 'blank') break;
  }
  return { end, participantsAt: -1 };
}

interface LabelSeen {
  name: string;
  rest: string | null;
}

function parseMarkdown(text: string): ParsedDocument {
  const entries = splitLines(text).map(readEntry);
  const { end: headerEnd, participantsAt } = findHeaderEnd(entries);
  const header = readCallHeader(entries.slice(0, participantsAt === -1 ? headerEnd : participantsAt).map((entry) => entry.inner));
  const company = header.metadata.company;

  const participants: Participant[] = [];
  if (participantsAt !== -1) {
    const paragraphs: string[][] = [[]];
    for (const entry of entries.slice(participantsAt, headerEnd)) {
      if (entry.kind === 'blank') paragraphs.push([]);
      // Roles and firms may be set in italics (`*Chief Executive Officer*`): the emphasis is markup.
      else paragraphs[paragraphs.length - 1]?.push(stripEmphasis(entry.inner));
    }
    participants.push(...parseParticipantList(paragraphs, company));
  }
  const known = new Map(participants.map((participant) => [key(participant.name), participant]));

  // The export writes analysts with their firm; a bare name is then one of the company's people,
  // unless the same name carries a firm elsewhere in the document.
  const labels = new Map<number, LabelSeen>();
  const firmOf = new Map<string, string>();
  for (let index = headerEnd; index < entries.length; index++) {
    const entry = entries[index];
    if (!entry || !isLabel(entry)) continue;
    const { name, rest } = splitNameDash(entry.inner);
    labels.set(index, { name, rest });
    if (rest && typeOfDashRest(rest, company) === 'analyst') firmOf.set(key(name), rest);
  }
  const firmsLabelled = firmOf.size > 0;
  const speakerOf = ({ name, rest }: LabelSeen, label: string): Speaker => {
    const participant = known.get(key(name));
    const firm = firmOf.get(key(name)) ?? null;
    const bareType: SpeakerType = participant?.speakerType ?? (firm ? 'analyst' : firmsLabelled ? 'executive' : 'unknown');
    const type = genericSpeakerType(name) ?? (rest ? typeOfDashRest(rest, company) : bareType);
    const named = { label, name: speakerNameOf(name), type };
    if (rest) return { ...named, ...roleAndOrg(rest, type, company) };
    if (participant) return { ...named, role: participant.role, org: participant.org };
    return { ...named, ...roleAndOrg(type === 'analyst' ? firm : null, type, company) };
  };

  const pieces: Piece[] = [];
  const aside = (start: number, end: number, code: string, message: string) => pieces.push({ kind: 'aside', start, end, code, message });
  const asideContent = (from: number, to: number, code: string, message: string) => {
    const content = entries.slice(from, to).filter((entry) => entry.kind !== 'blank');
    const first = content[0];
    const last = content[content.length - 1];
    if (first && last) aside(first.start, last.end, code, message);
  };
  const listStart = participantsAt === -1 ? headerEnd : participantsAt;
  asideContent(0, listStart, 'parse/document-header', 'document header: company, period, date');
  asideContent(listStart, headerEnd, 'parse/participant-list', `participant list (${participants.length} people)`);
  for (const entry of entries.slice(0, headerEnd)) if (entry.footer) aside(entry.footer[0], entry.footer[1], 'parse/page-footer', 'page footer');
  for (let index = headerEnd; index < entries.length; index++) {
    const entry = entries[index];
    if (!entry) continue;
    if (entry.footer) aside(entry.footer[0], entry.footer[1], 'parse/page-footer', 'page footer');
    const label = labels.get(index);
    if (label) pieces.push({ kind: 'label', start: entry.start, end: entry.end, speaker: speakerOf(label, entry.inner) });
    else if (entry.kind === 'blank') pieces.push({ kind: 'break' });
    else if (isSection(entry)) pieces.push({ kind: 'section', start: entry.start, end: entry.end, section: sectionOfHeading(entry.inner) ?? 'presentation' });
    else if (entry.kind === 'heading') aside(entry.start, entry.end, 'parse/heading', `heading "${entry.inner}" is not speech`);
    else if (entry.inner !== '') pieces.push({ kind: 'speech', start: entry.start, end: entry.end });
  }

  const built = buildTurns(text, pieces);
  const firstTurn = built.turns[0];
  const startsMidCall = headerEnd === 0 && firstTurn !== undefined && firstTurn.speakerType !== 'operator';
  const turns = built.qaMarked ? built.turns : markInferredQa(built.turns, startsMidCall);
  const headerIssues = header.issues.map((issue) => ({ ...issue, char_start: null, char_end: null }));
  return { format: 'markdown', metadata: header.metadata, participants, turns, tables: [], issues: [...headerIssues, ...built.issues] };
}

/** Markdown from its content: lines that are nothing but a bold label, the more the surer. */
function detectMarkdown(text: string): number {
  const labels = text.match(/^(?:#{1,6}[ \t]*)?\*\*[^*\n]{2,150}\*\*[ \t]*:?[ \t]*$/gm)?.length ?? 0;
  return labels >= 3 ? 0.9 : labels === 2 ? 0.7 : labels === 1 ? 0.4 : 0;
}

export const markdownParser: FormatParser = { format: 'markdown', detect: detectMarkdown, parse: parseMarkdown };
