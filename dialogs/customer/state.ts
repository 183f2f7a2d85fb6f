/**
 * The simulated customer's state: everything it remembers between learner messages, as a
 * plain JSON object. The call flow stores it in botbuilder state after every turn; a
 * server restart in the middle of a call resumes from it exactly (the random generator's
 * position is part of it). Validated with zod when restored (it crosses a storage edge).
 *
 * The saved form ({@link savedState}) leaves out every field still at its default (a `false`
 * flag, an empty list, a zero count): the schema's defaults put them back when it is restored,
 * so states saved whole, before the saved form was compact, restore as before.
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
    asked: z.number().int().nonnegative().default(0),
    /** the adviser has answered it */
    satisfied: z.boolean().default(false),
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
    introduced: z.boolean().default(false),
    apologised: z.boolean().default(false),
    explained: z.boolean().default(false),
    remedy: z.boolean().default(false),
    followUp: z.boolean().default(false),
    outOfStock: z.boolean().default(false),
    alternativeOffered: z.boolean().default(false),
    backOrderOffered: z.boolean().default(false),
    /** after the alternative was offered: a price / a date / the difference was stated */
    alternativePrice: z.boolean().default(false),
    alternativeDate: z.boolean().default(false),
    differenceStated: z.boolean().default(false),
    problemOptions: z.array(z.enum(PROBLEM_OPTIONS)).default(() => []),
    creditProblem: z.boolean().default(false),
    creditRoutes: z.array(z.enum(CREDIT_ROUTES)).default(() => []),
    creditControlExplained: z.boolean().default(false),
    /** the adviser agreed to put the order on account as it stands */
    promisedOnAccount: z.boolean().default(false),
    /** what is being talked about: `order`, `alternative`, `back-order`, `split`, … */
    topic: z.string().default('order'),
    prices: z.array(heardPriceSchema).default(() => []),
    dates: z.array(z.object({ date: localDate, role: z.string(), turn: z.number().int() }).strict()).default(() => []),
    /** dates already queried (the caller accepts one said again after the query) */
    queriedDates: z.array(localDate).default(() => []),
    /** price pairs already queried, as "old>new" */
    queriedPrices: z.array(z.string()).default(() => []),
    /** a time span was given where the caller wanted a day */
    spanOnly: z.boolean().default(false),
    /** the caller has said a date is in time */
    dateOkSaid: z.boolean().default(false),
    /** off-topic remarks heard */
    offTopic: z.number().int().nonnegative().default(0),
    /** the caller has asked whether there is an alternative */
    askedAlternative: z.boolean().default(false),
    /** the caller has asked what an outbound call is about */
    askedPurpose: z.boolean().default(false),
    /** the caller has asked who is calling (outbound) */
    askedWho: z.boolean().default(false),
    /** the caller has asked how a referral works */
    askedReferral: z.boolean().default(false),
    /** the adviser has told the caller plainly that something went wrong */
    problemNews: z.boolean().default(false),
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
    /** the adviser has said the new delivery address a change-order caller wants (its postcode or its own words) */
    addressHeard: z.boolean().default(false),
    /** desk actions the learner has taken (kinds, in order, deduplicated) */
    desk: z.array(z.string()).default(() => []),
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
    pushedBack: z.boolean().default(false),
    /** paid through the secure payment line */
    paid: z.boolean().default(false),
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
    turn: z.number().int().nonnegative().default(0),
    opened: z.boolean().default(false),
    hungUp: z.boolean().default(false),
    mood: z.enum(MOODS),
    /** the caller has been calmed (an irate or anxious caller) */
    calmed: z.boolean().default(false),
    annoyance: z.number().int().nonnegative().default(0),
    stage: z.enum(PATIENCE_STAGES).default('ok'),
    abuseWarnings: z.number().int().nonnegative().default(0),
    /** facts the caller has given */
    revealed: z.array(factId).default(() => []),
    /** how often the adviser asked for each fact */
    askedFacts: z.partialRecord(factId, z.number().int().nonnegative()).default(() => ({})),
    agenda: z.array(agendaAskSchema),
    memory: memorySchema.prefault({}),
    decisions: decisionsSchema.prefault({}),
    /** the variant last used per line key, to avoid saying the same words twice running */
    lastVariant: z.record(z.string(), z.number().int().nonnegative()).default(() => ({})),
    /** the caller has said there is nothing else */
    nothingElse: z.boolean().default(false),
    /** the caller has asked a last question at the adviser's goodbye */
    heldGoodbye: z.boolean().default(false),
    /** the caller has threatened to go elsewhere */
    threatened: z.boolean().default(false),
    /** the caller has reacted to details read out before verification (a careful caller remarks on them) */
    remarkedDisclosure: z.boolean().default(false),
  })
  .strict();
export type CustomerState = z.infer<typeof customerStateSchema>;
/** The state as saved: fields at their defaults may be left out ({@link savedState}). */
export type SavedCustomerState = z.input<typeof customerStateSchema>;

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
    addressHeard: false,
    desk: [],
  };
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/** The defaults of an object schema's fields (those with one), read from the schema itself. */
function defaultsOf(shape: Record<string, z.ZodType>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, field] of Object.entries(shape)) {
    const r = field.safeParse(undefined);
    if (r.success && r.data !== undefined) out[key] = r.data as Json;
  }
  return out;
}

const TOP_DEFAULTS = defaultsOf(customerStateSchema.shape);
const MEMORY_DEFAULTS = defaultsOf(memorySchema.shape);
const DECISIONS_DEFAULTS = defaultsOf(decisionsSchema.shape);
const ASK_DEFAULTS = defaultsOf(agendaAskSchema.shape);

/** A deep copy of plain JSON data. */
function copyJson<T extends Json>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((x) => copyJson(x)) as T;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value)) out[key] = copyJson(value[key]);
  return out as T;
}

function isDefault(value: Json, fallback: Json): boolean {
  if (value === fallback) return true;
  if (Array.isArray(value)) return Array.isArray(fallback) && value.length === 0 && fallback.length === 0;
  if (value !== null && typeof value === 'object' && fallback !== null && typeof fallback === 'object' && !Array.isArray(fallback)) {
    return Object.keys(value).length === 0 && Object.keys(fallback).length === 0;
  }
  return false;
}

/** A copy of `value` without the fields at their default; `inner` compacts nested objects by key. */
function compact(value: Record<string, Json>, defaults: Record<string, Json>, inner: Record<string, (v: Json) => Json> = {}): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || (key in defaults && isDefault(v, defaults[key]))) continue;
    out[key] = inner[key] ? inner[key](v) : copyJson(v);
  }
  return out;
}

const COMPACT_INNER: Record<string, (v: Json) => Json> = {
  memory: (v) => compact(v as Record<string, Json>, MEMORY_DEFAULTS),
  decisions: (v) => compact(v as Record<string, Json>, DECISIONS_DEFAULTS),
  agenda: (v) => (v as Record<string, Json>[]).map((a) => compact(a, ASK_DEFAULTS)),
};

/**
 * The state to save: a copy sharing nothing with `state`, without the fields at their default
 * ({@link parseCustomerState} restores them). About half the size of the whole state.
 */
export function savedState(state: CustomerState): SavedCustomerState {
  return compact(state as unknown as Record<string, Json>, TOP_DEFAULTS, COMPACT_INNER) as SavedCustomerState;
}

/** A deep copy of the whole state (cheaper than `structuredClone` for this plain JSON). */
export function copyState(state: CustomerState): CustomerState {
  return copyJson(state as unknown as Json) as unknown as CustomerState;
}
