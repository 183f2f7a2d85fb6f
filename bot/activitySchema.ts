/**
 * The shape an activity must have to reach the bot through `POST /api/messages`: what the
 * adapter and the bot state read from every activity. Checked at the edge so that a
 * malformed body gets a 400 naming the field, instead of failing inside the turn (a missing
 * conversation id broke the state key; a missing serviceUrl made the adapter post replies to
 * the public Bot Framework for 12 seconds; a numeric `text` threw in the bot).
 *
 * The object is `.loose()`, not `.strict()`: channels send many more Bot Framework schema
 * fields (Teams adds `channelData.tenant`, `entities`, `localTimezone`, …) and new ones over
 * time; they pass through untouched to botbuilder, which owns that schema.
 */
import { z } from 'zod';

/** Longest id we accept (Teams conversation ids run to a few hundred characters). */
const MAX_ID = 1024;

const id = z.string().min(1, { message: 'must not be empty' }).max(MAX_ID, { message: `must be at most ${MAX_ID} characters` });

const account = z.object({ id }).loose();

export const incomingActivitySchema = z
  .object({
    type: z.string().min(1, { message: 'must not be empty' }).max(64),
    channelId: id,
    /** Where replies go (the adapter needs it even for `expectReplies`). */
    serviceUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048),
    conversation: z.object({ id }).loose(),
    from: account,
    recipient: account.optional(),
    text: z.string().optional(),
    deliveryMode: z.string().max(64).optional(),
  })
  .loose();

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** One line naming what is wrong with `body`, e.g. `conversation.id is required`. */
export function describeActivityProblem(error: z.ZodError, body: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not a Bot Framework activity';
  if (issue.path.length === 0) return 'it must be a JSON object';
  const field = issue.path.join('.');
  if (issue.code === 'invalid_type') {
    return valueAt(body, issue.path) === undefined ? `${field} is required` : `${field} must be a ${issue.expected}`;
  }
  return `${field} ${issue.message}`;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}
