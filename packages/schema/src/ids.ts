import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function shortHash(parts: readonly (string | number)[], length = 12): string {
  // Unit separator between parts so ("ab","c") and ("a","bc") differ.
  return sha256Hex(parts.join('\u001f')).slice(0, length);
}

/** document_id: first 16 hex of the source's sha256. */
export function documentIdFromSha256(sourceSha256: string): string {
  return sourceSha256.slice(0, 16);
}

/** Lower case, accents and punctuation folded away: the form labels and words are compared in. */
export function normalizeForId(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The first `count` normalized words. Normalizes a growing prefix rather than the whole text:
 * turns can be long, and more than `count` words in the prefix means the first `count` are whole.
 */
export function firstWords(value: string, count: number): string {
  for (let length = 32 * count; ; length *= 2) {
    const words = normalizeForId(value.slice(0, length)).split(' ').filter(Boolean);
    if (words.length > count || length >= value.length) return words.slice(0, count).join(' ');
  }
}

export interface TurnKey {
  speakerLabel: string;
  text: string;
}

/**
 * utterance_id for every turn of a document, in order. The hash covers the normalized label,
 * the first 12 normalized words and the occurrence index of that pair, never the position,
 * so inserting a turn leaves the other ids as they were.
 */
export function utteranceIds(documentId: string, turns: readonly TurnKey[]): string[] {
  const seen = new Map<string, number>();
  return turns.map((turn) => {
    const key = `${normalizeForId(turn.speakerLabel)}\u001f${firstWords(turn.text, 12)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `${documentId}-${shortHash([key, occurrence])}`;
  });
}

/** figure_id: owner (utterance or table id) + position (char_start or row/col) + hash of the surface. */
export function figureId(ownerId: string, position: number | { row: number; col: number }, surface: string): string {
  const where = typeof position === 'number' ? String(position) : `r${position.row}c${position.col}`;
  return `${ownerId}-${where}-${shortHash([surface], 8)}`;
}

export function tableId(documentId: string, index: number): string {
  return `${documentId}-t${index}`;
}

/** Slug for registry ids: ascii lower case words joined by '-'. */
export function slugify(value: string): string {
  return normalizeForId(value).replace(/ /g, '-');
}

export const placeholderSpeakerId = {
  operator: (documentId: string) => `operator@${documentId}`,
  unknown: (documentId: string) => `unknown@${documentId}`,
  forumMember: (documentId: string) => `forum-member@${documentId}`,
} as const;
