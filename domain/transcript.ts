/**
 * The transcript format of contract §4: a Bot Framework `.transcript` file, a JSON
 * array of activities, oldest first. Only the fields the marker needs are typed;
 * the rest pass through untouched.
 */
import { z } from 'zod';

/** Who a bot message speaks for (contract §2). */
export const SPEAKERS = ['customer', 'desk', 'coach'] as const;
export type Speaker = (typeof SPEAKERS)[number];

export const transcriptActivitySchema = z
  .object({
    type: z.string(),
    id: z.string().optional(),
    text: z.string().optional(),
    timestamp: z.string().optional(),
    from: z.object({ id: z.string().optional(), name: z.string().optional(), role: z.string().optional() }).passthrough(),
    channelData: z.object({ speaker: z.enum(SPEAKERS).optional() }).passthrough().optional(),
  })
  .passthrough();

export type TranscriptActivity = z.infer<typeof transcriptActivitySchema>;

export const transcriptSchema = z.array(transcriptActivitySchema);

/** The learner is the user; everything else is the bot speaking as customer, desk or coach. */
export function isLearner(a: TranscriptActivity): boolean {
  return a.from?.role === 'user';
}

/** The speaker of a bot message (undefined for learner messages). */
export function speakerOf(a: TranscriptActivity): Speaker | undefined {
  return isLearner(a) ? undefined : a.channelData?.speaker;
}
