/**
 * A scripted practice call against the real simulated customer and the real recogniser:
 * the learner's lines go in one by one, the customer's replies come back.
 */
import { createCustomer, type Customer, type CustomerReply } from '../../dialogs/customer/customer.js';
import type { DeskEvent } from '../../dialogs/customer/desk-events.js';
import { parseCustomerState, type CustomerState } from '../../dialogs/customer/state.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';

let cache: LoadedScenario[] | undefined;

/** A reference scenario by id (loaded once from `scenarios/`). */
export function scenario(id: string): LoadedScenario {
  cache ??= loadScenarioDir('scenarios').scenarios;
  const s = cache.find((x) => x.scenario.id === id);
  if (!s) throw new Error(`scenario ${id} did not load`);
  return s;
}

/** One call in progress. */
export class ScriptedCall {
  readonly customer: Customer;
  readonly opening: CustomerReply;
  readonly replies: CustomerReply[] = [];

  constructor(
    readonly loaded: LoadedScenario,
    seed = 7,
    state?: unknown,
  ) {
    this.customer = createCustomer(loaded, { seed, ...(state === undefined ? {} : { state }) });
    this.opening = state === undefined ? this.customer.opening() : { lines: [], hungUp: false, mood: 'neutral', stage: 'ok', reveals: [], acts: [], decisions: { pushedBack: false, paid: false } };
  }

  /** The learner says `text` (after doing `desk` on the order desk). */
  say(text: string, desk: DeskEvent[] = []): CustomerReply {
    const r = this.customer.hear(text, { clock: this.loaded.scenario.clock, deskEvents: desk });
    this.replies.push(r);
    return r;
  }

  /** The caller's whole state now (the saved form restored, as a resumed call would have it). */
  get state(): CustomerState {
    return parseCustomerState(this.customer.state);
  }

  /** The learner says each line; returns the replies. */
  script(lines: string[]): CustomerReply[] {
    return lines.map((l) => this.say(l));
  }
}

/** The reply as one string. */
export function text(r: CustomerReply): string {
  return r.lines.join(' ');
}
