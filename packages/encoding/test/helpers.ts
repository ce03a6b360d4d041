/** Test helpers: the corruption mechanisms the repair undoes, done for real with iconv-lite. */
import iconv from 'iconv-lite';
import { repairBytes } from '../src/index.ts';

/** The UTF-8 bytes of `text`. */
export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** UTF-8 bytes read as cp1252 (undefined bytes become U+FFFD): `’` -> `â€™`, `”` -> `â€�`. */
export const asCp1252 = (text: string): string => iconv.decode(utf8(text), 'win1252');
/** UTF-8 bytes read as Latin-1: the C1 bytes stay as control characters. */
export const asLatin1 = (text: string): string => iconv.decode(utf8(text), 'latin1');
/** Read as cp1252 twice over: `’` -> `Ã¢â‚¬â„¢`. */
export const doubleCp1252 = (text: string): string => asCp1252(asCp1252(text));
/** Read as Latin-1, then the C1 controls stripped: `’` -> `â`, `…` -> `â¦`. */
export const lossy = (text: string): string => asLatin1(text).replace(/[\u0080-\u009f]/g, '');
/** The lossy mechanism, with U+00A0 later turned into a space: `à` -> `Ã ` + a space. */
export const lossySpaces = (text: string): string => lossy(text).replaceAll('\u00a0', ' ');

/** The repaired text of `text` given as UTF-8 bytes. */
export const repaired = (text: string): string => repairBytes(utf8(text)).text;
