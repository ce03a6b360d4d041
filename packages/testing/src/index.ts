export { backtrackingSteps, type MatchSpan } from './backtracking-steps.ts';
export { countWork, workRatio } from './work.ts';
