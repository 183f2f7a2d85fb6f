/**
 * The simulated customer's state: everything it remembers between learner messages, as a
 * plain JSON object. The call flow stores it in botbuilder state after every turn; a
 * server restart in the middle of a call resumes from it exactly (the random generator's
 * position is part of it). Validated with zod when restored (it crosses a storage edge).
 */
import { z } from 'zod';
import { ASK_IDS, CREDIT_ROUTES, FACT_IDS, PROBLEM_OPTIONS } from '../../domain/scenario/vocabulary.js';

/** The caller's temper, as the call flow and the coach may show it. */
export const MOODS = ['neutral', 'impatient', 'anxious', 'irate', 'calm'] as const;
export type Mood = (typeof MOODS)[number];

/**
 * How far the caller's patience has gone: `ok`, then `impatient` (says so), then
 * `manager` (asks for one), then `gone` (hangs up).
 */
export const PATIENCE_STAGES = ['ok', 'impatient', 'manager', 'gone'] as const;
export type PatienceStage = (typeof PATIENCE_STAGES)[number];

const factId = z.enum(FACT_IDS);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One pending request on the caller's agenda: something they want to find out. */
export const agendaAskSchema = z
  .object({
    ask: z.enum(ASK_IDS),
    /** times the caller has asked it */
    asked: z.number().int().nonnegative(),
    /** the adviser has answered it */
    satisfied: z.boolean(),
    /** the caller's turn it was last asked in */
    askedTurn: z.number().int().nonnegative().optional(),
    /** it was passed over once and asked again */
    reasked: z.boolean().optional(),
  })
  .strict();
export type AgendaAsk = z.infer<typeof agendaAskSchema>;

/** An amount the adviser said, and what it seemed to be about. */
export const heardPriceSchema = z
  .object({
    pence: z.number().int(),
    role: z.string(),
    basis: z.string(),
    /** the option being talked about when it was said (see `topic`) */
    topic: z.string(),
    turn: z.number().int(),
  })
  .strict();
export type HeardPrice = z.infer<typeof heardPriceSchema>;

/** What the caller has learnt from the adviser so far (the goal's "found out" half). */
export const memorySchema = z
  .object({
    introduced: z.boolean(),
    apologised: z.boolean(),
    explained: z.boolean(),
    remedy: z.boolean(),
    followUp: z.boolean(),
    outOfStock: z.boolean(),
    alternativeOffered: z.boolean(),
    backOrderOffered: z.boolean(),
    /** after the alternative was offered: a price / a date / the difference was stated */
    alternativePrice: z.boolean(),
    alternativeDate: z.boolean(),
    differenceStated: z.boolean(),
    problemOptions: z.array(z.enum(PROBLEM_OPTIONS)),
    creditProblem: z.boolean(),
    creditRoutes: z.array(z.enum(CREDIT_ROUTES)),
    creditControlExplained: z.boolean(),
    /** the adviser agreed to put the order on account as it stands */
    promisedOnAccount: z.boolean(),
    /** what is being talked about: `order`, `alternative`, `back-order`, `split`, … */
    topic: z.string(),
    prices: z.array(heardPriceSchema),
    dates: z.array(z.object({ date: localDate, role: z.string(), turn: z.number().int() }).strict()),
    /** dates already queried (the caller accepts one said again after the query) */
    queriedDates: z.array(localDate),
    /** price pairs already queried, as "old>new" */
    queriedPrices: z.array(z.string()),
    /** a time span was given where the caller wanted a day */
    spanOnly: z.boolean(),
    /** the caller has said a date is in time */
    dateOkSaid: z.boolean(),
    /** off-topic remarks heard */
    offTopic: z.number().int().nonnegative(),
    /** the caller has asked whether there is an alternative */
    askedAlternative: z.boolean(),
    /** the caller has asked what an outbound call is about */
    askedPurpose: z.boolean(),
    /** the caller has asked who is calling (outbound) */
    askedWho: z.boolean(),
    /** the caller has asked how a referral works */
    askedReferral: z.boolean(),
    /** the adviser has told the caller plainly that something went wrong */
    problemNews: z.boolean(),
    /**
     * the adviser has given facts, not just news: what went wrong or where things are, the
     * stock or credit position, the terms that apply (states saved before this field: false)
     */
    factsGiven: z.boolean().default(false),
    /** what the caller last said (repeated when the adviser asks "sorry, what was that?") */
    lastSaid: z.string().optional(),
    /** the caller's turn that last asked the adviser something */
    questionTurn: z.number().int().nonnegative().optional(),
    /** over the credit limit with no way offered, the caller has asked what can be done */
    askedOptions: z.boolean().default(false),
    /** desk actions the learner has taken (kinds, in order, deduplicated) */
    desk: z.array(z.string()),
  })
  .strict();
export type Memory = z.infer<typeof memorySchema>;

/** What the caller has decided. */
export const decisionsSchema = z
  .object({
    outOfStock: z.enum(['alternative', 'back-order', 'cancel']).optional(),
    credit: z.union([z.enum(CREDIT_ROUTES), z.literal('on-account')]).optional(),
    problem: z.enum(PROBLEM_OPTIONS).optional(),
    /** a date the caller picked among those the adviser offered */
    pickedDate: localDate.optional(),
    /** pushed back once on "it can't go on account" */
    pushedBack: z.boolean(),
    /** paid through the secure payment line */
    paid: z.boolean(),
  })
  .strict();
export type Decisions = z.infer<typeof decisionsSchema>;

/** The whole state. */
export const customerStateSchema = z
  .object({
    version: z.literal(1),
    scenarioId: z.string().min(1),
    /** the random generator's position */
    random: z.number().int().min(0).max(0xffffffff),
    /** learner messages heard */
    turn: z.number().int().nonnegative(),
    opened: z.boolean(),
    hungUp: z.boolean(),
    mood: z.enum(MOODS),
    /** the caller has been calmed (an irate or anxious caller) */
    calmed: z.boolean(),
    annoyance: z.number().int().nonnegative(),
    stage: z.enum(PATIENCE_STAGES),
    abuseWarnings: z.number().int().nonnegative(),
    /** facts the caller has given */
    revealed: z.array(factId),
    /** how often the adviser asked for each fact */
    askedFacts: z.partialRecord(factId, z.number().int().nonnegative()),
    agenda: z.array(agendaAskSchema),
    memory: memorySchema,
    decisions: decisionsSchema,
    /** the variant last used per line key, to avoid saying the same words twice running */
    lastVariant: z.record(z.string(), z.number().int().nonnegative()),
    /** the caller has said there is nothing else */
    nothingElse: z.boolean(),
    /** the caller has asked a last question at the adviser's goodbye */
    heldGoodbye: z.boolean(),
    /** the caller has threatened to go elsewhere */
    threatened: z.boolean(),
    /** the caller has reacted to details read out before verification (a careful caller remarks on them) */
    remarkedDisclosure: z.boolean(),
  })
  .strict();
export type CustomerState = z.infer<typeof customerStateSchema>;

/** Thrown when a stored state cannot be restored. */
export class CustomerStateError extends Error {
  constructor(
    message: string,
    readonly scenarioId: string | undefined,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}: ${issues.join('; ')}` : message);
    this.name = 'CustomerStateError';
  }
}

/** Validate a stored state (e.g. read back from storage). Throws {@link CustomerStateError}. */
export function parseCustomerState(value: unknown, scenarioId?: string): CustomerState {
  const parsed = customerStateSchema.safeParse(value);
  if (!parsed.success) {
    throw new CustomerStateError(
      'stored customer state is not valid',
      scenarioId,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  if (scenarioId !== undefined && parsed.data.scenarioId !== scenarioId) {
    throw new CustomerStateError(`stored customer state is for scenario ${parsed.data.scenarioId}`, scenarioId);
  }
  return parsed.data;
}

/** A fresh memory: nothing heard yet. */
export function emptyMemory(): Memory {
  return {
    introduced: false,
    apologised: false,
    explained: false,
    remedy: false,
    followUp: false,
    outOfStock: false,
    alternativeOffered: false,
    backOrderOffered: false,
    alternativePrice: false,
    alternativeDate: false,
    differenceStated: false,
    problemOptions: [],
    creditProblem: false,
    creditRoutes: [],
    creditControlExplained: false,
    promisedOnAccount: false,
    topic: 'order',
    prices: [],
    dates: [],
    queriedDates: [],
    queriedPrices: [],
    spanOnly: false,
    dateOkSaid: false,
    offTopic: 0,
    askedAlternative: false,
    askedPurpose: false,
    askedWho: false,
    askedReferral: false,
    problemNews: false,
    factsGiven: false,
    askedOptions: false,
    desk: [],
  };
}
