/**
 * General rules behind marks the blind held-out set disagreed on, each tried on calls
 * written here (never the held-out wording), in the shipped scenarios and in scenarios set
 * in another organisation, so the rule — not a transcript — is what is tested.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseOrganisationText, parseScenarioText } from '../../domain/scenario/load.js';
import { prepareScenario, type PreparedScenario } from '../../dialogs/marking/marker.js';
import { parseSlashCommand } from '../../dialogs/marking/call/commands.js';
import { markLines, markOf } from './helpers.js';
import { shipped, tutorScenario } from './scenarios.js';

const split = shipped('call-split-delivery');
const cancel = shipped('cancel-home-desk');
const change = shipped('change-school-order');
const chase = shipped('chase-late-cabinets');
const desks = shipped('place-desks-credit-limit');
const ergo = shipped('place-ergo-chairs');
const mesh = shipped('place-mesh-chairs-out-of-stock');
const blenders = tutorScenario('place-blenders-bundle');

/** A scenario in the Northgate organisation (14-day terms, an "Accounts Team"), written here. */
function northgate(yaml: string): PreparedScenario {
  const orgFile = 'test/fixtures/scenarios/organisations/northgate-catering.yaml';
  const org = parseOrganisationText(readFileSync(orgFile, 'utf8'), orgFile);
  return prepareScenario(parseScenarioText(yaml, 'inline.yaml', new Map([[org.id, org]])));
}

const CUSTOMER = `
customer:
  name: Lena Fischer
  role: Owner
  organisation: Fischer's Café
  type: business
  identity: { accountNumber: NC-7781, postcode: YO10 3DD, phone: 01904 555 210, email: lena@fischers-cafe.example, address: "21 Hull Road, York YO10 3DD" }
  persona: { temperament: busy-polite, patience: 5, volunteering: low }
lines:
  opening: ["Hi, I'd like to order a few things, please."]
  ask_price: ["What will that come to?"]
  ask_delivery_date: ["When will it arrive?"]
`;

const ACCOUNT = (limit: string) => `
account:
  number: NC-7781
  name: Fischer's Café Ltd
  contacts: [{ name: Lena Fischer, role: Owner }]
  billingAddress: 21 Hull Road, York YO10 3DD
  postcode: YO10 3DD
  phone: 01904 555 210
  email: lena@fischers-cafe.example
  creditLimit: ${limit}
  balance: 400.00
`;

/** Two items asked for at once. */
const twoItems = northgate(`
version: 1
id: place-boards-and-knives
title: New order — boards and knives
organisation: northgate-catering
kind: { direction: inbound, purpose: place }
clock: { date: 2026-06-02, time: "10:00" }
${CUSTOMER}
${ACCOUNT('2000.00')}
stock:
  CB-PACK-6: { onHand: 30 }
  KN-SET-8: { onHand: 12 }
wants:
  summary: 4 chopping board packs and 2 knife sets
  reason: restocking the kitchen
  items:
    - { code: CB-PACK-6, qty: 4 }
    - { code: KN-SET-8, qty: 2 }
  payment: account
  asks: [price, delivery-date]
rubric:
  criteria: [opening, check_stock, state_price, close_call]
`);

/** An order over the available credit, in an organisation whose credit team is the "Accounts Team". */
const overCredit = northgate(`
version: 1
id: place-tables-over-credit
title: New order — prep tables over the credit limit
organisation: northgate-catering
kind: { direction: inbound, purpose: place }
clock: { date: 2026-06-02, time: "10:00" }
${CUSTOMER}
${ACCOUNT('800.00')}
stock:
  TB-PREP-12: { onHand: 6 }
wants:
  summary: 3 prep tables
  reason: kitting out a new kitchen
  items:
    - { code: TB-PREP-12, qty: 3 }
  payment: account
  asks: [price]
rubric:
  criteria: [opening, check_credit, authorise, close_call]
`);

describe('explain_problem', () => {
  it('does not take the date a learner promises the customer for when the replacements arrive', () => {
    const card = markLines(split, ['L: Two of your chairs were damaged, so those two will reach you on Friday.']);
    expect(card.criteria.explain_problem.mark).toBe('partly');
    expect(card.criteria.explain_problem.note).toMatch(/not where things stand/);
  });

  it('reads "no problem" as a reassurance, not vague words about a problem', () => {
    expect(markOf(mesh, 'explain_problem', ["L: Yes, that's no problem at all.", 'L: Not an issue, they can go out today.'])).toBe('missed');
  });

  it('takes plain words that something went wrong, with no facts, as vague', () => {
    expect(markOf(chase, 'explain_problem', ["L: Your cabinets are on their way to you."])).toBe('missed');
    expect(markOf(chase, 'explain_problem', ['L: Honestly the carrier messed up and your cabinets are stuck somewhere.'])).toBe('partly');
    expect(markOf(chase, 'explain_problem', ["L: Something's gone wrong with the delivery, I'm afraid."])).toBe('partly');
  });
});

describe('state_price', () => {
  it('is partly when the refund is given without the charge taken from it', () => {
    expect(markOf(cancel, 'state_price', ['C: Will I get everything back?', "L: You'll get £374.85 back on your card."])).toBe('partly');
    expect(markOf(cancel, 'state_price', ["L: There's a £19.95 collection charge, so you'll get £374.85 back on your card."])).toBe('met');
  });

  it('is partly, not wrong, when only how much a change adds is said', () => {
    const card = markLines(change, ['/amend SO-48213 PP-A4-80 15', 'D: Order SO-48213 amended.', "L: That puts it up by £127.68, I'm afraid."]);
    expect(card.criteria.state_price.mark).toBe('partly');
    expect(card.criteria.state_price.note).not.toMatch(/wrong/);
  });
});

describe('explain_terms', () => {
  it('reads payment and returns said in one sentence as two terms', () => {
    expect(
      markOf(desks, 'explain_terms', ["L: If it's approved you pay 30 days after the invoice, and anything unused can be returned within 30 days of delivery."]),
    ).toBe('met');
  });

  it("takes the term figures from the scenario's organisation", () => {
    const own = "L: You'll have 14 days from the invoice to pay, and unused items can be returned within 28 days.";
    const harbour = "L: You'll have 30 days from the invoice to pay, and unused items can be returned within 30 days.";
    expect(markOf(blenders, 'explain_terms', [own])).toBe('met');
    expect(markOf(blenders, 'explain_terms', [harbour])).toBe('missed');
    const card = markLines(blenders, ['L: Payment is due in 30 days.']);
    expect(card.criteria.explain_terms.note).toMatch(/14 days/);
  });
});

describe('state_delivery', () => {
  it('is partly when the right day is named but not promised, and the deadline is another day', () => {
    expect(markOf(ergo, 'state_delivery', ["L: I won't promise Thursday, but they'll be with you ahead of your Friday deadline."])).toBe('partly');
  });
});

describe('check_stock', () => {
  it('counts a look-up whose answer shows the listed alternative as checking the alternative', () => {
    expect(
      markOf(mesh, 'check_stock', [
        '/stock CH-MESH-150',
        'D: CH-MESH-150 Mesh 150 operator chair\nStock: 0, OUT OF STOCK\nListed alternative: CH-MESH-160 Mesh 160 operator chair (£96.00 ex VAT), 15 in stock',
        "L: The Mesh 150 is out of stock, but we've got the Mesh 160 in stock.",
      ]),
    ).toBe('met');
  });

  it('is partly when availability is told (even hedged) without a desk check', () => {
    expect(markOf(twoItems, 'check_stock', ['C: Four board packs and two knife sets, please.', 'L: We should have those, yes.'])).toBe('partly');
  });

  it('is partly when only some of the items asked for are told', () => {
    const lines = ['/quote CB-PACK-6 4 KN-SET-8 2', 'D: Quote\nStock: CB-PACK-6 30 available; KN-SET-8 12 available'];
    expect(markOf(twoItems, 'check_stock', [...lines, 'L: The board packs are in stock.'])).toBe('partly');
    expect(markOf(twoItems, 'check_stock', [...lines, 'L: The board packs and the knife sets are both in stock.'])).toBe('met');
  });
});

describe('arrange_follow_up', () => {
  it('reads a specific follow-up written in text-speak', () => {
    expect(markOf(mesh, 'arrange_follow_up', ['L: I will ring u on Monday 13 April when the stock comes in.'])).toBe('met');
  });
});

describe('authorise', () => {
  it("takes the organisation's own name for its credit team as the referral route", () => {
    expect(
      markOf(overCredit, 'authorise', [
        '/account NC-7781',
        'D: Account NC-7781 · Available credit £400.00',
        "L: That's over the available credit on your account, so I'll refer it to our Accounts Team for authorisation.",
      ]),
    ).toBe('met');
  });
});

describe('desk commands', () => {
  it('reads product lines by each command’s grammar, whatever the organisation’s reference formats', () => {
    const codes = (t: string) => {
      const c = parseSlashCommand(t);
      return c.kind === 'desk' ? c.codes : [];
    };
    expect(codes('/order CO-88140')).toEqual([]);
    expect(codes('/account NC-7781')).toEqual([]);
    expect(codes('/refer credit-control NC-7781 over credit')).toEqual([]);
    expect(codes('/stock KN-SET-8')).toEqual([{ code: 'KN-SET-8', qty: 0 }]);
    expect(codes('/amend CO-88140 PP-A4-75 15')).toEqual([{ code: 'PP-A4-75', qty: 15 }]);
    expect(codes('/return CO-88140 2026-09-07 TN-BR-2420 1')).toEqual([{ code: 'TN-BR-2420', qty: 1 }]);
  });
});
