import { describe, expect, it } from 'vitest';
import { canonicalFirmName, resolveSpeakers } from '../src/index.ts';

describe('resolveSpeakers', () => {
  it('gives placeholders per document and slugs to people', () => {
    const result = resolveSpeakers('abcd', [
      { speakerName: 'Operator', speakerLabel: 'Operator', speakerOrg: null, speakerType: 'operator' },
      { speakerName: 'Adam Jonas', speakerLabel: '**Adam Jonas - Morgan Stanley, Research Division**', speakerOrg: 'Morgan Stanley, Research Division', speakerType: 'analyst' },
      { speakerName: null, speakerLabel: null, speakerOrg: null, speakerType: 'unknown' },
    ]);
    expect(result.perTurn).toEqual([
      { speakerId: 'operator@abcd', canonicalName: null, firmId: null },
      { speakerId: 'adam-jonas', canonicalName: 'Adam Jonas', firmId: 'morgan-stanley' },
      { speakerId: 'unknown@abcd', canonicalName: null, firmId: null },
    ]);
    expect(result.firms).toEqual([{ firm_id: 'morgan-stanley', canonical_name: 'Morgan Stanley', aliases: ['Morgan Stanley, Research Division'], successor_firm_id: null }]);
  });

  it('strips the research division from firm names', () => {
    expect(canonicalFirmName('Goldman Sachs Group Inc., Research Division')).toBe('Goldman Sachs Group Inc.');
  });
});
