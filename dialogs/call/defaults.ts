/**
 * The real customer simulator and marker, bound to the call flow's ports and sharing one
 * {@link Understanding}: one recogniser, each scenario prepared once, each learner message
 * read once.
 */
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { createCustomer } from '../customer/customer.js';
import { markCall } from '../marking/marker.js';
import type { CustomerFactory, MarkTranscript, SimulatedCustomer } from './ports.js';
import { sharedUnderstanding, type Understanding } from './understanding.js';

/**
 * `createCustomer` from dialogs/customer, hearing each learner message through
 * `understanding` (the marker's reading of it).
 */
export function customersWith(understanding: Understanding): CustomerFactory {
  return (loaded: LoadedScenario, options): SimulatedCustomer => {
    const customer = createCustomer(loaded, { ...options, recogniser: understanding.recogniser });
    return {
      opening: () => customer.opening(),
      hear: (text, context) => customer.hear(understanding.read(text, loaded), context),
      onDesk: (event) => customer.onDesk(event),
      get state() {
        return customer.state;
      },
    };
  };
}

/** The real customers on the process-wide {@link Understanding}. */
export const realCustomers: CustomerFactory = (loaded, options) => customersWith(sharedUnderstanding())(loaded, options);

/**
 * `markCall` from dialogs/marking over each scenario prepared once by `understanding`
 * (default: the process-wide one). A reloaded scenario is prepared again.
 */
export function realMarker(understanding: Understanding = sharedUnderstanding()): MarkTranscript {
  return (activities, loaded) => markCall(activities, understanding.prepared(loaded));
}
