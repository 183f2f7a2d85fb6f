/**
 * The scenario file schema (v1) — the single source of truth for what a tutor may write
 * under `scenarios/`. Types are inferred from it; see docs/scenario-format.md for the
 * tutor-facing reference and docs/decisions/0002-scenario-files.md for the design.
 *
 * A scenario names its organisation by id (`organisation: harbour-and-pike`); the
 * organisation file holds the catalogue, offers and policies. Truths (prices, dates…)
 * are never written here: `computeTruths` derives them from these facts and the clock.
 */
import { z } from 'zod';
import {
  clockSchema,

  countInt,
  localDate,
  money,
  positiveInt,
  productCode,
  slug,
  text,
} from './fields.js';
import { TEAM_IDS } from './organisation.js';
import {
  ASK_IDS,
  CREDIT_ROUTES,
  CRITERIA,
  DEFAULT_KEY_CRITERIA,
  DEFAULT_PASS_SCORE,
  FACT_IDS,
  LINE_KEYS,
  PROBLEM_OPTIONS,
  TERM_IDS,
} from './vocabulary.js';

export * from './organisation.js';
export * from './vocabulary.js';
export { clockSchema, localDate, money } from './fields.js';

/** One order line: a product and a quantity. */
export const lineSchema = z.object({ code: productCode, qty: positiveInt }).strict();

/**
 * Something the customer says: plain text, or text with the hidden facts it gives away
 * (so the simulator and the marker know a detail was volunteered).
 */
export const utteranceSchema = z.union([
  text,
  z.object({ text, reveals: z.array(z.enum(FACT_IDS)).min(1) }).strict(),
]);

/** The caller, or (outbound) the customer called. */
export const customerSchema = z
  .object({
    /** full name, e.g. "Priya Shah" */
    name: text,
    /** what the customer is called in conversation (defaults to the first word of `name`) */
    firstName: text.optional(),
    role: text.optional(),
    organisation: text.optional(),
    type: z.enum(['business', 'private']),
    /** what the caller knows and will give when asked (may differ from the account!) */
    identity: z
      .object({
        accountNumber: text.optional(),
        orderNumbers: z.array(text).default([]),
        postcode: text,
        phone: text,
        email: text,
        /** billing (or home) address */
        address: text,
        /** where they want goods delivered, when not the address above */
        deliveryAddress: text.optional(),
      })
      .strict(),
    persona: z
      .object({
        /** overall manner, in a word or two: e.g. busy-polite, friendly-pushy, anxious, irate */
        temperament: z.enum(['calm', 'busy-polite', 'friendly-pushy', 'pleasant', 'anxious', 'irate']),
        /** how the caller starts the call */
        mood: z.enum(['neutral', 'impatient', 'anxious', 'irate']).default('neutral'),
        /** annoyances (repeated questions, wrong facts, disclosure before verification) tolerated before escalating */
        patience: z.number().int().min(1).max(10),
        /** how readily the caller offers details before being asked */
        volunteering: z.enum(['low', 'medium', 'high']),
        /** what calms an upset caller */
        calmsWith: z.array(z.enum(['apology', 'facts', 'date', 'remedy'])).default([]),
        /** what makes them threaten to go elsewhere / ask for a manager */
        provokedBy: z.array(z.enum(['fobbed-off', 'blame', 'repeated-questions', 'wrong-facts'])).default([]),
        /** remarks when account or order details are read out before they are verified (line `unverified_disclosure`) */
        careful: z.boolean().default(false),
      })
      .strict(),
  })
  .strict();

/** The account as the order system shows it (absent for private customers). */
export const accountSchema = z
  .object({
    number: text,
    name: text,
    contacts: z.array(z.object({ name: text, role: text.optional() }).strict()).min(1),
    billingAddress: text,
    /** defaults to the billing address */
    deliveryAddress: text.optional(),
    postcode: text,
    phone: text,
    email: text,
    /** omit limit and balance to show only `creditStatus` */
    creditLimit: money.optional(),
    balance: money.optional(),
    /** shown when limit and balance are not, e.g. "within limit, no overdue invoices" */
    creditStatus: text.optional(),
  })
  .strict();

/** What went wrong with an existing order, as the system records it. */
export const problemSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('damaged-in-picking'),
      code: productCode,
      qty: positiveInt,
      /** when the warehouse noted it */
      noted: clockSchema,
      /** the undamaged units dispatch on this date, keeping the promised delivery */
      othersDispatch: localDate,
      /** replacements reach the warehouse from the supplier */
      replacementArrives: localDate,
    })
    .strict(),
  z
    .object({
      type: z.literal('transit-damage'),
      /** e.g. "pallet damaged in transit, goods re-packed" */
      what: text,
      heldAt: text,
      redelivery: localDate,
    })
    .strict(),
  z
    .object({
      type: z.literal('carrier-delay'),
      what: text,
      redelivery: localDate.optional(),
    })
    .strict(),
]);

/** An order already on the system. */
export const orderSchema = z
  .object({
    number: text,
    /** the account it is on; omit for a private (website) order */
    account: text.optional(),
    channel: z.enum(['phone', 'website', 'email']).default('phone'),
    placedAt: clockSchema,
    lines: z.array(lineSchema).min(1),
    status: z.enum(['awaiting-dispatch', 'dispatched', 'delivered', 'cancelled']),
    /** promised delivery; computed from `placedAt` by the delivery rule when omitted */
    promised: localDate.optional(),
    deliverTo: text,
    payment: z.discriminatedUnion('method', [
      z.object({ method: z.literal('account') }).strict(),
      z.object({ method: z.literal('card'), card: text }).strict(),
    ]),
    dispatch: z
      .object({
        date: localDate,
        carrier: text.optional(),
        tracking: z.object({ number: text, status: text }).strict().optional(),
      })
      .strict()
      .optional(),
    delivered: localDate.optional(),
    /** free-text notes the desk shows, e.g. a warehouse note */
    notes: z.array(z.object({ at: clockSchema, text }).strict()).default([]),
    problems: z.array(problemSchema).default([]),
  })
  .strict();

/** Stock for one code as the order system shows it. Codes not listed are in stock. */
export const stockSchema = z
  .object({
    onHand: countInt,
    /** next supplier delivery reaching the warehouse */
    nextDelivery: localDate.optional(),
    /** the listed alternative */
    alternative: productCode.optional(),
  })
  .strict();

/** A customer's attitude to one route out of an order over the credit limit. */
const creditRouteChoice = z
  .object({
    route: z.enum(CREDIT_ROUTES),
    /** accepts when offered; only if the adviser explains it; or reluctantly */
    attitude: z.enum(['accepts', 'accepts-if-explained', 'reluctant']),
  })
  .strict();

/** What the customer wants: their goal and agenda. */
export const wantsSchema = z
  .object({
    /** one line for tutors and the briefing, e.g. "6 Ergo 200 chairs for a new surgery office" */
    summary: text,
    /** the reason for the call, as the caller puts it (answers the `reason` fact) */
    reason: text,
    /** items to order (purpose: place) */
    items: z.array(lineSchema).optional(),
    /** the existing order the call is about */
    order: text.optional(),
    /** new quantities for lines of `order` (purpose: change) */
    setQuantities: z.array(lineSchema).optional(),
    /** units of lines of `order` to cancel */
    cancelUnits: z.array(lineSchema).optional(),
    /** new delivery address for `order` */
    newDeliveryAddress: text.optional(),
    /** goods to send back (purpose: cancel, after delivery) */
    return: z
      .object({
        /** omit for the whole order */
        items: z.array(lineSchema).optional(),
        faulty: z.boolean(),
        unused: z.boolean(),
        originalPackaging: z.boolean(),
        why: text,
      })
      .strict()
      .optional(),
    neededBy: z
      .object({
        date: localDate,
        /** a firm deadline, or only a hope */
        kind: z.enum(['deadline', 'hope']).default('deadline'),
        why: text.optional(),
      })
      .strict()
      .optional(),
    /** how the caller means to pay for a new order */
    payment: z.enum(['account', 'card']).optional(),
    /** what the caller wants to find out, in the order they would ask */
    asks: z.array(z.enum(ASK_IDS)).default([]),
    choices: z
      .object({
        /** requested item out of stock */
        outOfStock: z
          .object({
            take: z.enum(['alternative', 'back-order', 'cancel']),
            /** takes it only when the adviser has stated these */
            when: z.array(z.enum(['price-stated', 'date-stated', 'difference-stated'])).default([]),
            otherwise: z.enum(['alternative', 'back-order', 'cancel']).optional(),
          })
          .strict()
          .optional(),
        /** order over the available credit: routes the caller goes along with, in order of preference */
        overCredit: z.array(creditRouteChoice).optional(),
        /** when offered options for a problem order */
        problemOption: z.enum(PROBLEM_OPTIONS).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

/** One required term, or a group of which any one will do ("X or Y"). */
export const termRequirementSchema = z.union([
  z.enum(TERM_IDS),
  z.object({ anyOf: z.array(z.enum(TERM_IDS)).min(2) }).strict(),
]);

export const rubricSchema = z
  .object({
    /** the criteria marked in this scenario; all others are n/a */
    criteria: z.array(z.enum(CRITERIA)).min(1),
    /** optional weights (default 1 each) */
    weights: z.partialRecord(z.enum(CRITERIA), z.number().positive().max(10)).optional(),
    pass: z
      .object({
        minScore: z.number().int().min(0).max(100).default(DEFAULT_PASS_SCORE),
        /** a call that misses any of these fails */
        keyCriteria: z.array(z.enum(CRITERIA)).default([...DEFAULT_KEY_CRITERIA]),
      })
      .strict()
      .default({ minScore: DEFAULT_PASS_SCORE, keyCriteria: [...DEFAULT_KEY_CRITERIA] }),
    /** terms needed for explain_terms `met`: each entry must be explained (an anyOf entry: one of them) */
    terms: z.array(termRequirementSchema).default([]),
    /** the team the learner must escalate to; computed from the situation when omitted */
    escalate: z.object({ team: z.enum(TEAM_IDS) }).strict().optional(),
    /** what counts as a follow-up here, for tutors and the coach's feedback */
    followUp: text.optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    /** file format version */
    version: z.literal(1).default(1),
    id: slug,
    title: text,
    /** id of an organisation file under scenarios/organisations/ */
    organisation: slug,
    kind: z
      .object({
        direction: z.enum(['inbound', 'outbound']),
        purpose: z.enum(['place', 'change', 'cancel', 'chase', 'update']),
      })
      .strict(),
    /** unit / assessment-criterion references beyond those of the criteria, e.g. "M/502/8587 2.4" */
    qualification: z.array(text).default([]),
    clock: clockSchema,
    /** what the coach tells the learner before the call (a default is written when omitted) */
    briefing: text.optional(),
    /** the number the desk gives the next order placed in this call */
    nextOrderNumber: text.optional(),
    customer: customerSchema,
    account: accountSchema.optional(),
    orders: z.array(orderSchema).default([]),
    stock: z.record(productCode, stockSchema).default({}),
    wants: wantsSchema,
    /** in-character answers when asked for a hidden fact; `{value}` inserts the fact */
    answers: z.partialRecord(z.enum(FACT_IDS), z.array(text).min(1)).default({}),
    /** what the customer may say, by situation, with variants */
    lines: z.partialRecord(z.enum(LINE_KEYS), z.array(utteranceSchema).min(1)),
    rubric: rubricSchema,
    /** free-text notes for tutors; ignored by the trainer */
    notes: z.string().optional(),
  })
  .strict();

/** A parsed scenario (amounts in pence). */
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioOrder = z.infer<typeof orderSchema>;
export type OrderLine = z.infer<typeof lineSchema>;
export type OrderProblem = z.infer<typeof problemSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type StockEntry = z.infer<typeof stockSchema>;
export type Wants = z.infer<typeof wantsSchema>;
export type Rubric = z.infer<typeof rubricSchema>;
export type TermRequirement = z.infer<typeof termRequirementSchema>;
export type Utterance = z.infer<typeof utteranceSchema>;

/** A scenario together with the organisation it is set in, as the loader returns it. */
export interface LoadedScenario {
  /** the file it came from */
  file: string;
  scenario: Scenario;
  organisation: import('./organisation.js').Organisation;
}

