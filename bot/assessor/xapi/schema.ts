/**
 * The xAPI 1.0.3 statement structure (IEEE 9274.1.1 base; ADL xAPI-Spec 1.0.3, Part Two §2.4)
 * as zod schemas: every object closed (`.strict()`, unknown properties are an error), IRIs
 * absolute, ids UUIDs, timestamps ISO 8601 date-times, durations ISO 8601, language maps keyed
 * by RFC 5646 tags, extension keys IRIs. Used to check our own exports before they leave,
 * and by the tests. Sub-statements and attachments' binary parts are not modelled (we never
 * send them).
 */
import { z } from 'zod';

/** An absolute IRI (RFC 3987): a scheme, a colon and no whitespace or characters IRIs forbid. */
export const iriSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/, { message: 'must be an absolute IRI' });

/** An IRL: an IRI that is meant to be looked up (http or https). */
export const irlSchema = z.string().regex(/^https?:\/\/[^\s<>"{}|\\^`/][^\s<>"{}|\\^`]*$/, { message: 'must be an http(s) IRL' });

/** A UUID in the RFC 4122 variant (xAPI: "UUID … as defined in RFC 4122"). */
export const uuidSchema = z.uuid({ message: 'must be a UUID' });

/** ISO 8601 date and time with a time zone (xAPI requires one). */
export const timestampSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' });

/** ISO 8601 duration, e.g. `PT4M30.5S`. */
export const durationSchema = z
  .string()
  .regex(/^P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/, {
    message: 'must be an ISO 8601 duration',
  });

/** An RFC 5646 language tag (the common forms). */
export const languageTagSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-[A-Za-z0-9]{5,8})*$/, {
  message: 'must be an RFC 5646 language tag',
});

/** Text by language. */
export const languageMapSchema = z.record(languageTagSchema, z.string()).refine((m) => Object.keys(m).length > 0, {
  message: 'must have at least one language',
});

/** Extensions: IRI keys, any JSON values. */
export const extensionsSchema = z.record(iriSchema, z.json());

const mboxSchema = z.string().regex(/^mailto:[^\s@]+@[^\s@]+$/, { message: 'must be a mailto: IRI' });

export const accountSchema = z.object({ homePage: irlSchema, name: z.string().min(1) }).strict();

const ifiShape = {
  mbox: mboxSchema.optional(),
  mbox_sha1sum: z
    .string()
    .regex(/^[0-9a-f]{40}$/i, { message: 'must be a SHA-1 hex digest' })
    .optional(),
  openid: iriSchema.optional(),
  account: accountSchema.optional(),
};

const ifiCount = (a: { mbox?: unknown; mbox_sha1sum?: unknown; openid?: unknown; account?: unknown }): number =>
  [a.mbox, a.mbox_sha1sum, a.openid, a.account].filter((v) => v !== undefined).length;

/** An Agent: exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account). */
export const agentSchema = z
  .object({ objectType: z.literal('Agent').optional(), name: z.string().optional(), ...ifiShape })
  .strict()
  .refine((a) => ifiCount(a) === 1, { message: 'an Agent must have exactly one of mbox, mbox_sha1sum, openid, account' });

/** A Group: identified (one IFI) or anonymous (no IFI, with members). */
export const groupSchema = z
  .object({ objectType: z.literal('Group'), name: z.string().optional(), member: z.array(agentSchema).optional(), ...ifiShape })
  .strict()
  .refine((g) => ifiCount(g) === 1 || (ifiCount(g) === 0 && (g.member?.length ?? 0) > 0), {
    message: 'a Group must have exactly one identifier, or none and at least one member',
  });

export const actorSchema = z.union([agentSchema, groupSchema]);

/** An Agent as a statement's object, where `objectType` is required. */
export const objectAgentSchema = z
  .object({ objectType: z.literal('Agent'), name: z.string().optional(), ...ifiShape })
  .strict()
  .refine((a) => ifiCount(a) === 1, { message: 'an Agent must have exactly one of mbox, mbox_sha1sum, openid, account' });

export const verbSchema = z.object({ id: iriSchema, display: languageMapSchema.optional() }).strict();

const interactionComponentSchema = z.object({ id: z.string().min(1), description: languageMapSchema.optional() }).strict();

export const activityDefinitionSchema = z
  .object({
    name: languageMapSchema.optional(),
    description: languageMapSchema.optional(),
    type: iriSchema.optional(),
    moreInfo: irlSchema.optional(),
    extensions: extensionsSchema.optional(),
    interactionType: z
      .enum(['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'])
      .optional(),
    correctResponsesPattern: z.array(z.string()).optional(),
    choices: z.array(interactionComponentSchema).optional(),
    scale: z.array(interactionComponentSchema).optional(),
    source: z.array(interactionComponentSchema).optional(),
    target: z.array(interactionComponentSchema).optional(),
    steps: z.array(interactionComponentSchema).optional(),
  })
  .strict();

export const activitySchema = z
  .object({ objectType: z.literal('Activity').optional(), id: iriSchema, definition: activityDefinitionSchema.optional() })
  .strict();

export const statementRefSchema = z.object({ objectType: z.literal('StatementRef'), id: uuidSchema }).strict();

export const scoreSchema = z
  .object({
    scaled: z.number().min(-1).max(1).optional(),
    raw: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .refine((s) => s.min === undefined || s.max === undefined || s.min < s.max, { message: 'score.min must be less than score.max' })
  .refine((s) => s.raw === undefined || ((s.min === undefined || s.raw >= s.min) && (s.max === undefined || s.raw <= s.max)), {
    message: 'score.raw must lie between score.min and score.max',
  });

export const resultSchema = z
  .object({
    score: scoreSchema.optional(),
    success: z.boolean().optional(),
    completion: z.boolean().optional(),
    response: z.string().optional(),
    duration: durationSchema.optional(),
    extensions: extensionsSchema.optional(),
  })
  .strict();

const activities = z.union([activitySchema, z.array(activitySchema)]);

export const contextActivitiesSchema = z
  .object({ parent: activities.optional(), grouping: activities.optional(), category: activities.optional(), other: activities.optional() })
  .strict();

export const contextSchema = z
  .object({
    registration: uuidSchema.optional(),
    instructor: actorSchema.optional(),
    team: groupSchema.optional(),
    contextActivities: contextActivitiesSchema.optional(),
    revision: z.string().optional(),
    platform: z.string().optional(),
    language: languageTagSchema.optional(),
    statement: statementRefSchema.optional(),
    extensions: extensionsSchema.optional(),
  })
  .strict();

/** A statement as a Learning Record Provider sends it. */
export const statementSchema = z
  .object({
    id: uuidSchema.optional(),
    actor: actorSchema,
    verb: verbSchema,
    object: z.union([activitySchema, objectAgentSchema, groupSchema, statementRefSchema]),
    result: resultSchema.optional(),
    context: contextSchema.optional(),
    timestamp: timestampSchema.optional(),
    stored: timestampSchema.optional(),
    authority: actorSchema.optional(),
    version: z
      .string()
      .regex(/^1\.0(\.\d+)?$/, { message: 'must be 1.0.x' })
      .optional(),
  })
  .strict()
  .refine(
    (s) =>
      (s.context?.revision === undefined && s.context?.platform === undefined) ||
      (s.object as { objectType?: string }).objectType === undefined ||
      (s.object as { objectType?: string }).objectType === 'Activity',
    { message: 'context.revision and context.platform are only allowed when the object is an Activity' },
  );

export type XapiStatement = z.infer<typeof statementSchema>;
export type XapiActivity = z.infer<typeof activitySchema>;
export type XapiExtensions = z.infer<typeof extensionsSchema>;
