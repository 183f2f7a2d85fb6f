/**
 * Semantic checks zod cannot express: references between parts of a file (product codes,
 * order numbers, the organisation), dates in a sensible order, and the parts a scenario's
 * purpose needs. Each problem carries the document path it concerns.
 */
import { compareDates, type LocalDate } from '../dates.js';
import type { Organisation } from './organisation.js';
import { factValue } from './facts.js';
import type { Scenario } from './schema.js';
import { askLineKey, FACT_IDS, linePlaceholders, type LineKey } from './vocabulary.js';
import type { PathIssue } from './zod-issues.js';

/** Problems in an organisation file. */
export function checkOrganisation(org: Organisation): PathIssue[] {
  const issues: PathIssue[] = [];
  const codes = new Set<string>();
  const categories = new Set(org.catalogue.map((p) => p.category));
  org.catalogue.forEach((p, i) => {
    if (codes.has(p.code)) issues.push({ path: ['catalogue', i, 'code'], message: `product code ${p.code} is listed twice` });
    codes.add(p.code);
  });
  const offerIds = new Set<string>();
  org.offers.forEach((o, i) => {
    if (offerIds.has(o.id)) issues.push({ path: ['offers', i, 'id'], message: `offer id ${o.id} is used twice` });
    offerIds.add(o.id);
    if (compareDates(o.valid.from, o.valid.to) > 0) {
      issues.push({ path: ['offers', i, 'valid', 'to'], message: `offer ends (${o.valid.to}) before it starts (${o.valid.from})` });
    }
    const selectors: [string, { codes?: string[]; categories?: string[] } | undefined][] =
      o.type === 'percent-off' ? [['appliesTo', o.appliesTo], ['countItems', o.countItems]] : [['trigger', o.trigger]];
    for (const [key, sel] of selectors) {
      sel?.codes?.forEach((c, j) => {
        if (!codes.has(c)) issues.push({ path: ['offers', i, key, 'codes', j], message: `product code ${c} is not in the catalogue` });
      });
      sel?.categories?.forEach((c, j) => {
        if (!categories.has(c)) issues.push({ path: ['offers', i, key, 'categories', j], message: `no catalogue item has category ${c}` });
      });
    }
    if (o.type === 'free-item' && !codes.has(o.free.code)) {
      issues.push({ path: ['offers', i, 'free', 'code'], message: `product code ${o.free.code} is not in the catalogue` });
    }
  });
  const seen = new Set<string>();
  org.calendar.bankHolidays.forEach((d, i) => {
    if (seen.has(d)) issues.push({ path: ['calendar', 'bankHolidays', i], message: `bank holiday ${d} is listed twice` });
    seen.add(d);
  });
  return issues;
}

/**
 * Problems in a scenario. `org` is undefined when the organisation it names was not found
 * (reported here) — code checks are then skipped.
 */
export function checkScenario(s: Scenario, org: Organisation | undefined, knownOrganisations: readonly string[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const add = (path: PropertyKey[], message: string): void => {
    issues.push({ path, message });
  };
  if (!org) {
    add(['organisation'], `unknown organisation "${s.organisation}"${knownOrganisations.length ? `; known: ${knownOrganisations.join(', ')}` : ''}`);
  }
  const codes = new Set(org?.catalogue.map((p) => p.code) ?? []);
  const code = (path: PropertyKey[], c: string): void => {
    if (org && !codes.has(c)) add(path, `product code ${c} is not in the catalogue of ${org.id}`);
  };
  const notAfterClock = (path: PropertyKey[], d: LocalDate, what: string): void => {
    if (compareDates(d, s.clock.date) > 0) add(path, `${what} (${d}) is after the scenario clock (${s.clock.date})`);
  };

  // customer and account
  if (s.customer.type === 'business' && !s.account) add(['customer', 'type'], 'a business customer needs an `account` section');
  if (s.customer.type === 'private' && s.account) add(['account'], 'a private customer has no account; remove the `account` section');
  if (s.account && (s.account.creditLimit === undefined) !== (s.account.balance === undefined)) {
    add(['account', s.account.creditLimit === undefined ? 'balance' : 'creditLimit'], 'give both creditLimit and balance, or neither');
  }
  if (s.account && s.account.creditLimit === undefined && !s.account.creditStatus) {
    add(['account'], 'give creditLimit and balance, or a creditStatus line');
  }

  // orders
  const orderNumbers = new Set<string>();
  s.orders.forEach((o, i) => {
    const at = (...p: PropertyKey[]): PropertyKey[] => ['orders', i, ...p];
    if (orderNumbers.has(o.number)) add(at('number'), `order ${o.number} is listed twice`);
    orderNumbers.add(o.number);
    o.lines.forEach((l, j) => code(at('lines', j, 'code'), l.code));
    notAfterClock(at('placedAt', 'date'), o.placedAt.date, 'the order was placed');
    if (o.account && s.account && o.account !== s.account.number) add(at('account'), `order is on ${o.account}, not the scenario's account ${s.account.number}`);
    if (o.status === 'delivered' && !o.delivered) add(at('status'), 'a delivered order needs a `delivered` date');
    if (o.status === 'awaiting-dispatch' && (o.delivered || o.dispatch)) add(at('status'), 'an order awaiting dispatch has no dispatch or delivered date');
    if (o.dispatch) {
      if (compareDates(o.dispatch.date, o.placedAt.date) < 0) add(at('dispatch', 'date'), 'dispatched before it was placed');
      notAfterClock(at('dispatch', 'date'), o.dispatch.date, 'the dispatch date');
    }
    if (o.delivered) {
      if (compareDates(o.delivered, o.placedAt.date) < 0) add(at('delivered'), 'delivered before it was placed');
      notAfterClock(at('delivered'), o.delivered, 'the delivery date');
    }
    o.problems.forEach((p, k) => {
      if (p.type === 'damaged-in-picking') {
        code(at('problems', k, 'code'), p.code);
        const line = o.lines.find((l) => l.code === p.code);
        if (!line) add(at('problems', k, 'code'), `order ${o.number} has no ${p.code} line`);
        else if (p.qty > line.qty) add(at('problems', k, 'qty'), `only ${line.qty} × ${p.code} on the order`);
        notAfterClock(at('problems', k, 'noted', 'date'), p.noted.date, 'the problem was noted');
      }
    });
  });

  // stock
  for (const [c, entry] of Object.entries(s.stock)) {
    code(['stock', c], c);
    if (entry.alternative) code(['stock', c, 'alternative'], entry.alternative);
  }

  // wants
  const w = s.wants;
  w.items?.forEach((l, j) => code(['wants', 'items', j, 'code'], l.code));
  w.setQuantities?.forEach((l, j) => code(['wants', 'setQuantities', j, 'code'], l.code));
  w.cancelUnits?.forEach((l, j) => code(['wants', 'cancelUnits', j, 'code'], l.code));
  w.return?.items?.forEach((l, j) => code(['wants', 'return', 'items', j, 'code'], l.code));
  const order = w.order ? s.orders.find((o) => o.number === w.order) : undefined;
  if (w.order && !order) add(['wants', 'order'], `no order ${w.order} in \`orders\``);
  if (order) {
    w.cancelUnits?.forEach((l, j) => {
      const line = order.lines.find((x) => x.code === l.code);
      if (!line) add(['wants', 'cancelUnits', j, 'code'], `order ${order.number} has no ${l.code} line`);
      else if (l.qty > line.qty) add(['wants', 'cancelUnits', j, 'qty'], `only ${line.qty} × ${l.code} on order ${order.number}`);
    });
    w.return?.items?.forEach((l, j) => {
      const line = order.lines.find((x) => x.code === l.code);
      if (!line) add(['wants', 'return', 'items', j, 'code'], `order ${order.number} has no ${l.code} line`);
      else if (l.qty > line.qty) add(['wants', 'return', 'items', j, 'qty'], `only ${line.qty} × ${l.code} on order ${order.number}`);
    });
  }
  if (w.neededBy && compareDates(w.neededBy.date, s.clock.date) < 0) add(['wants', 'neededBy', 'date'], 'needed-by date is before the call');

  const purpose = s.kind.purpose;
  if (purpose === 'place' && !w.items?.length) add(['wants'], 'a `place` scenario needs `items` to order');
  if (purpose !== 'place' && !w.order) add(['wants'], `a \`${purpose}\` scenario needs the \`order\` it is about`);
  if (purpose === 'change' && !w.setQuantities?.length && !w.cancelUnits?.length && !w.newDeliveryAddress) {
    add(['wants'], 'a `change` scenario needs setQuantities, cancelUnits or newDeliveryAddress');
  }
  if (purpose === 'change' && order && order.status !== 'awaiting-dispatch') add(['wants', 'order'], `order ${order.number} is ${order.status}; only an order awaiting dispatch can be changed`);
  if (purpose === 'cancel' && order && order.status === 'delivered' && !w.return) add(['wants'], 'cancelling a delivered order needs a `return` section');
  if (purpose === 'chase' && order && order.status === 'awaiting-dispatch' && !order.promised) {
    add(['wants', 'order'], 'a chased order needs a `promised` date or a dispatch record');
  }
  if (w.choices.problemOption && !order?.problems.some((p) => p.type === 'damaged-in-picking')) {
    add(['wants', 'choices', 'problemOption'], 'problemOption needs a damaged-in-picking problem on the order');
  }

  // lines and answers
  if (!s.lines.opening) add(['lines'], 'the customer needs an `opening` line');
  w.asks.forEach((a, j) => {
    if (!s.lines[askLineKey(a)]) add(['wants', 'asks', j], `ask "${a}" needs lines under \`${askLineKey(a)}\``);
  });
  for (const fact of FACT_IDS) {
    const variants = s.answers[fact];
    if (!variants) continue;
    const value = factValue(s, fact, org);
    variants.forEach((v, j) => {
      if (v.includes('{value}') && value === undefined) add(['answers', fact, j], `{value} used but the scenario gives no ${fact}`);
    });
  }
  Object.entries(s.lines).forEach(([key, variants]) => {
    const allowed = linePlaceholders(key as LineKey);
    (variants ?? []).forEach((u, j) => {
      const words = typeof u === 'string' ? u : u.text;
      for (const [, name] of words.matchAll(/\{(\w+)\}/g)) {
        if (!allowed.includes(name)) add(['lines', key, j], `{${name}} cannot be filled in a \`${key}\` line (it may use ${allowed.map((a) => `{${a}}`).join(' ')})`);
      }
      if (typeof u !== 'string') {
        u.reveals.forEach((f, k) => {
          if (factValue(s, f, org) === undefined) add(['lines', key, j, 'reveals', k], `reveals ${f}, but the scenario gives no ${f}`);
        });
      }
    });
  });

  // rubric
  const criteria = new Set<string>();
  s.rubric.criteria.forEach((c, j) => {
    if (criteria.has(c)) add(['rubric', 'criteria', j], `criterion ${c} is listed twice`);
    criteria.add(c);
  });
  for (const c of Object.keys(s.rubric.weights ?? {})) {
    if (!criteria.has(c)) add(['rubric', 'weights', c], `weight for ${c}, which is not in rubric.criteria`);
  }
  if (criteria.has('explain_terms') && s.rubric.terms.length === 0) add(['rubric', 'terms'], 'explain_terms is marked: list the terms it needs');
  return issues;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Product codes in a file that did not pass the schema, checked where they can be found,
 * so a tutor sees unknown codes together with the schema errors.
 */
export function checkRawProductCodes(raw: unknown, org: Organisation): PathIssue[] {
  const issues: PathIssue[] = [];
  if (!isRecord(raw)) return issues;
  const codes = new Set(org.catalogue.map((p) => p.code));
  const check = (path: PropertyKey[], c: unknown): void => {
    if (typeof c === 'string' && /^[A-Z0-9][A-Z0-9-]*$/.test(c) && !codes.has(c)) {
      issues.push({ path, message: `product code ${c} is not in the catalogue of ${org.id}` });
    }
  };
  const lines = (path: PropertyKey[], v: unknown): void => {
    if (Array.isArray(v)) v.forEach((l, i) => isRecord(l) && check([...path, i, 'code'], l.code));
  };
  const w = raw.wants;
  if (isRecord(w)) {
    lines(['wants', 'items'], w.items);
    lines(['wants', 'setQuantities'], w.setQuantities);
    lines(['wants', 'cancelUnits'], w.cancelUnits);
    if (isRecord(w.return)) lines(['wants', 'return', 'items'], w.return.items);
  }
  if (Array.isArray(raw.orders)) {
    raw.orders.forEach((o, i) => {
      if (!isRecord(o)) return;
      lines(['orders', i, 'lines'], o.lines);
      if (Array.isArray(o.problems)) o.problems.forEach((p, k) => isRecord(p) && check(['orders', i, 'problems', k, 'code'], p.code));
    });
  }
  if (isRecord(raw.stock)) {
    for (const [c, e] of Object.entries(raw.stock)) {
      check(['stock', c], c);
      if (isRecord(e)) check(['stock', c, 'alternative'], e.alternative);
    }
  }
  return issues;
}
