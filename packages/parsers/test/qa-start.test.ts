import { describe, expect, it } from 'vitest';
import { inferQaStart } from '../src/qa-start.ts';
import type { ParsedTurn } from '../src/types.ts';

type Facts = Pick<ParsedTurn, 'speakerType' | 'speakerName' | 'text'>;
const turn = (speakerName: string | null, speakerType: ParsedTurn['speakerType'], text: string): Facts => ({ speakerName, speakerType, text });

describe('inferQaStart', () => {
  it('starts with the host who opens the questions, not an executive who mentions Q&A', () => {
    const turns = [
      turn('Mia Cho', 'executive', 'Welcome. Before the Q&A session begins, some remarks.'),
      turn('Raj Patel', 'executive', 'Results were strong. And we can open it up to Q&A.'),
      turn('Mia Cho', 'executive', "OK. Let's start with investor Q&A. The first question is on margins."),
      turn('Raj Patel', 'executive', 'Margins rose.'),
      turn('Kim Ito', 'analyst', 'Thanks.'),
    ];
    expect(inferQaStart(turns, false)).toBe(2);
  });

  it('the operator is a host too', () => {
    const turns = [turn(null, 'operator', 'Welcome.'), turn('Raj Patel', 'executive', 'Results.'), turn(null, 'operator', 'Our first question comes from Kim Ito.'), turn('Kim Ito', 'analyst', 'Hi.')];
    expect(inferQaStart(turns, false)).toBe(2);
  });

  it('never takes the opening turn of the call for the start of the Q&A', () => {
    const turns = [turn(null, 'operator', 'Welcome. After the remarks we will begin the question-and-answer session.'), turn('Raj Patel', 'executive', 'Results.')];
    expect(inferQaStart(turns, false)).toBeNull();
  });

  it('without an opening: the first analyst, or the operator turn that introduces them; a mid-call fragment is all Q&A', () => {
    const introduced = [turn('Raj Patel', 'executive', 'Results.'), turn(null, 'operator', 'Kim Ito, go ahead.'), turn('Kim Ito', 'analyst', 'Hi.')];
    expect(inferQaStart(introduced, false)).toBe(1);
    const bare = [turn('Raj Patel', 'executive', 'Results.'), turn('Kim Ito', 'analyst', 'Hi.')];
    expect(inferQaStart(bare, false)).toBe(1);
    expect(inferQaStart([turn(null, 'unknown', 'so margins held.'), ...bare], true)).toBe(0);
  });
});
