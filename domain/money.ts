/**
 * Money in whole pence. Every amount in the order world is an integer number of
 * pence so sums are exact; rounding happens only where the handbook says
 * (per-unit discounts, VAT), half up.
 */

/** An amount of money in pence (integer). */
export type Pence = number;

/** Pounds (as written in a scenario file, e.g. 149 or 22.4) to pence. */
export function pence(pounds: number): Pence {
  return Math.round(pounds * 100);
}

/** `amount × rate`, rounded to the penny, half up (rate e.g. 0.2 for 20%). */
export function percentOf(amount: Pence, ratePercent: number): Pence {
  // Work in integer hundredths of a penny to avoid binary fractions (0.1 * 134.1).
  const exact = (amount * Math.round(ratePercent * 1000)) / 100_000;
  return roundHalfUp(exact);
}

/** Round a (possibly fractional) pence value to a whole penny, half up. */
export function roundHalfUp(p: number): Pence {
  // Guard against 0.49999999 from floating point: nudge by a tiny epsilon.
  return Math.sign(p) * Math.floor(Math.abs(p) + 0.5 + 1e-9);
}

/** "£1,234.56" (negative as "−£1.00"). */
export function formatPounds(p: Pence): string {
  const sign = p < 0 ? '−' : '';
  const abs = Math.abs(p);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  const pennies = String(abs % 100).padStart(2, '0');
  return `${sign}£${pounds}.${pennies}`;
}
