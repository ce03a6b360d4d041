import { describe, expect, it } from 'vitest';
import { repairBytes } from '../src/index.ts';
import { asCp1252, asLatin1, doubleCp1252, lossy, lossySpaces, repaired, utf8 } from './helpers.ts';

const repair = (text: string) => repairBytes(utf8(text));
const rules = (text: string) => repair(text).repairs.map((r) => [r.offset, r.before, r.after, r.rule]);

describe('lossless mojibake', () => {
  it('re-decodes UTF-8 read as cp1252, one repair per character', () => {
    expect(asCp1252('It’s é')).toBe('Itâ€™s Ã©');
    expect(rules('Itâ€™s Ã©')).toEqual([
      [2, 'â€™', '’', 'utf8-as-cp1252'],
      [7, 'Ã©', 'é', 'utf8-as-cp1252'],
    ]);
  });

  it('counts offsets in code points, not UTF-16 units', () => {
    expect(rules('👍🏽 itâ€™s')).toEqual([[5, 'â€™', '’', 'utf8-as-cp1252']]);
  });

  it('re-decodes UTF-8 read as Latin-1 (C1 controls kept)', () => {
    expect(repaired(asLatin1('“Zürich” – 5 €'))).toBe('“Zürich” – 5 €');
    expect(repair(asLatin1('’')).repairs.map((r) => r.rule)).toEqual(['utf8-as-latin1']);
  });

  it('undoes double encoding in one repair', () => {
    expect(doubleCp1252('’')).toBe('Ã¢â‚¬â„¢');
    expect(rules('weÃ¢â‚¬â„¢re')).toEqual([[2, 'Ã¢â‚¬â„¢', '’', 'double-encoded']]);
  });

  it('recovers a byte cp1252 left undefined (U+FFFD) from the sequence around it', () => {
    expect(asCp1252('“ok”')).toBe('â€œokâ€\ufffd');
    expect(rules('â€œokâ€\ufffd')).toEqual([
      [0, 'â€œ', '“', 'utf8-as-cp1252'],
      [5, 'â€\ufffd', '”', 'utf8-as-cp1252-replaced'],
    ]);
  });

  it('reads a lone C1 control as the cp1252 byte it was', () => {
    expect(rules('it\u0092s')).toEqual([[2, '\u0092', '’', 'cp1252-as-latin1']]);
  });

  it('repairs only the broken lines of a mixed file', () => {
    const text = 'Clean: it’s “fine” — Benoît.\nBroken: itâ€™s â€œfineâ€\ufffd â€” BenoÃ®t.\n';
    expect(repaired(text)).toBe('Clean: it’s “fine” — Benoît.\nBroken: it’s “fine” — Benoît.\n');
  });
});

describe('lossy mojibake (C1 bytes stripped)', () => {
  it('decides apostrophes, dashes and quotes from context', () => {
    const source = 'Adam Jonas – Morgan Stanley\nI’m sure it’s “at least,” isn’t it… Jones’ view.';
    expect(lossy(source)).toBe('Adam Jonas â Morgan Stanley\nIâm sure itâs âat least,â isnât itâ¦ Jonesâ view.');
    expect(repaired(lossy(source))).toBe(source);
  });

  it('restores € and tells • from ™ by what precedes it', () => {
    expect(lossy('€5 • Autopilot™')).toBe('â¬5 â¢ Autopilotâ¢');
    expect(rules('â¬5 â¢ Autopilotâ¢ isnât')).toEqual([
      [0, 'â¬', '€', 'lossy-c1-stripped'],
      [4, 'â¢', '•', 'lossy-c1-stripped'],
      [16, 'â¢', '™', 'lossy-c1-stripped'],
      [22, 'â', '’', 'lossy-apostrophe'],
    ]);
  });

  it('restores à from Ã and the space that was U+00A0, and other bare Ã by context', () => {
    expect(lossySpaces('voilà tout, à la carte')).toBe('voilÃ  tout, Ã  la carte');
    expect(repaired('itâs voilÃ  tout, Ã  la carte')).toBe('it’s voilà tout, à la carte');
    expect(lossy('It’s École, Straße, 5×3')).toBe('Itâs Ãcole, StraÃe, 5Ã3');
    expect(repaired('Itâs Ãcole, StraÃe, 5Ã3')).toBe('It’s École, Straße, 5×3');
  });

  it('keeps a real â and Ã when the document also holds correct typography', () => {
    expect(repaired('Itâs “the château”, Ãcole and OâBrien.')).toBe('It’s “the château”, Ãcole and OâBrien.');
  });

  it('repairs a lossy document that also holds a few correct marks, four signs to one', () => {
    expect(repaired('Iâm sure itâs fine, isnât it? Weâre â you know â ready. A real ’ here.')).toBe('I’m sure it’s fine, isn’t it? We’re – you know – ready. A real ’ here.');
    expect(repaired('Iâm sure itâs fine â really ’’.')).toBe('I’m sure it’s fine â really ’’.');
  });

  it('repairs the lossy lines of a file that mixes them into correct ones, by the same test on each line', () => {
    const clean = 'Clean: it’s “fine” — Benoît’s château, pâte.';
    const cleanAgain = 'Clean again: “yes” – São Paulo, l’âge d’or.';
    const text = `${clean}\nBroken: Iâm sure itâs âat least,â isnât it â Dan Galves â Deutsche Bank.\n${cleanAgain}`;
    expect(repaired(text)).toBe(`${clean}\nBroken: I’m sure it’s “at least,” isn’t it – Dan Galves – Deutsche Bank.\n${cleanAgain}`);
  });

  it('needs the lossy mechanism shown beyond doubt before guessing inside words', () => {
    expect(repaired('OâBrien')).toBe('OâBrien');
    expect(repaired('OâBrien isnât here')).toBe('O’Brien isn’t here');
  });
});
