import { joinParagraphs } from './text.ts';

/** Raw speech to utterance text: paragraphs joined by a single newline. */
export const paragraphs = (raw: string) => joinParagraphs(raw.split('\n'));
/** "Name – Firm" / "Name - Role": the name and what follows the first spaced dash. */
export function splitNameDash(label: string): { name: string; rest: string | null } {
  const match = /^(.*?)\s+[-–—]{1,2}\s+(.*)$/.exec(label.trim());
  if (!match) return { name: label.trim(), rest: null };
  return { name: (match[1] ?? '').trim(), rest: (match[2] ?? '').trim() || null };
}

export function isAnalystOrg(value: string | null): boolean {
  return value !== null && /research|securities|capital|partners|bank|analyst|sachs|stanley|lynch|&/i.test(value);
}

