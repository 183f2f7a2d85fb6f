/**
 * Customers of calls in progress, kept in this process between turns so that a turn need not
 * rebuild its customer from the saved state (validating it and deriving the caller profile
 * again, ~5% of a turn). The saved state stays the one source of truth: a kept customer is
 * handed out only for the same scenario version and when the saved state is exactly (as JSON
 * text) the one it left at the end of its last turn. A turn that failed after the customer
 * heard the learner, a restart, a turn run by another instance, or a reloaded scenario all
 * rebuild from the saved state, as before.
 */
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import type { SimulatedCustomer } from './ports.js';

/** How many calls' customers are kept (the least recently used are dropped beyond it). */
export const LIVE_CUSTOMERS = 1000;

interface Kept {
  loaded: LoadedScenario;
  customer: SimulatedCustomer;
  /** the customer's state as saved at the end of its last turn, as JSON text */
  saved: string;
}

/** The kept customers, by call id. */
export class LiveCustomers {
  readonly #calls = new Map<string, Kept>();

  constructor(private readonly max: number = LIVE_CUSTOMERS) {}

  /** How many customers are kept. */
  get size(): number {
    return this.#calls.size;
  }

  /**
   * Keeps `customer` after a turn in which its state became `saved` (what the call state
   * now holds and will be stored).
   */
  keep(callId: string, loaded: LoadedScenario, customer: SimulatedCustomer, saved: unknown): void {
    this.#calls.delete(callId);
    this.#calls.set(callId, { loaded, customer, saved: JSON.stringify(saved) });
    if (this.#calls.size > this.max) this.#calls.delete(this.#calls.keys().next().value as string);
  }

  /**
   * The kept customer of the call, taken out (a turn that fails before {@link keep} leaves
   * none behind), when it belongs to `loaded` and left exactly the state `saved`.
   */
  take(callId: string, loaded: LoadedScenario, saved: unknown): SimulatedCustomer | undefined {
    const kept = this.#calls.get(callId);
    if (!kept) return undefined;
    this.#calls.delete(callId);
    return kept.loaded === loaded && kept.saved === JSON.stringify(saved) ? kept.customer : undefined;
  }

  /** Drops the call's customer (the call has ended). */
  forget(callId: string): void {
    this.#calls.delete(callId);
  }
}
