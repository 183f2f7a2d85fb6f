/**
 * Zod building blocks shared by the organisation and scenario schemas: dates, clock
 * times, money written in pounds (parsed to integer pence), product codes, percentages.
 * Each carries a message a tutor can act on.
 */
import { z } from 'zod';
import { isClockTime, isLocalDate } from '../dates.js';
import type { Pence } from '../money.js';

/** An ISO date `YYYY-MM-DD` that exists on the calendar (2026-02-30 is refused). */
export const localDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'expected a date written YYYY-MM-DD' })
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isLocalDate(s), { message: 'not a real calendar date' });

/** A 24-hour time `HH:MM` (quote it in YAML: "09:30"). */
export const clockTime = z
  .string({ error: 'expected a time written "HH:MM" (24-hour, in quotes)' })
  .refine(isClockTime, { message: 'expected a time written "HH:MM" (24-hour)' });

/** A moment on the scenario's local clock. */
export const clockSchema = z.object({ date: localDate, time: clockTime }).strict();

const MONEY_TEXT = /^£?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

/**
 * An amount written in pounds — `149`, `149.00`, `"£1,579.20"` — parsed to integer pence.
 * More than two decimal places, or a negative amount, is refused.
 */
export const money = z
  .union([z.number(), z.string()], { error: 'expected an amount in pounds, e.g. 149.00' })
  .transform((v, ctx): Pence => {
    let pounds: number;
    if (typeof v === 'number') {
      pounds = v;
    } else {
      const t = v.trim();
      if (!MONEY_TEXT.test(t)) {
        ctx.addIssue({ code: 'custom', message: `not an amount in pounds: "${v}" (write e.g. 149.00)` });
        return z.NEVER;
      }
      pounds = Number(t.replace(/[£,\s]/g, ''));
    }
    const p = pounds * 100;
    if (!Number.isFinite(p) || p < 0) {
      ctx.addIssue({ code: 'custom', message: 'an amount must be zero or more' });
      return z.NEVER;
    }
    if (Math.abs(p - Math.round(p)) > 1e-6) {
      ctx.addIssue({ code: 'custom', message: `amount has more than two decimal places: ${v}` });
      return z.NEVER;
    }
    return Math.round(p);
  });

/** A catalogue product code, e.g. `CH-ERG-200` (capitals, digits, hyphens). */
export const productCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, { message: 'a product code is capitals, digits and hyphens, e.g. CH-ERG-200' });

/** A percentage, 0–100 (e.g. 10 for 10%). */
export const percent = z.number().min(0).max(100);

/** A whole number ≥ 1. */
export const positiveInt = z.number().int().min(1);

/** A whole number ≥ 0. */
export const countInt = z.number().int().min(0);

/** A lower-case kebab-case identifier, e.g. `place-ergo-chairs`. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'use lower-case words joined by hyphens, e.g. place-ergo-chairs' });

/** Non-empty, trimmed text. */
export const text = z.string().trim().min(1, { message: 'must not be empty' });
