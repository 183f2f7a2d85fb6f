/**
 * The caller as the simulator plays them, derived once from the scenario: the facts they
 * hold, what the call is about, their deadline, the products they would recognise by name,
 * their persona and preferences. Nothing here is a truth the caller could not know: prices
 * and delivery dates come only from what the adviser says.
 */
import { weekdayName, formatLongDate, daysBetween, type LocalDate, type ScenarioClock } from '../../domain/dates.js';
import { factValue, firstName } from '../../domain/scenario/facts.js';
import type { LoadedScenario, OrderLine, Scenario } from '../../domain/scenario/schema.js';
import { FACT_IDS, type FactId } from '../../domain/scenario/vocabulary.js';
import { findProduct } from '../../domain/world/catalogue.js';
import { promisedDate } from '../../domain/world/orders.js';

/** A product the caller would recognise when the adviser names it. */
export interface KnownProduct {
  code: string;
  name: string;
  /** the words that name it in speech, lower case ("mesh 160", "160", "ch-mesh-160") */
  names: string[];
  /** the plural noun for it ("chairs") */
  noun: string;
  /** the unit it is sold in, when the name says ("box" for "…, box of 5 reams") */
  unit?: string;
  /** how the caller names it in a question, when the name has a model ("the Mesh 160s") */
  spoken?: string;
}

/** The caller, as played. */
export interface CallerProfile {
  scenario: Scenario;
  clock: ScenarioClock;
  direction: 'inbound' | 'outbound';
  firstName: string;
  /** the value of each fact the caller holds */
  facts: Partial<Record<FactId, string>>;
  /** "the chairs", "the desk", "the order" */
  items: string;
  /** what the caller wants (items to order, or the lines of the order the call is about) */
  wantedLines: OrderLine[];
  /** products the caller wants */
  wanted: KnownProduct[];
  /** listed alternatives of the wanted products (the caller knows them only by name) */
  alternatives: KnownProduct[];
  /** the caller's needed-by date, or the date an existing order was due */
  expected?: { date: LocalDate; kind: 'deadline' | 'hope' | 'due' };
  /** the wanted items as the caller says them ("six Ergo 200 task chairs (CH-ERG-200)") */
  itemsSpoken?: string;
  /** every value a read-back may contain, per fact (postcodes of both addresses etc.) */
  knownValues: Partial<Record<FactId, string[]>>;
  /**
   * The new delivery address a change-order caller wants (`wants.newDeliveryAddress`), as the
   * caller would recognise it said back: its postcode and its words the current address does
   * not have ("annex", "station"), lower case.
   */
  newAddress?: { postcode?: string; words: string[] };
}

/** The words of an address the caller's current address and organisation do not share. */
function newAddressCues(address: string, current: (string | undefined)[], postcode: string | undefined): { postcode?: string; words: string[] } {
  const wordsOf = (s: string): string[] => s.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  const old = new Set(current.flatMap((s) => (s ? wordsOf(s) : [])));
  const words = [...new Set(wordsOf(postcode ? address.replace(postcode, ' ') : address))].filter((w) => !old.has(w) && !/^(?:road|street|lane|avenue|close|drive|house|unit)$/.test(w));
  return { ...(postcode ? { postcode: postcode.toLowerCase().replace(/\s+/g, ' ') } : {}), words };
}

function productWords(name: string, code: string): string[] {
  const words = name.toLowerCase().split(/[\s,]+/).filter(Boolean);
  const out = new Set<string>([code.toLowerCase(), name.toLowerCase()]);
  // "ergo 200", "mesh 160": a model word followed by its number
  for (let i = 0; i + 1 < words.length; i++) {
    if (/^\d+[a-z]?$/.test(words[i + 1]) && /^[a-z]+$/.test(words[i])) {
      out.add(`${words[i]} ${words[i + 1]}`);
      // "the 160": a model number of three or more digits names it on its own
      if (/^\d{3,}[a-z]?$/.test(words[i + 1])) out.add(words[i + 1]);
    }
  }
  return [...out];
}

/** The plural noun of a catalogue name: "Sit-stand desk 1400 mm" → "desks". */
export function pluralNoun(name: string, qty = 2): string {
  const head = name.split(',')[0].toLowerCase();
  const words = head.split(/\s+/).filter((w) => !/\d/.test(w) && !/^(mm|cm|gsm|kg|ml)$/.test(w));
  const last = words[words.length - 1] ?? 'item';
  if (qty === 1 || /(paper|furniture|stationery)$/.test(last)) return last;
  if (/(s|x|ch|sh)$/.test(last)) return `${last}es`;
  return `${last}s`;
}

function known(scenario: Scenario, org: LoadedScenario['organisation'], code: string, qty = 2): KnownProduct {
  const p = findProduct(org, code);
  const name = p?.name ?? code;
  const unit = /\b(box|pack|case|carton|tub|roll|set)\s+of\b/i.exec(name)?.[1]?.toLowerCase();
  // "Mesh 160 operator chair" → "the Mesh 160s": a model word and its number
  const model = /\b([A-Z][a-z]+\s\d+[a-z]?)\b/.exec(name)?.[1];
  const spoken = model ? `the ${model}${qty === 1 ? '' : 's'}` : undefined;
  return { code, name, names: productWords(name, code), noun: pluralNoun(name, qty), ...(unit ? { unit } : {}), ...(spoken ? { spoken } : {}) };
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "six" for 6, "15" for 15. */
export function quantityWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function plural(word: string): string {
  return /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}

/**
 * How a caller names a quantity of a catalogue item: "six Ergo 200 task chairs (CH-ERG-200)",
 * "15 boxes of A4 copier paper 80 gsm (PP-A4-80)".
 */
export function spokenLine(name: string, code: string, qty: number): string {
  const head = name.split(',')[0].trim();
  const unit = /\b(box|pack|case|carton|tub|roll|set)\s+of\b/i.exec(name)?.[1]?.toLowerCase();
  // keep a brand's capital ("Ergo 200", "A4"), not a common word's ("Sit-stand desk")
  const firstWord = head.split(/\s+/)[0];
  const brand = /\d/.test(firstWord) || /^\S+\s+\d/.test(head);
  const item = brand ? head : head.charAt(0).toLowerCase() + head.slice(1);
  if (unit) return `${quantityWord(qty)} ${qty === 1 ? unit : plural(unit)} of ${item} (${code})`;
  if (qty === 1) return `one ${item} (${code})`;
  const noun = pluralNoun(name, 1);
  const i = item.toLowerCase().lastIndexOf(noun);
  const named = i >= 0 ? item.slice(0, i) + plural(item.slice(i, i + noun.length)) + item.slice(i + noun.length) : item;
  return `${quantityWord(qty)} ${named} (${code})`;
}

/** "Friday" when within the week after the clock, else "Monday the 13th". */
export function speakDate(date: LocalDate, clock: ScenarioClock): string {
  const ahead = daysBetween(clock.date, date);
  if (ahead > 0 && ahead < 7) return weekdayName(date);
  const day = Number(date.slice(8, 10));
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${weekdayName(date)} the ${day}${suffix}`;
}

/** "Thursday 5 March" (no year: callers do not say it). */
export function speakFullDate(date: LocalDate): string {
  return formatLongDate(date).replace(/ \d{4}$/, '');
}

const profiles = new WeakMap<LoadedScenario, CallerProfile>();

/**
 * The profile of a loaded scenario's caller, derived once per loaded scenario (a reloaded
 * scenario is another object and gets its own). The profile is read, never changed.
 */
export function callerProfile(loaded: LoadedScenario): CallerProfile {
  let profile = profiles.get(loaded);
  if (!profile) {
    profile = deriveProfile(loaded);
    profiles.set(loaded, profile);
  }
  return profile;
}

function deriveProfile(loaded: LoadedScenario): CallerProfile {
  const { scenario, organisation: org } = loaded;
  const w = scenario.wants;
  const order = scenario.orders.find((o) => o.number === w.order);
  const wantedLines: OrderLine[] = w.items ?? w.setQuantities ?? w.cancelUnits ?? w.return?.items ?? order?.lines ?? [];
  const wanted = wantedLines.map((l) => known(scenario, org, l.code, l.qty));
  const alternatives: KnownProduct[] = [];
  for (const l of wantedLines) {
    const alt = scenario.stock[l.code]?.alternative;
    if (alt && !alternatives.some((a) => a.code === alt)) alternatives.push(known(scenario, org, alt, l.qty));
  }
  const nouns = [...new Set(wanted.map((p) => p.noun))];
  const items = nouns.length === 1 ? `the ${nouns[0]}` : 'the order';

  const facts: Partial<Record<FactId, string>> = {};
  for (const f of FACT_IDS) {
    const v = factValue(scenario, f, org);
    if (v !== undefined) facts[f] = v;
  }
  let expected: CallerProfile['expected'];
  if (w.neededBy) expected = { date: w.neededBy.date, kind: w.neededBy.kind };
  else if (order && order.status !== 'delivered' && order.status !== 'cancelled') expected = { date: promisedDate(org, order), kind: 'due' };

  const c = scenario.customer;
  const values = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))];
  const postcodeOf = (address: string | undefined): string | undefined => address?.match(/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i)?.[0];
  const knownValues: CallerProfile['knownValues'] = {
    account_number: values([c.identity.accountNumber]),
    order_number: values([...c.identity.orderNumbers, w.order]),
    postcode: values([c.identity.postcode, postcodeOf(c.identity.deliveryAddress), postcodeOf(w.newDeliveryAddress)]),
    phone: values([c.identity.phone]),
    email: values([c.identity.email]),
    full_name: values([c.name]),
    delivery_address: values([c.identity.address, c.identity.deliveryAddress, w.newDeliveryAddress]),
  };
  return {
    scenario,
    clock: scenario.clock,
    direction: scenario.kind.direction,
    firstName: firstName(scenario),
    facts,
    items,
    wantedLines,
    wanted,
    alternatives,
    ...(wanted.length > 0 ? { itemsSpoken: joinAnd(wanted.map((p, i) => spokenLine(p.name, p.code, wantedLines[i].qty))) } : {}),
    ...(expected ? { expected } : {}),
    knownValues,
    ...(w.newDeliveryAddress
      ? { newAddress: newAddressCues(w.newDeliveryAddress, [c.identity.address, c.identity.deliveryAddress, c.organisation, c.name], postcodeOf(w.newDeliveryAddress)) }
      : {}),
  };
}

/** "a, b and c" */
export function joinAnd(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
