/** The desk's state at the start of a call: the scenario's orders and stock, order numbering. */
import type { LoadedScenario, ScenarioOrder } from '../../domain/scenario/schema.js';
import { promisedDate } from '../../domain/world/orders.js';
import { nextInt } from '../random.js';
import type { DeskOrder, DeskState } from './types.js';

const ORDER_NUMBER = /^(.*?)(\d+)$/;

function deskOrder(loaded: LoadedScenario, o: ScenarioOrder): DeskOrder {
  const promised = promisedDate(loaded.organisation, o);
  return {
    number: o.number.toUpperCase(),
    ...(o.account ? { account: o.account.toUpperCase() } : {}),
    channel: o.channel,
    placedAt: o.placedAt,
    pricedAt: o.placedAt,
    amended: false,
    lines: o.lines.map((l) => ({ code: l.code, qty: l.qty })),
    status: o.status,
    due: promised,
    promised,
    deliverTo: o.deliverTo,
    payment: o.payment,
    ...(o.dispatch ? { dispatch: o.dispatch } : {}),
    ...(o.delivered ? { delivered: o.delivered } : {}),
    notes: o.notes.map((n) => ({ at: n.at, text: n.text })),
    problems: o.problems,
    placedInCall: false,
  };
}

/**
 * The desk as it stands when the call starts. New orders are numbered from the scenario's
 * `nextOrderNumber`, else after the highest existing order number, else from a seeded number.
 */
export function createDeskState(loaded: LoadedScenario, seed: number): DeskState {
  const { scenario } = loaded;
  const rng = { seed, draws: 0 };
  let orderPrefix = 'SO-';
  let nextOrderSeq: number;
  const first = scenario.nextOrderNumber ? ORDER_NUMBER.exec(scenario.nextOrderNumber.toUpperCase()) : null;
  if (first) {
    orderPrefix = first[1];
    nextOrderSeq = Number(first[2]);
  } else {
    const existing = scenario.orders.map((o) => ORDER_NUMBER.exec(o.number.toUpperCase())).filter((m): m is RegExpExecArray => m !== null);
    if (existing.length > 0) {
      orderPrefix = existing[0][1];
      nextOrderSeq = Math.max(...existing.map((m) => Number(m[2]))) + 1 + nextInt(rng, 0, 400);
    } else {
      nextOrderSeq = nextInt(rng, 40000, 59999);
    }
  }
  return {
    orders: scenario.orders.map((o) => deskOrder(loaded, o)),
    stock: Object.fromEntries(Object.entries(scenario.stock).map(([code, s]) => [code, { ...s }])),
    committedOnAccount: 0,
    nextOrderSeq,
    orderPrefix,
    referrals: [],
    notes: [],
    shortCodes: [],
    rng,
  };
}

/** Takes the next order number. */
export function takeOrderNumber(state: DeskState): string {
  const n = state.nextOrderSeq;
  state.nextOrderSeq += 1;
  return `${state.orderPrefix}${n}`;
}
