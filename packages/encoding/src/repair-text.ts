/**
 * The repair chain: every pass, in order, rerun until it changes nothing, each edit located both in
 * the text that went in and in the text that came out.
 */
import { applyEdits, PassMap, type Edit } from './edits.ts';
import { repairMojibake } from './mojibake.ts';
import { normalizeAfter, normalizeBefore, normalizeNfc } from './normalize.ts';

/** Repair can uncover more repair (an `Ã¢` inside a contraction); two rounds settle every case we know. */
const MAX_ROUNDS = 3;
/** Rules whose edits cannot make a new mojibake pattern or change one's context: no rerun for them. */
const INERT_RULES = new Set(['line-end', 'export-escape', 'private-use-bullet']);

export interface Located {
  edit: Edit;
  before: string;
  /** UTF-16 index of the change in the text that went into the chain. */
  inputAt: number;
  /** UTF-16 span of the change in the text that came out. */
  outputStart: number;
  outputEnd: number;
}

/**
 * Run every pass to a fixed point. `typographyElsewhere` counts the typographic marks of the
 * document outside `input` (see `repairMojibake`).
 */
export function repairText(input: string, typographyElsewhere: () => number): { text: string; located: Located[]; maps: PassMap[] } {
  const passes = [normalizeBefore, (text: string) => repairMojibake(text, typographyElsewhere), normalizeAfter, normalizeNfc];
  const steps: { edits: Edit[]; source: string; map: PassMap }[] = [];
  let text = input;
  // NFC is the costliest pass and idempotent: after its first run it has work only where a later
  // pass edited the text.
  let editedSinceNfc = true;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const pass of passes) {
      if (pass === normalizeNfc && !editedSinceNfc) continue;
      const edits = pass(text);
      editedSinceNfc = pass === normalizeNfc ? false : editedSinceNfc || edits.length > 0;
      if (edits.length === 0) continue;
      steps.push({ edits, source: text, map: new PassMap(edits) });
      text = applyEdits(text, edits);
      changed ||= edits.some((edit) => !INERT_RULES.has(edit.rule));
    }
    if (!changed) break;
  }
  const maps = steps.map((step) => step.map);
  const located: Located[] = [];
  for (const [index, step] of steps.entries()) {
    let delta = 0;
    for (const edit of step.edits) {
      const outStart = edit.start + delta;
      delta += edit.after.length - (edit.end - edit.start);
      let inputAt = edit.start;
      for (let back = index - 1; back >= 0; back--) inputAt = (maps[back] as PassMap).backward(inputAt);
      let outputStart = outStart;
      let outputEnd = outStart + edit.after.length;
      for (let ahead = index + 1; ahead < maps.length; ahead++) {
        outputStart = (maps[ahead] as PassMap).forward(outputStart);
        outputEnd = (maps[ahead] as PassMap).forward(outputEnd);
      }
      located.push({ edit, before: step.source.slice(edit.start, edit.end), inputAt, outputStart, outputEnd });
    }
  }
  return { text, located, maps };
}
