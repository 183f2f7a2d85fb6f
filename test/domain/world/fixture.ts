/**
 * A test organisation written here (not the shipped Harbour & Pike file), with its own
 * cut-off, delivery days, threshold and offers, to show the order world reads every rule
 * from data.
 */
import { organisationSchema, type Organisation } from '../../../domain/scenario/organisation.js';

export const testOrg: Organisation = organisationSchema.parse({
  id: 'test-org',
  name: 'Test Supplies Ltd',
  shortName: 'Test Supplies',
  address: '1 Test Street, Testford TE1 1ST',
  catalogue: [
    { code: 'CH-A', name: 'Chair A', price: 149.0, category: 'chair', bulky: true },
    { code: 'CH-B', name: 'Chair B', price: 89.5, category: 'chair', bulky: true },
    { code: 'DK-1', name: 'Desk', price: 329.0, category: 'desk', bulky: true },
    { code: 'PP-1', name: 'Paper', price: 22.4, category: 'paper' },
    { code: 'PN-1', name: 'Pens', price: 3.33, category: 'stationery' },
    { code: 'MT-1', name: 'Mat', price: 12.0, category: 'accessory' },
  ],
  offers: [
    { id: 'chairs', name: 'Chair deal', description: '10% off chairs, 5+', type: 'percent-off', percentOff: 10, appliesTo: { categories: ['chair'] }, minQuantity: 5, valid: { from: '2026-02-01', to: '2026-03-31' } },
    { id: 'chair-a-big', name: 'Chair A big deal', description: '15% off CH-A, 20+', type: 'percent-off', percentOff: 15, appliesTo: { codes: ['CH-A'] }, minQuantity: 20, valid: { from: '2026-01-01', to: '2026-12-31' } },
    { id: 'mats', name: 'Mat deal', description: 'free mat with each desk', type: 'free-item', trigger: { codes: ['DK-1'] }, free: { code: 'MT-1', perTriggerUnit: 1 }, valid: { from: '2026-03-01', to: '2026-03-31' } },
    { id: 'paper', name: 'Paper saver', description: '5% off paper, 10+', type: 'percent-off', percentOff: 5, appliesTo: { codes: ['PP-1'] }, minQuantity: 10, valid: { from: '2026-04-01', to: '2026-06-30' } },
  ],
  vat: { ratePercent: 20 },
  calendar: { bankHolidays: ['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-12-25', '2026-12-28'] },
  delivery: { cutOff: '12:00', standardWorkingDays: 2, backOrderWorkingDays: 4, charge: 5.5, freeFrom: 150 },
  credit: { paymentTermsDays: 45 },
  changes: { addressChangeNeedsEmailConfirmation: true, confirmationEmailWithinHours: 2 },
  returns: {
    business: { periodDays: 28, collectionCharge: 25, chargeBasis: 'ex-vat', refundMethod: 'credit-note', refundWithinWorkingDays: 7 },
    private: { periodDays: 14, collectionCharge: 19.95, chargeBasis: 'inc-vat', refundMethod: 'original-payment', refundWithinDays: 14 },
  },
  outOfStock: {},
  lateDelivery: { escalateAtWorkingDaysLate: 3, goodwill: 15 },
  teams: {
    'credit-control': { name: 'Credit Team', handles: 'credit', replyWithin: 'within an hour' },
    purchasing: { name: 'Buyers', handles: 'stock' },
    logistics: { name: 'Transport Lead', handles: 'late deliveries' },
  },
});
