import { z } from 'zod';
import { SECTIONS, SPEAKER_TYPES, firstWords } from '@callset/schema';

/** How many words of a turn's speech a gold annotation gives, and eval compares. */
export const GOLD_WORDS = 8;

const goldTurnSchema = z.strictObject({
  speaker: z.string().min(1),
  speaker_type: z.enum(SPEAKER_TYPES),
  section: z.enum(SECTIONS),
  first_words: z.string().refine((value) => firstWords(value, GOLD_WORDS) !== '', 'first_words holds no word'),
});

const goldFigureSchema = z.strictObject({
  turn: z.number().int().nonnegative(),
  surface: z.string().min(1),
  value: z.number().nullable().optional(),
  unit: z.string().min(1).optional(),
});

/** One hand-annotated document (the format is documented in tests/gold/README.md). */
export const goldDocumentSchema = z
  .strictObject({
    source_file: z.string().min(1),
    source_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'source_sha256 is a sha256 hex digest'),
    notes: z.string().optional(),
    turns: z.array(goldTurnSchema),
    figures: z.array(goldFigureSchema).optional(),
  })
  .superRefine((document, context) => {
    for (const [index, figure] of (document.figures ?? []).entries()) {
      if (figure.turn >= document.turns.length) context.addIssue({ code: 'custom', path: ['figures', index, 'turn'], message: `turn ${figure.turn} does not exist` });
    }
  });

export type GoldDocument = z.infer<typeof goldDocumentSchema>;
export type GoldTurn = GoldDocument['turns'][number];

/** A gold file's JSON as a document, or a message naming the first problem and its path. */
export function readGoldDocument(json: unknown): { document: GoldDocument } | { problem: string } {
  const result = goldDocumentSchema.safeParse(json);
  if (result.success) return { document: result.data };
  const issue = result.error.issues[0];
  return { problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}
