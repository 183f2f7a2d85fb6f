/**
 * The hidden facts a caller holds (ids of {@link FACT_IDS}) and how the caller says them.
 * Values come from the scenario (identity, wants) — never from the answer variants — so
 * the simulator and the marker agree on what the caller knows.
 */
import { formatLongDate } from '../dates.js';
import type { Organisation } from './organisation.js';
import type { LineKey, FactId } from './vocabulary.js';
import type { Scenario, Utterance } from './schema.js';

function describeLines(org: Pick<Organisation, 'catalogue'> | undefined, lines: { code: string; qty: number }[]): string {
  return lines
    .map((l) => {
      const name = org?.catalogue.find((p) => p.code === l.code)?.name;
      return `${l.qty} × ${name ? `${name} (${l.code})` : l.code}`;
    })
    .join(', ');
}

/** The value of a fact the caller holds, or undefined when the scenario gives them none. */
export function factValue(scenario: Scenario, fact: FactId, org?: Pick<Organisation, 'catalogue'>): string | undefined {
  const c = scenario.customer;
  const w = scenario.wants;
  switch (fact) {
    case 'full_name':
      return c.name;
    case 'organisation':
      return c.organisation;
    case 'account_number':
      return c.identity.accountNumber;
    case 'order_number':
      return c.identity.orderNumbers[0] ?? w.order;
    case 'postcode':
      return c.identity.postcode;
    case 'phone':
      return c.identity.phone;
    case 'email':
      return c.identity.email;
    case 'delivery_address':
      return w.newDeliveryAddress ?? c.identity.deliveryAddress ?? c.identity.address;
    case 'item_quantity': {
      const lines = w.items ?? w.setQuantities ?? w.cancelUnits ?? w.return?.items ?? scenario.orders.find((o) => o.number === w.order)?.lines;
      return lines && lines.length > 0 ? describeLines(org, lines) : undefined;
    }
    case 'needed_by':
      return w.neededBy ? formatLongDate(w.neededBy.date) : undefined;
    case 'reason':
      return w.reason;
  }
}

/**
 * The caller's answer when asked for `fact`: the scenario's variant number `variant`
 * (wrapping round), with `{value}` filled in; the bare value when no variant is written.
 */
export function answerFor(scenario: Scenario, fact: FactId, variant = 0, org?: Pick<Organisation, 'catalogue'>): string | undefined {
  const value = factValue(scenario, fact, org);
  const variants = scenario.answers[fact];
  if (!variants || variants.length === 0) return value;
  const chosen = variants[((variant % variants.length) + variants.length) % variants.length];
  if (chosen.includes('{value}')) return value === undefined ? undefined : chosen.split('{value}').join(value);
  return chosen;
}

/** The text of an utterance, and the facts it gives away. */
export function utteranceText(u: Utterance): { text: string; reveals: FactId[] } {
  return typeof u === 'string' ? { text: u, reveals: [] } : { text: u.text, reveals: [...u.reveals] };
}

/** The caller's line for a situation, variant number `variant` (wrapping), or undefined. */
export function lineFor(scenario: Scenario, key: LineKey, variant = 0): { text: string; reveals: FactId[] } | undefined {
  const variants = scenario.lines[key];
  if (!variants || variants.length === 0) return undefined;
  return utteranceText(variants[((variant % variants.length) + variants.length) % variants.length]);
}

/** How the customer is addressed in conversation. */
export function firstName(scenario: Scenario): string {
  return scenario.customer.firstName ?? scenario.customer.name.split(/\s+/)[0];
}
