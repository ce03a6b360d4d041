import type { ParsedTurn } from './types.ts';

// How a host opens the questions ("Our first question comes from", "let's open it up to Q&A", "Let's start with investor Q&A").
const OPENS_QUESTIONS = [
  /\b(?:our|the|your) first question\b/i,
  /\blet(?:'|’)?s (?:start|begin|go|move|kick off|turn|open)\b[^.?!]{0,40}?\b(?:Q&A|questions?)\b/i,
  /\bopen (?:it|the (?:call|line|lines|floor))? ?(?:up )?(?:for|to) (?:your |some )?(?:questions|Q&A|Q and A)\b/i,
  /\b(?:start|begin|go|move on|move|turn|proceed) (?:to|with) (?:the |our |some )?(?:[\w-]+ )?(?:questions|Q&A|Q and A|question-and-answer)\b/i,
  /\b(?:begin|start|now) (?:the )?(?:question-and-answer|question and answer|Q&A) (?:session|portion|period)\b/i,
];

type TurnFacts = Pick<ParsedTurn, 'speakerType' | 'speakerName' | 'text'>;

/**
 * Index of the first Q&A turn of a document whose source marks no Q&A: the turn in which a host
 * opens the questions. Hosts are the operator and whoever speaks first by name for the company
 * (the investor-relations lead who runs the call), so an executive's "we can open it up to
 * Q&A" does not start it early. The call's first turn (the welcome) is never the opening.
 * Failing an opening before the first analyst speaks: a fragment that starts mid-call was in
 * the Q&A all along; otherwise the Q&A starts with that analyst, or with the operator turn that
 * introduces them. Null when nothing points to a Q&A.
 */
export function inferQaStart(turns: readonly TurnFacts[], startsMidCall: boolean): number | null {
  const firstAnalyst = turns.findIndex((turn) => turn.speakerType === 'analyst');
  const leadName = turns.find((turn) => turn.speakerName !== null && turn.speakerType !== 'operator' && turn.speakerType !== 'analyst')?.speakerName ?? null;
  const isHost = (turn: TurnFacts) => turn.speakerType === 'operator' || (leadName !== null && turn.speakerName === leadName);
  const limit = firstAnalyst === -1 ? turns.length : firstAnalyst;
  for (let index = 1; index < limit; index++) {
    const turn = turns[index];
    if (turn && isHost(turn) && OPENS_QUESTIONS.some((pattern) => pattern.test(turn.text))) return index;
  }
  if (firstAnalyst === -1) return null;
  if (startsMidCall) return 0;
  return turns[firstAnalyst - 1]?.speakerType === 'operator' ? firstAnalyst - 1 : firstAnalyst;
}

/** Marks the turns from the inferred Q&A start on as `qa`. */
export function markInferredQa<T extends TurnFacts & Pick<ParsedTurn, 'section'>>(turns: T[], startsMidCall: boolean): T[] {
  const start = inferQaStart(turns, startsMidCall);
  return start === null ? turns : turns.map((turn, index) => (index >= start ? { ...turn, section: 'qa' } : turn));
}
