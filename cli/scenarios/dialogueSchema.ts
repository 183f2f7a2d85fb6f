/**
 * Dialogue files (v1): a tutor's example calls for one scenario, kept beside the scenarios in
 * `scenarios/dialogues/<scenario-id>.yaml` and played by `npm run scenarios -- test` through
 * the real bot — the learner's lines in order, with what the tutor expects the customer (or
 * the desk) to answer, and the marks the call should get. See docs/writing-scenarios.md and
 * docs/decisions/0010-scenario-dialogues.md. The bot never reads these files.
 */
import { z } from 'zod';
import { slug, text } from '../../domain/scenario/fields.js';
import { CRITERIA } from '../../domain/scenario/vocabulary.js';

/** Marks a tutor can expect: the marking guide's three and `n/a`. */
export const EXPECTED_MARKS = ['met', 'partly', 'missed', 'n/a'] as const;

/** Words or a pattern a reply must (or must not) contain; checked case-insensitively. */
export const replyCheckSchema = z
  .object({
    /** every one of these appears in the reply (any case; curly and straight apostrophes alike) */
    mentions: z.array(text).min(1).optional(),
    /** none of these appears */
    avoids: z.array(text).min(1).optional(),
    /** a regular expression (JavaScript, matched case-insensitively) the reply matches */
    matches: text.optional(),
    /** the customer puts the phone down after this reply (true), or stays on the line (false) */
    hangsUp: z.boolean().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'say what to check: mentions, avoids, matches or hangsUp' });
export type ReplyCheck = z.infer<typeof replyCheckSchema>;

/** One learner message: plain text, or text with checks on the replies it gets. */
export const stepSchema = z.union([
  text,
  z
    .object({
      say: text,
      /** the customer's reply to this message (all of their lines in this turn, joined) */
      customer: replyCheckSchema.optional(),
      /** the desk's reply (for a `/` desk command) */
      desk: replyCheckSchema.optional(),
    })
    .strict(),
]);
export type Step = z.infer<typeof stepSchema>;

/** The call's expected result. Criteria not listed are not checked. */
export const expectationSchema = z
  .object({
    marks: z.partialRecord(z.enum(CRITERIA), z.enum(EXPECTED_MARKS)),
    score: z.number().int().min(0).max(100).optional(),
    passed: z.boolean().optional(),
  })
  .strict();

/** One example call. */
export const dialogueSchema = z
  .object({
    /** e.g. "model answer", "weak: no verification" — unique in the file */
    name: text,
    /** what the tutor is showing with this call */
    about: text.optional(),
    /** the customer's random choices (which wording, which order); the same seed plays the same call */
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    mode: z.enum(['practice', 'assessment']).default('practice'),
    /** the learner's messages after `/start`, in order; desk commands (`/stock …`) included */
    learner: z.array(stepSchema).min(1),
    expect: expectationSchema,
  })
  .strict();
export type Dialogue = z.infer<typeof dialogueSchema>;

export const dialogueFileSchema = z
  .object({
    version: z.literal(1).default(1),
    /** the id of the scenario these calls are played in */
    scenario: slug,
    dialogues: z.array(dialogueSchema).min(1),
  })
  .strict();
export type DialogueFile = z.infer<typeof dialogueFileSchema>;

/** The text of a step. */
export function stepText(step: Step): string {
  return typeof step === 'string' ? step : step.say;
}
