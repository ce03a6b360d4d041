import type { SpeakerType } from '@callset/schema';

/** "Name – Firm" / "Name - Role": the name and what follows the first spaced dash. */
export function splitNameDash(label: string): { name: string; rest: string | null } {
  const match = /^(.*?)\s+[-–—]{1,2}\s+(.*)$/.exec(label.trim());
  if (!match) return { name: label.trim(), rest: null };
  return { name: (match[1] ?? '').trim(), rest: (match[2] ?? '').trim() || null };
}

export function isAnalystOrg(value: string | null): boolean {
  return value !== null && /research|securities|capital|partners|bank|analyst|sachs|stanley|lynch|&/i.test(value);
}


/** Labels transcripts use for people they do not name: the operator and unidentified speakers. */
export function genericSpeakerType(label: string): SpeakerType | null {
  const value = label.trim().toLowerCase();
  if (value === 'operator') return 'operator';
  if (/^(?:unidentified|unknown) (?:analyst|participant from the audience)$/.test(value)) return 'analyst';
  if (/^(?:unidentified|unknown) (?:company representative|corporate participant|executive)$/.test(value)) return 'executive';
  if (/^(?:unidentified|unknown) (?:speaker|participant)$/.test(value) || value === 'unknown') return 'unknown';
  return null;
}

/** The name a label gives its speaker: none for an unidentified speaker, whose label names nobody. */
export function speakerNameOf(label: string): string | null {
  const type = genericSpeakerType(label);
  return type === null || type === 'operator' ? label : null;
}
