/**
 * `check_stock` — checks stock on the desk (`/stock`, or a `/quote` that shows stock)
 * before promising the items, and tells the customer the availability of what they asked
 * for. Telling without checking, checking without telling, or telling only an
 * alternative's stock → partly; neither, or availability stated wrongly → missed.
 */
import { ASKS_AVAILABILITY, IN_STOCK, NO, OUT_OF_STOCK, YES } from '../cues/stock.js';
import { anyMentions, specificMentions } from '../facts/products.js';
import { isNegatedAt } from '../text/cues.js';
import { clauses, normalise } from '../text/normalise.js';
import { fromDesk, quoteOf } from './evidence.js';
import type { Checker, Evidence } from './types.js';

interface Claim {
  index: number;
  code: string;
  inStock: boolean;
  checked: boolean;
  evidence: Evidence;
}

/** The `check_stock` checker (rules in the comment at the top of this file). */
export const checkCheckStock: Checker = (call, facts) => {
  const checked = new Set<string>();
  let focus: string | undefined = facts.requestedCodes[0];
  // the focus came from the call (a look-up, an item named), not from the scenario's first item
  let focusNamed = false;
  let lastCustomer = '';
  const claims: Claim[] = [];
  const inStockNow = (code: string): boolean => facts.stock[code]?.inStock ?? true;
  const firstCheck = new Map<string, Evidence>();

  for (const ev of call.events) {
    if (ev.kind === 'customer') {
      lastCustomer = ev.text;
      continue;
    }
    if (ev.kind === 'desk') {
      const showsStock = ev.name === 'stock' || (ev.name === 'quote' && (!ev.result || /\bstock\b/i.test(ev.result.text)));
      if (showsStock) {
        // the codes looked up, and any other item whose stock the desk's answer shows
        // ("Listed alternative: CH-MESH-160 …, 15 in stock")
        for (const code of [...ev.codes.map((l) => l.code), ...stockShownFor(ev.result?.text ?? '', facts.products.map((p) => p.code))]) {
          checked.add(code);
          if (!firstCheck.has(code)) firstCheck.set(code, fromDesk(ev));
        }
        if (ev.codes[0]) {
          focus = ev.codes[0].code;
          focusNamed = true;
        }
      }
      continue;
    }
    const asked = ASKS_AVAILABILITY.test(lastCustomer);
    ev.analysis.sentences.forEach((s, i) => {
      // clause by clause: "the 150 is out of stock, but we've got 15 of the 160"
      clauses(s.text).forEach((c, j) => {
        const n = normalise(c.text);
        let polarity: boolean | undefined;
        const out = OUT_OF_STOCK.exec(n);
        const inn = IN_STOCK.exec(n);
        if (out) polarity = false;
        else if (inn && !isNegatedAt(n, inn.index, 3)) polarity = true;
        else if (asked && i === 0 && j === 0 && YES.test(n)) polarity = true;
        else if (asked && i === 0 && j === 0 && NO.test(n)) polarity = false;
        const specific = specificMentions(n, facts.items);
        if (polarity === undefined) {
          if (specific.length === 1) {
            focus = specific[0];
            focusNamed = true;
          }
          return;
        }
        const generic = anyMentions(n, facts.items);
        let codes = specific.length ? specific : generic.filter((x) => x === focus || facts.requestedCodes.includes(x));
        // no item named: what is under discussion, or everything asked for ("we should have them")
        if (codes.length === 0) codes = !focusNamed || COLLECTIVE.test(n) ? [...facts.requestedCodes] : focus ? [focus] : [];
        if (codes.length === 0 && focus) codes = [focus];
        for (const code of codes) {
          claims.push({ index: ev.index, code, inStock: polarity, checked: checked.has(code), evidence: quoteOf(ev.index, s.text) });
        }
        if (codes.length === 1) {
          focus = codes[0];
          focusNamed = true;
        }
      });
    });
  }

  const lastByItem = new Map<string, Claim>();
  for (const c of claims) lastByItem.set(c.code, c);
  const wrong = [...lastByItem.values()].find((c) => c.inStock !== inStockNow(c.code));
  if (wrong) {
    return {
      mark: 'missed',
      evidence: [wrong.evidence],
      note: `States ${wrong.code} is ${wrong.inStock ? 'available' : 'unavailable'}, but it is ${inStockNow(wrong.code) ? 'in stock' : 'out of stock'}.`,
    };
  }
  const toldRequested = facts.requestedCodes.filter((c) => lastByItem.has(c));
  const untold = facts.requestedCodes.filter((c) => !lastByItem.has(c));
  const unchecked = claims.filter((c) => !c.checked);
  const evidence = [...[...firstCheck.values()].slice(0, 2), ...[...lastByItem.values()].map((c) => c.evidence).slice(0, 2)];
  if (toldRequested.length === 0) {
    if (checked.size > 0) {
      const alt = claims.length > 0;
      return {
        mark: 'partly',
        evidence,
        note: alt ? 'Checks stock but tells the customer only about an alternative, not what they asked for.' : 'Checks stock on the desk but never tells the customer the availability.',
      };
    }
    if (claims.length) return { mark: 'partly', evidence, note: 'Tells availability of an alternative only, without checking the desk.' };
    return { mark: 'missed', evidence: [], note: 'Never checks stock and never tells the customer the availability.' };
  }
  if (unchecked.length) {
    const u = unchecked[0];
    return { mark: 'partly', evidence: [u.evidence, ...evidence.slice(0, 1)], note: `Tells the customer ${u.code} is ${u.inStock ? 'available' : 'unavailable'} without checking it on the desk first.` };
  }
  if (untold.length) {
    // the customer must be told the availability of everything they asked for (ruling)
    return { mark: 'partly', evidence, note: `Tells the availability of ${toldRequested.join(', ')}, but never of ${untold.join(', ')}.` };
  }
  return { mark: 'met', evidence, note: `Checks stock on the desk and tells the customer the availability (${toldRequested.join(', ')}).` };
};

/** "both", "all of them", "everything": a claim about every item asked for. */
const COLLECTIVE = /\b(?:both|all of (?:them|those|it)|they'?re all|it'?s all|everything|the lot|all (?:in stock|available))\b/;

/** Catalogue codes a desk answer shows the stock of, on a line of their own ("…CH-MESH-160 …, 15 in stock"). */
function stockShownFor(result: string, codes: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of result.split('\n')) {
    if (!/\b(?:\d+ (?:in stock|available|free|short)|out of stock)\b/i.test(line)) continue;
    for (const c of codes) if (line.toUpperCase().includes(c.toUpperCase()) && !out.includes(c)) out.push(c);
  }
  return out;
}
