/**
 * The organisation file schema: the "organisational procedures and systems" a scenario is
 * set in — catalogue, offers, VAT, delivery and calendar rules, credit, changes, returns,
 * late-delivery policy and teams. Every rule the order world applies is read from here,
 * so a tutor may write another organisation without touching code.
 *
 * Amounts are written in pounds in YAML and parsed to integer pence.
 */
import { z } from 'zod';
import { clockTime, localDate, money, percent, positiveInt, productCode, slug, text } from './fields.js';

/** A catalogue item. `price` is ex VAT. */
export const productSchema = z
  .object({
    code: productCode,
    name: text,
    /** ex VAT, in pounds in the file; pence once parsed */
    price: money,
    /** used by offers that target a category, e.g. `chair` */
    category: slug,
    /** bulky items cost a collection charge when returned */
    bulky: z.boolean().default(false),
  })
  .strict();

/** Which catalogue items an offer looks at: by code and/or by category. */
export const itemSelectorSchema = z
  .object({
    codes: z.array(productCode).min(1).optional(),
    categories: z.array(slug).min(1).optional(),
  })
  .strict()
  .refine((s) => s.codes !== undefined || s.categories !== undefined, {
    message: 'give codes and/or categories',
  });

const offerBase = {
  id: slug,
  name: text,
  /** how the adviser would describe it */
  description: text,
  /** inclusive validity window, judged on the date the order is placed (or amended) */
  valid: z.object({ from: localDate, to: localDate }).strict(),
};

/**
 * Percentage off every unit of the selected items, when the order holds at least
 * `minQuantity` units of the items counted (by default the same selection).
 */
export const percentOffOfferSchema = z
  .object({
    ...offerBase,
    type: z.literal('percent-off'),
    percentOff: percent,
    appliesTo: itemSelectorSchema,
    /** the condition counts these items (defaults to `appliesTo`) */
    countItems: itemSelectorSchema.optional(),
    minQuantity: positiveInt.default(1),
  })
  .strict();

/** A free item for each unit of the trigger items ordered in the validity window. */
export const freeItemOfferSchema = z
  .object({
    ...offerBase,
    type: z.literal('free-item'),
    trigger: itemSelectorSchema,
    free: z.object({ code: productCode, perTriggerUnit: positiveInt.default(1) }).strict(),
  })
  .strict();

export const offerSchema = z.discriminatedUnion('type', [percentOffOfferSchema, freeItemOfferSchema]);

export const TEAM_IDS = ['credit-control', 'purchasing', 'logistics'] as const;
/** The teams an adviser refers to (`/refer <team>`). */
export type TeamId = (typeof TEAM_IDS)[number];

export const teamSchema = z
  .object({
    /** e.g. "Logistics Team Leader" */
    name: text,
    /** what they do, in a phrase */
    handles: text,
    /** how soon they reply, as said to the customer, e.g. "within two working hours" */
    replyWithin: text.optional(),
    /** the same in working hours, when it is a fixed figure */
    replyWorkingHours: positiveInt.optional(),
  })
  .strict();

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const organisationSchema = z
  .object({
    id: slug,
    /** legal name, e.g. "Harbour & Pike Office Supplies Ltd" */
    name: text,
    /** how advisers say it on the phone, e.g. "Harbour & Pike" */
    shortName: text,
    address: text,
    catalogue: z.array(productSchema).min(1),
    offers: z.array(offerSchema).default([]),
    vat: z.object({ ratePercent: percent }).strict(),
    calendar: z
      .object({
        workingDays: z.array(z.enum(WEEKDAY_NAMES)).min(1).default(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
        bankHolidays: z.array(localDate).default([]),
      })
      .strict(),
    delivery: z
      .object({
        /** orders after this time (or on a non-working day) count as placed the next working day */
        cutOff: clockTime,
        /** standard delivery arrives on this working day after the order day */
        standardWorkingDays: positiveInt,
        /** a back-ordered item arrives on this working day after the supplier delivery */
        backOrderWorkingDays: positiveInt,
        /** ex VAT */
        charge: money,
        /** delivery is free when goods after discounts (ex VAT) reach this */
        freeFrom: money,
        nextDayOffered: z.boolean().default(false),
      })
      .strict(),
    credit: z
      .object({
        paymentTermsDays: positiveInt,
        /** e.g. "invoice date"; the invoice is raised on dispatch */
        paymentTermsFrom: text.default('invoice date'),
        /** the team that authorises orders over the available credit */
        referTo: z.enum(TEAM_IDS).default('credit-control'),
      })
      .strict(),
    changes: z
      .object({
        /** orders can be changed or cancelled free of charge while in this status */
        freeWhileStatus: z.literal('awaiting-dispatch').default('awaiting-dispatch'),
        addressChangeNeedsEmailConfirmation: z.boolean(),
        confirmationEmailWithinHours: positiveInt,
      })
      .strict(),
    returns: z
      .object({
        business: z
          .object({
            periodDays: positiveInt,
            collectionCharge: money,
            chargeBasis: z.enum(['ex-vat', 'inc-vat']),
            freeIfFaulty: z.boolean().default(true),
            refundMethod: z.literal('credit-note'),
            refundWithinWorkingDays: positiveInt,
          })
          .strict(),
        private: z
          .object({
            periodDays: positiveInt,
            periodStarts: z.enum(['day-after-delivery', 'delivery-day']).default('day-after-delivery'),
            collectionCharge: money,
            chargeBasis: z.enum(['ex-vat', 'inc-vat']),
            freeIfFaulty: z.boolean().default(true),
            refundIncludesDeliveryCharge: z.boolean().default(true),
            refundMethod: z.literal('original-payment'),
            refundWithinDays: positiveInt,
            /** named in the terms, e.g. "Consumer Contracts Regulations 2013" */
            law: text.optional(),
          })
          .strict(),
        /** first working day a collection can be booked for, counted from today */
        earliestCollectionWorkingDays: positiveInt.default(1),
      })
      .strict(),
    outOfStock: z.object({ referTo: z.enum(TEAM_IDS).default('purchasing') }).strict(),
    lateDelivery: z
      .object({
        escalateAtWorkingDaysLate: positiveInt,
        referTo: z.enum(TEAM_IDS).default('logistics'),
        goodwill: money,
        goodwillNeedsApproval: z.boolean().default(true),
        /** the customer is updated no later than this many working days after the call */
        updateWithinWorkingDays: positiveInt.default(1),
      })
      .strict(),
    teams: z
      .object({
        'credit-control': teamSchema,
        purchasing: teamSchema,
        logistics: teamSchema,
      })
      .strict(),
    /** free-text notes for tutors; ignored by the trainer */
    notes: z.string().optional(),
  })
  .strict();

/** A parsed organisation (amounts in pence). */
export type Organisation = z.infer<typeof organisationSchema>;
/** A parsed catalogue item (price in pence, ex VAT). */
export type Product = z.infer<typeof productSchema>;
/** A parsed offer. */
export type Offer = z.infer<typeof offerSchema>;
export type PercentOffOffer = z.infer<typeof percentOffOfferSchema>;
export type FreeItemOffer = z.infer<typeof freeItemOfferSchema>;
export type ItemSelector = z.infer<typeof itemSelectorSchema>;
export type Team = z.infer<typeof teamSchema>;
