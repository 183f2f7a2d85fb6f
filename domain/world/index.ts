/**
 * The order world: pure rules of the organisation's order system (calendar, pricing,
 * offers, credit, stock, amendments, returns, lateness). No botbuilder, no clock of its
 * own: every function takes the scenario clock or a date.
 */
export * from './errors.js';
export * from './calendar.js';
export * from './catalogue.js';
export * from './delivery.js';
export * from './offers.js';
export * from './pricing.js';
export * from './credit.js';
export * from './stock.js';
export * from './quote.js';
export * from './orders.js';
export * from './amendments.js';
export * from './returns.js';
export * from './lateness.js';
