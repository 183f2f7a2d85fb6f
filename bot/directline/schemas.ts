/**
 * Request bodies of the local Direct Line, as `botframework-directlinejs` (Web Chat's
 * client) sends them. Validated at the edge; the bot gets a rebuilt activity, never the
 * client's object as is.
 */
import { z } from 'zod';

const shortText = z.string().max(200);

/** `POST /v3/directline/conversations` (Web Chat sends `{ user: { id }, locale }`; the page adds the name). */
export const startConversationSchema = z
  .object({
    user: z
      .object({ id: z.string().regex(/^[\w.:@-]{1,128}$/).optional(), name: z.string().trim().max(100).optional() })
      .strict()
      .optional(),
    locale: z.string().max(35).optional(),
  })
  .strict();

const accountSchema = z.object({ id: z.string().max(128).optional(), name: z.string().max(100).optional(), role: z.string().max(20).optional() }).strict();

/** `POST /v3/directline/conversations/:id/activities`. */
export const postActivitySchema = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    from: accountSchema.optional(),
    text: z.string().max(10_000).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    locale: z.string().max(35).optional(),
    localTimestamp: shortText.optional(),
    localTimezone: shortText.optional(),
    timestamp: shortText.optional(),
    channelId: shortText.optional(),
    conversation: z.object({ id: z.string().max(200) }).loose().optional(),
    name: shortText.optional(),
    value: z.unknown().optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
    attachments: z.array(z.unknown()).max(0, { message: 'attachments are not supported here' }).optional(),
  })
  .strict();
export type PostedActivity = z.infer<typeof postActivitySchema>;

/** `?watermark=` (empty on the first poll). */
export const watermarkSchema = z.object({ watermark: z.string().regex(/^\d{0,12}$/).optional() }).loose();
