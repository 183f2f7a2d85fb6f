/**
 * The simulated customer (see docs/decisions/0006-customer-simulator.md): create one per
 * call with `createCustomer`, store `customer.state` after every turn, resume with it.
 */
export { createCustomer, initialCustomerState } from './customer.js';
export type { Customer, CustomerOptions, CustomerReply, HearContext } from './customer.js';
export type { DeskEvent, DeskEventKind } from './desk-events.js';
export { listen, sharedRecogniser } from './listen.js';
export { CustomerStateError, customerStateSchema, parseCustomerState, savedState } from './state.js';
export type { CustomerState, Decisions, Mood, PatienceStage, SavedCustomerState } from './state.js';
