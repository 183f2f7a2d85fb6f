/** The real customer simulator and marker, bound to the call flow's ports. */
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { createCustomer } from '../customer/customer.js';
import { markCall, prepareScenario, type PreparedScenario } from '../marking/marker.js';
import type { CustomerFactory, MarkTranscript } from './ports.js';

/** `createCustomer` from dialogs/customer. */
export const realCustomers: CustomerFactory = (loaded, options) => createCustomer(loaded, options);

/**
 * `markCall` from dialogs/marking, with each scenario prepared (truths, marking facts) once.
 * Prepared scenarios are keyed by the loaded object, so a reloaded scenario is prepared again.
 */
export function realMarker(): MarkTranscript {
  const prepared = new WeakMap<LoadedScenario, PreparedScenario>();
  return (activities, loaded) => {
    let p = prepared.get(loaded);
    if (!p) {
      p = prepareScenario(loaded);
      prepared.set(loaded, p);
    }
    return markCall(activities, p);
  };
}
