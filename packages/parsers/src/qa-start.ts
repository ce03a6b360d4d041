import type { ParsedTurn } from './types.ts';

// How a host opens the questions ("Our first question comes from", "let's open it up to Q&A", "Let's start with investor Q&A").
const OPENS_QUESTIONS = [
  /\b(?:our|the|your) first question\b/i,
  /\bopen (?:it|the (?:call|line|lines|floor))? ?(?:up )?(?:for|to) (?:your |some )?(?:questions|Q&A|Q and A)\b/i,
  /\b(?:start|begin|go|move on|move|turn|proceed) (?:to|with) (?:the |our |some )?(?:[\w-]+ )?(?:questions|Q&A|Q and A|question-and-answer)\b/i,
  /\b(?:begin|start|now) (?:the )?(?:question-and-answer|question and answer|Q&A) (?:session|portion|period)\b/i,
];

/**
 * Index of the first Q&A turn of a document whose source marks no Q&A: the turn in which a host
 * (not an analyst) opens the questions; failing that the first analyst turn (or the operator
 * turn introducing it). A fragment that starts mid-call and reaches an analyst before any opening
 * started inside the Q&A: all of it is Q&A. Null when nothing points to a Q&A.
 */
export function inferQaStart(turns: readonly Pick<ParsedTurn, 'speakerType' | 'text'>[], startsMidCall: boolean): number | null {
  const firstAnalyst = turns.findIndex((turn) => turn.speakerType === 'analyst');
  const limit = firstAnalyst === -1 ? turns.length : firstAnalyst;
  for (let index = 0; index < limit; index++) {
    const turn = turns[index];
    if (turn && turn.speakerType !== 'analyst' && OPENS_QUESTIONS.some((pattern) => pattern.test(turn.text))) return index;
  }
  if (firstAnalyst === -1) return null;
  if (startsMidCall) return 0;
  return turns[firstAnalyst - 1]?.speakerType === 'operator' ? firstAnalyst - 1 : firstAnalyst;
}
