/**
 * Builds {@link MarkingFacts} from a loaded scenario and its computed truths. Everything a
 * checker compares against — names, identifiers, items, prices, dates, offers, problem
 * facts, the escalation, terms, limits — is read from the scenario, its organisation and
 * `computeTruths`; no scenario id is special-cased.
 */
import { compareDates, formatLongDate, type LocalDate } from '../../../domain/dates.js';
import type { Pence } from '../../../domain/money.js';
import type { LoadedScenario } from '../../../domain/scenario/schema.js';
import type { OptionId, Truths } from '../../../domain/scenario/truths.js';
import { makeCalendar } from '../../../domain/world/calendar.js';
import { escapeRegExp, normalise } from '../text/normalise.js';
import type { DateTopic, MarkingFacts, OfferFacts, OptionFacts, PriceTopic, ProblemFact, StockFacts } from './marking-facts.js';
import { catalogueMentions } from './products.js';

const DELIVERY_DATE_ROLES = new Set(['delivery', 'back-order-delivery', 'alternative-delivery', 'split-second-delivery', 'revised-delivery', 'collection-earliest']);

/** How each date role is named in notes. */
const DATE_LABELS: Record<string, string> = {
  delivery: 'Delivery',
  'back-order-delivery': 'Back-order delivery',
  'alternative-delivery': 'Delivery of the alternative',
  'split-second-delivery': 'Second delivery',
  'revised-delivery': 'Revised delivery',
  'collection-earliest': 'Collection',
};

/** Customer question words that ask about an option's amount. */
const ASK_CUES: Partial<Record<OptionId | 'difference', RegExp>> = {
  difference: /\b(?:how much (?:more|dearer|extra|cheaper|less)|difference|more expensive|dearer|extra)\b/i,
  'cancel-part': /\bcancel/i,
  'cancel-order': /\bcancel/i,
  'back-order': /\b(?:wait|back-?order)/i,
  'reduced-within-credit': /\b(?:fewer|smaller|just (?:two|2|some)|reduce)/i,
};

const NUM_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function pctPattern(p: number): string {
  const words = NUM_WORDS[p] ? `|${NUM_WORDS[p]}` : '';
  return `(?:${p}${words})\\s*(?:%|per ?cent|percent)`;
}

/** Words of a name that say which offer it is ("multi-buy", "desk mat", "paper saver"). */
function offerPattern(name: string, extra: string[]): RegExp {
  const GENERIC = new Set(['offer', 'deal', 'the', 'a', 'discount', 'promotion', 'special']);
  const words = normalise(name).split(/\s+/).filter((w) => !GENERIC.has(w));
  const alts = [words.map(escapeRegExp).join('[\\s-]?'), ...extra];
  // a two-word distinctive tail ("paper saver", "multi-buy") also names it
  if (words.length >= 2) alts.push(words.slice(-2).map(escapeRegExp).join('[\\s-]?'));
  // "spring saver" for "spring paper saver"
  if (words.length >= 3) alts.push([words[0], words[words.length - 1]].map(escapeRegExp).join('[\\s-]?'));
  for (const w of words) if (w.includes('-')) alts.push(escapeRegExp(w).replace(/\\-/g, '[\\s-]?'));
  return new RegExp(`\\b(?:${[...new Set(alts)].join('|')})(?![a-z])`);
}

function splitName(full: string): { first: string; last: string } {
  const parts = full.trim().split(/\s+/);
  return { first: parts[0] ?? '', last: parts.length > 1 ? parts[parts.length - 1] : '' };
}

function addressWords(addresses: (string | undefined)[]): string[] {
  const GENERIC = new Set(['road', 'street', 'lane', 'flat', 'the', 'and', 'avenue', 'close', 'way', 'house', 'unit', 'ltd', 'school', 'primary']);
  const out = new Set<string>();
  for (const a of addresses) {
    if (!a) continue;
    for (const seg of a.split(',')) {
      const words = normalise(seg)
        .replace(/\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b/g, ' ')
        .split(/\s+/)
        .filter((w) => w && !/\d/.test(w));
      if (words.length >= 2) out.add(words.join(' '));
      for (const w of words) if (w.length >= 5 && !GENERIC.has(w)) out.add(w);
    }
  }
  return [...out];
}

function fullNamePattern(name: string): RegExp {
  return new RegExp(`\\b${escapeRegExp(normalise(name)).replace(/\s+/g, '\\s+')}\\b`);
}

function teamPattern(name: string): RegExp {
  const GENERIC = new Set(['team', 'leader', 'credit', 'control', 'the', 'manager', 'department', 'customer', 'services', 'service', 'sales', 'desk']);
  const n = normalise(name);
  const alts = [escapeRegExp(n).replace(/\s+/g, '\\s+'), ...n.split(/\s+/).filter((w) => w.length >= 5 && !GENERIC.has(w)).map(escapeRegExp)];
  return new RegExp(`\\b(?:${alts.join('|')})\\b`);
}

/** Build the marking facts of a scenario from its file and its truths. */
export function buildMarkingFacts(loaded: Pick<LoadedScenario, 'scenario' | 'organisation'>, truths: Truths): MarkingFacts {
  const { scenario: sc, organisation: org } = loaded;
  const cal = makeCalendar(truths.calendar);
  const name = splitName(sc.customer.name);
  const id = sc.customer.identity;
  const acct = sc.account;

  // ---- options, prices
  const asks = new Set(sc.wants.asks);
  const askedOptions = new Set<string>();
  if (asks.has('cancel-part-price')) askedOptions.add('cancel-part');
  const options: OptionFacts[] = truths.options.map((o) => ({
    id: o.id,
    label: o.label,
    lines: o.lines.map((l) => ({ code: l.code, qty: l.qty })),
    main: o.id === truths.mainOption,
    chosen: o.chosenByCustomer === true,
    settles:
      o.id !== 'original' &&
      !askedOptions.has(o.id) &&
      !(o.id === 'order' && sc.kind.purpose !== 'place') &&
      (o.id === truths.mainOption || o.chosenByCustomer !== false),
  }));
  const correct = truths.prices.correct;
  const wrong = truths.prices.wrong;
  const fig = (opt: string, what: string, basis?: string): Pence | undefined =>
    correct.find((f) => f.option === opt && f.what === what && (basis === undefined || f.basis === basis))?.amount;
  const prices: PriceTopic[] = [];
  const neutral = new Set<Pence>();
  for (const o of options) {
    const inc = fig(o.id, 'total', 'inc-vat');
    const vat = fig(o.id, 'vat');
    const goods = fig(o.id, 'goods', 'ex-vat');
    const of = correct.filter((f) => f.option === o.id);
    for (const f of of) if (f.what === 'goods-paid' || f.what === 'available-credit' || f.what === 'goodwill') neutral.add(f.amount);
    if (inc !== undefined && (o.settles || askedOptions.has(o.id))) {
      const ex = vat !== undefined ? inc - vat : goods;
      prices.push({
        id: o.id,
        option: o.id,
        label: o.label,
        kind: 'total',
        inc: sc.customer.type === 'private' ? inc : inc,
        ex: sc.customer.type === 'private' ? undefined : ex,
        alsoRight: [],
        // a part of the answer: unit prices, VAT, savings, goods; and, for a change to an order,
        // how much it goes up or down when the difference is not asked about on its own
        parts: of
          .filter((f) => ['unit', 'vat', 'saving', 'goods', 'delivery-charge'].includes(f.what) || (f.what === 'difference' && !asks.has('alternative-price-difference')))
          .map((f) => Math.abs(f.amount)),
        wrong: wrong
          .filter((w) => w.option === o.id && (w.what === 'total' || w.what === 'goods'))
          .map((w) => ({ amount: w.amount, why: w.why, asAllIn: w.mistake === 'ex-vat-as-total' })),
        need: o.settles ? 'settle' : 'if-asked',
        ...(ASK_CUES[o.id as OptionId] ? { askCue: ASK_CUES[o.id as OptionId] } : {}),
      });
    } else if (o.id === 'original' || (o.id === 'order' && sc.kind.purpose !== 'place')) {
      for (const f of of) neutral.add(f.amount);
    }
    const diffs = of.filter((f) => f.what === 'difference' || f.what === 'unit-difference');
    if (diffs.length && !askedOptions.has(o.id) && asks.has('alternative-price-difference')) {
      prices.push({
        id: `${o.id}:difference`,
        option: o.id,
        label: `the price difference of the ${o.label}`,
        kind: 'difference',
        inc: diffs.find((f) => f.what === 'difference' && f.basis === 'inc-vat')?.amount,
        ex: diffs.find((f) => f.what === 'difference' && f.basis === 'ex-vat')?.amount,
        alsoRight: diffs
          .filter((f) => f.what === 'unit-difference')
          .map((f) => ({ amount: Math.abs(f.amount), basis: f.basis === 'inc-vat' ? ('inc' as const) : ('ex' as const) })),
        parts: [],
        wrong: wrong.filter((w) => w.option === o.id && (w.what === 'difference' || w.what === 'unit-difference')).map((w) => ({ amount: Math.abs(w.amount), why: w.why })),
        need: 'if-asked',
        askCue: ASK_CUES.difference,
      });
    }
    const refund = fig(o.id, 'refund', 'inc-vat') ?? fig(o.id, 'refund');
    const refundEx = sc.customer.type === 'business' ? fig(o.id, 'refund', 'ex-vat') : undefined;
    if (refund !== undefined) {
      prices.push({
        id: `${o.id}:refund`,
        option: o.id,
        label: 'the refund',
        kind: 'refund',
        inc: refund,
        ...(refundEx !== undefined ? { ex: refundEx } : {}),
        alsoRight: [],
        parts: [],
        wrong: wrong.filter((w) => w.option === o.id && w.what === 'refund').map((w) => ({ amount: w.amount, why: w.why })),
        need: 'required',
      });
    }
    const charge = fig(o.id, 'collection-charge', 'inc-vat') ?? fig(o.id, 'collection-charge');
    const chargeEx = fig(o.id, 'collection-charge', 'ex-vat');
    if (charge !== undefined) {
      // a refund net of a charge is one answer in two parts: the refund without the charge
      // (or the charge without the refund) is only a part of it (ruling)
      prices.push({
        id: `${o.id}:charge`,
        option: o.id,
        label: 'the collection charge',
        kind: 'charge',
        inc: charge,
        ...(chargeEx !== undefined && chargeEx !== charge ? { ex: chargeEx } : {}),
        alsoRight: [],
        parts: [],
        wrong: wrong.filter((w) => w.option === o.id && w.what === 'collection-charge').map((w) => ({ amount: w.amount, why: w.why })),
        need: refund !== undefined ? 'required' : 'if-asked',
      });
    }
  }

  // ---- dates
  const dates: DateTopic[] = truths.dates.correct
    .filter((d) => DELIVERY_DATE_ROLES.has(d.role) && d.option !== undefined && !d.informational)
    .map((d) => ({
      id: d.id,
      option: d.option as string,
      label: DATE_LABELS[d.role] ?? 'Delivery',
      ...(d.anyWorkingDayFrom ? { anyWorkingDayFrom: d.date } : { date: d.date }),
      ...(d.anyWorkingDayFrom && truths.return?.periodEnds ? { until: truths.return.periodEnds as LocalDate } : {}),
    }));

  // ---- stock
  const stock: Record<string, StockFacts> = {};
  for (const [code, e] of Object.entries(sc.stock)) {
    stock[code] = { inStock: e.onHand > 0, onHand: e.onHand, nextDelivery: e.nextDelivery, alternative: e.alternative };
  }
  for (const a of truths.stock) {
    stock[a.code] = {
      inStock: a.enough,
      onHand: a.onHand ?? Number.POSITIVE_INFINITY,
      nextDelivery: a.nextDelivery,
      alternative: a.alternative?.code,
    };
    if (a.alternative && !stock[a.alternative.code]) {
      stock[a.alternative.code] = { inStock: a.alternative.enough, onHand: a.alternative.onHand ?? Number.POSITIVE_INFINITY };
    }
  }

  // ---- offers
  const offerFacts = (o: { offerId: string; name: string; description: string; saving?: number; unitDiscounts?: Record<string, Pence>; freeItems?: { code: string; qty: number }[] }): OfferFacts => {
    const def = org.offers.find((x) => x.id === o.offerId);
    const extra: string[] = [];
    if (def?.type === 'percent-off') extra.push(pctPattern(def.percentOff));
    if (def?.type === 'free-item') {
      const item = org.catalogue.find((p) => p.code === def.free.code);
      if (item) {
        const w = normalise(item.name).split(/\s+/);
        // "a free desk mat", "desk mats", "a free mat with each desk"
        extra.push(`free ${w.map(escapeRegExp).join('[\\s-]?')}s?`, `${w.map(escapeRegExp).join('[\\s-]?')}s?`, `free (?:\\w+ )?${escapeRegExp(w[w.length - 1])}s?`);
      }
    }
    const savings = [o.saving, ...Object.values(o.unitDiscounts ?? {})].filter((x): x is number => typeof x === 'number' && x > 0);
    return { id: o.offerId, name: o.name, description: o.description, specific: offerPattern(o.name, extra), savings };
  };
  const mainOffers = truths.offers.apply.filter((o, i, a) => a.findIndex((x) => x.offerId === o.offerId) === i);

  // ---- problems
  const problems: ProblemFact[] = [];
  for (const p of truths.problems) {
    if (p.kind === 'out-of-stock') {
      const short = truths.stock.find((s) => !s.enough);
      problems.push({ id: 'out-of-stock', part: 'what', label: 'out of stock', pattern: /\b(?:out of stock|not in stock|no stock|none (?:in|left)|sold out|(?:isn'?t|is not|aren'?t|are not|not|no longer) available|unavailable|(?:don'?t|do not) have (?:any|them)|(?:haven'?t|have not) got (?:any|them)|run out|ran out)\b/, concernsOrder: false });
      if (short?.nextDelivery) {
        problems.push({
          id: 'stock-due',
          part: 'where',
          label: 'when stock is due',
          date: short.nextDelivery,
          // "not expecting more from the supplier until Monday 13 April"
          pattern: /\b(?:supplier|next delivery|back in stock|due (?:in|back)|expecting (?:more|stock|some)|restock\w*|more (?:in|stock) (?:on|from))\b[^.?!]*\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:st|nd|rd|th)?|next week|january|february|march|april|may|june|july|august|september|october|november|december)\b/,
          concernsOrder: false,
        });
      }
    } else if (p.kind === 'damaged-in-picking') {
      const src = sc.orders.flatMap((o) => o.problems).find((x) => x.type === 'damaged-in-picking');
      problems.push({ id: 'damaged', part: 'what', label: 'items damaged in picking', pattern: /\b(?:damag\w*|broken|broke)\b/, concernsOrder: true });
      if (src && src.type === 'damaged-in-picking') {
        problems.push({ id: 'replacements', part: 'where', label: 'when replacements arrive', pattern: /\breplacements?\b/, date: src.replacementArrives, concernsOrder: true });
      }
    } else if (p.kind === 'transit-damage' || p.kind === 'carrier-delay') {
      const src = sc.orders.flatMap((o) => o.problems).find((x) => x.type === p.kind);
      const what = src && 'what' in src ? src.what : p.facts.find((f) => f.id === 'what')?.statement ?? p.summary;
      const words = normalise(what)
        .split(/[^a-z-]+/)
        .filter((w) => w.length >= 4 && !['goods', 'with', 'have', 'been', 'were', 'that', 'this', 'from', 'into'].includes(w));
      const stems = words.map((w) => escapeRegExp(w.replace(/(?:ed|ing|es|s)$/, '')));
      // at least two of its words ("pallet … damaged", "damaged in transit")
      const two = stems.length >= 2 ? `\\b(?:${stems.join('|')})\\w*\\b[\\s\\S]*\\b(?:${stems.join('|')})\\w*\\b` : `\\b(?:${stems.join('|')})`;
      // "damaged on the way": damage said with everyday words for being in transit
      const onTheWay = /\btransit\b/.test(normalise(what)) ? `|${DAMAGE}[\\s\\S]*${ON_THE_WAY}|${ON_THE_WAY}[\\s\\S]*${DAMAGE}` : '';
      const pattern = new RegExp(`${two}${onTheWay}`);
      problems.push({ id: 'what', part: 'what', label: what, pattern, concernsOrder: true });
      if (src && src.type === 'carrier-delay' && src.redelivery) {
        // where things stand after a carrier's delay: the delivery rebooked (a new day for it)
        problems.push({
          id: 'redelivery',
          part: 'where',
          label: `redelivery booked for ${formatLongDate(src.redelivery)}`,
          pattern: /\b(?:rebook\w*|re-?deliver\w*|re-?arrang\w*|re-?schedul\w*|now (?:due|come|coming|arrive|arriving|booked|be delivered)|new (?:delivery )?(?:date|day)|booked (?:in )?for|(?:will|'ll) (?:now )?(?:arrive|come|reach you|be (?:with you|delivered|there)))\b/,
          concernsOrder: true,
        });
      }
      if (src && src.type === 'transit-damage') {
        const held = normalise(src.heldAt).split(/\s+/).filter((w) => w.length >= 4).map(escapeRegExp);
        problems.push({ id: 'where', part: 'where', label: `held at ${src.heldAt}`, pattern: new RegExp(`\\b(?:${held.join('|')})\\b`), concernsOrder: true });
      }
    } else if (p.kind === 'outside-return-period') {
      problems.push({ id: 'outside-period', part: 'what', label: 'outside the return period', pattern: /\b(?:outside|past|after|expired|too late|more than \d+ days)\b/, concernsOrder: true });
    }
  }

  // ---- escalation, teams
  const esc = truths.escalation[0];
  const teams = (Object.keys(org.teams) as (keyof typeof org.teams)[]).map((t) => ({
    id: t,
    name: org.teams[t].name,
    pattern: teamPattern(org.teams[t].name),
    fullName: fullNamePattern(org.teams[t].name),
  }));

  // ---- existing account / order data (for disclosure)
  const existingAmounts = new Set<Pence>();
  const existingDates = new Set<LocalDate>();
  const existingLines: { code: string; qty: number }[] = [];
  if (acct?.creditLimit !== undefined) existingAmounts.add(acct.creditLimit);
  if (acct?.balance !== undefined) existingAmounts.add(acct.balance);
  if (acct?.creditLimit !== undefined && acct.balance !== undefined) existingAmounts.add(acct.creditLimit - acct.balance);
  for (const o of sc.orders) {
    o.lines.forEach((l) => existingLines.push({ code: l.code, qty: l.qty }));
    for (const d of [o.promised, o.dispatch?.date, o.delivered, ...o.problems.flatMap((p) => ('redelivery' in p && p.redelivery ? [p.redelivery] : []))]) {
      if (d) existingDates.add(d);
    }
  }
  for (const f of correct) if (['original', 'order', 'return', 'lateness'].includes(f.option) && f.what === 'total' && sc.orders.length) existingAmounts.add(f.amount);
  for (const f of correct) if (f.what === 'goods-paid') existingAmounts.add(f.amount);
  for (const d of truths.dates.correct) if (d.role === 'promised-delivery' || d.role === 'revised-delivery') existingDates.add(d.date);

  const rp = truths.return;
  const privateRet = org.returns.private;
  return {
    scenarioId: sc.id,
    direction: sc.kind.direction,
    customerType: sc.customer.type,
    clock: sc.clock,
    isWorkingDay: (d) => cal.isWorkingDay(d),
    rubric: { applies: truths.rubric.criteria, weights: truths.rubric.weights, minScore: truths.rubric.minScore, keyCriteria: truths.rubric.keyCriteria },
    companyNames: [org.name, org.shortName],
    identity: {
      references: [
        ...[id.accountNumber, acct?.number].filter((x): x is string => !!x).map((value) => ({ kind: 'account_number' as const, value })),
        ...[...id.orderNumbers, sc.wants.order, ...sc.orders.map((o) => o.number)].filter((x): x is string => !!x).map((value) => ({ kind: 'order_number' as const, value })),
      ],
      fullName: sc.customer.name,
      firstName: name.first,
      lastName: name.last,
      postcodes: [...new Set([id.postcode, acct?.postcode].filter((x): x is string => !!x))],
      phones: [...new Set([id.phone, acct?.phone].filter((x): x is string => !!x))],
      emails: [...new Set([id.email, acct?.email].filter((x): x is string => !!x).map((e) => e.toLowerCase()))],
    },
    products: org.catalogue.map((p) => ({ code: p.code, name: p.name, category: p.category, price: p.price })),
    items: catalogueMentions(org.catalogue.map((p) => ({ code: p.code, name: p.name, category: p.category, price: p.price }))),
    requestedCodes: [
      ...new Set([
        ...(sc.wants.items ?? []).map((l) => l.code),
        ...(sc.wants.setQuantities ?? []).map((l) => l.code),
      ]),
    ],
    stock,
    addressWords: addressWords([
      acct?.billingAddress,
      acct?.deliveryAddress,
      id.address,
      id.deliveryAddress,
      sc.wants.newDeliveryAddress,
      ...sc.orders.map((o) => o.deliverTo),
    ]),
    options,
    mainOption: truths.mainOption,
    prices,
    neutralAmounts: [...neutral],
    dates,
    wrongDates: truths.dates.wrong.map((w) => ({ date: w.date, why: w.why })),
    historyDates: truths.dates.correct.filter((d) => d.role === 'promised-delivery').map((d) => d.date),
    offers: mainOffers.map(offerFacts),
    offersNotApplying: truths.offers.doNotApply.map((o) => offerFacts({ offerId: o.offerId, name: o.name, description: o.description })),
    problems,
    ...(esc
      ? {
          escalation: {
            team: esc.team,
            teamName: esc.teamName,
            ...(esc.goodwill ? { goodwill: { amount: esc.goodwill.amount, needsApproval: esc.goodwill.needsApproval } } : {}),
          },
        }
      : {}),
    teams,
    creditTeam: org.credit.referTo,
    terms: truths.terms.required.map((r) => ({ ids: r.anyOf.map((t) => t.id) })),
    termValues: {
      paymentDays: org.credit.paymentTermsDays,
      returnsDays: org.returns.business.periodDays,
      cancelDays: privateRet.periodDays,
      ...(rp?.periodEnds ? { cancelEnds: rp.periodEnds as LocalDate } : {}),
      collectionCharges: correct.filter((f) => f.what === 'collection-charge').map((f) => f.amount),
      collectionFree: rp !== undefined && rp.bulky && !rp.chargeApplies,
      orderUndispatched: sc.kind.purpose !== 'place' && sc.orders.length > 0 && sc.orders.every((o) => o.status === 'awaiting-dispatch'),
      refundDays: privateRet.refundWithinDays,
      refundCreditNoteWorkingDays: org.returns.business.refundWithinWorkingDays,
    },
    ...(truths.credit && !truths.credit.fits
      ? { credit: { available: truths.credit.available ?? 0, orderTotal: truths.credit.orderTotal, exceeds: true } }
      : truths.credit
        ? { credit: { available: truths.credit.available ?? 0, orderTotal: truths.credit.orderTotal, exceeds: false } }
        : {}),
    existing: { amounts: [...existingAmounts], dates: [...existingDates], lines: existingLines },
    ...(truths.followUp.updateBy ? { followUpBy: truths.followUp.updateBy } : {}),
  };
}

const DAMAGE = String.raw`\b(?:damag\w*|broken|broke|smashed|crushed|dropped)\b`;
const ON_THE_WAY = String.raw`\b(?:on the way|en route|in the van|on the van|on the lorry|in delivery|by the (?:courier|carrier|driver|haulier))\b`;

/** The dates of `truths` in order (for notes). */
export function sortDates(ds: LocalDate[]): LocalDate[] {
  return [...ds].sort(compareDates);
}
