/**
 * Glitches an assessor found playing scripted calls through the bot, each turned into a
 * general rule about the caller:
 * - a date the adviser proposes ("Would Tuesday suit?") gets an answer: accepted when it
 *   meets the caller's need, queried when it misses their deadline, never "not sure what
 *   you mean";
 * - a plain figure answers the caller's price question (no VAT basis needed); the caller
 *   never asks the same price question again after one;
 * - the caller never names a day the adviser did not say (or the caller's own day): a date
 *   echoed back is one the adviser gave, and a tutor's line naming another day is not used.
 */
import { describe, expect, it } from '@jest/globals';
import type { CustomerReply } from '../../dialogs/customer/customer.js';
import { callerProfile } from '../../dialogs/customer/profile.js';
import { weekdayName } from '../../domain/dates.js';
import { ScriptedCall, scenario, text } from './call-script.js';

/** Inbound lead-in: greeting and verification (account or order number, name, postcode). */
const INBOUND_START = ['Good morning, Harbour & Pike, Jo speaking. How can I help?', 'Could I have your account or order number, your full name and your postcode, please?'];
const OUTBOUND_START = [
  'Good morning, this is Lucy calling from Harbour & Pike Office Supplies. Am I speaking with Priya Shah?',
  'Could you give me your account number, your billing postcode and the email address registered with us?',
];

function started(id: string, seed = 7): ScriptedCall {
  const call = new ScriptedCall(scenario(id), seed);
  call.script(scenario(id).scenario.kind.direction === 'outbound' ? OUTBOUND_START : INBOUND_START);
  return call;
}

const ACCEPTS = ['one_date_ok', 'accept_late_date', 'date_ok', 'pick_date', 'accept_date'];

describe('a date the adviser proposes', () => {
  it('a late delivery: "Would Tuesday suit?" is accepted (nothing sooner can be had), not misunderstood', () => {
    const call = started('chase-late-cabinets');
    const r = call.say('Would Tuesday suit?');
    expect(r.acts).not.toContain('unclear');
    expect(r.acts.some((a) => ACCEPTS.includes(a))).toBe(true);
    expect(text(r)).toMatch(/Tuesday/);
  });

  it('a collection: the day asked about is the one taken, not the first day of the range', () => {
    const call = started('cancel-home-desk');
    const r = call.say('We can collect any weekday from tomorrow. Would Monday suit you for the collection?');
    expect(r.decisions.pickedDate).toBe('2026-06-15');
    expect(text(r)).toMatch(/Monday/);
    expect(r.acts).not.toContain('go_ahead');
  });

  it.each(['Would Tuesday suit?', 'How about Tuesday?', 'Shall we say Tuesday, then?', 'Is Tuesday any good for you?', 'Would Tuesday be okay?', 'Could we do Tuesday?'])(
    'a day in time for the deadline is accepted: "%s"',
    (line) => {
      const call = started('place-ergo-chairs');
      const r = call.say(line);
      expect(r.acts).not.toContain('unclear');
      expect(r.acts).not.toContain('deadline_missed');
      expect(r.decisions.pickedDate).toBe('2026-03-03');
      expect(text(r)).toMatch(/Tuesday/);
    },
  );

  it('a day after the deadline is queried first, and only accepted (reluctantly) when proposed again', () => {
    const call = started('place-mesh-chairs-out-of-stock');
    const r1 = call.say('Would Thursday 16 April suit you?');
    expect(r1.acts).toContain('deadline_missed');
    expect(r1.decisions.pickedDate).toBeUndefined();
    const r2 = call.say("I'm afraid that's the earliest we can do. Would Thursday 16 April be all right?");
    expect(r2.acts).toContain('accept_late_date');
    expect(r2.acts).not.toContain('deadline_missed');
  });

  it('"Would that suit?" points back at the day just said; "Shall I put that through?" proposes no day', () => {
    const pointing = started('place-ergo-chairs').say("They'd arrive on Thursday 5 March. Would that suit you?");
    expect(pointing.decisions.pickedDate).toBe('2026-03-05');
    expect(text(pointing)).toMatch(/Thursday/);
    const order = started('place-ergo-chairs').say("They'd arrive on Thursday 5 March. Shall I put that through for you?");
    expect(order.decisions.pickedDate).toBeUndefined();
    expect(order.acts).toContain('go_ahead');
  });

  it('a day proposed for an order with no deadline of its own is simply accepted', () => {
    const call = started('cancel-home-desk');
    const r = call.say('Would Tuesday suit you for the collection?');
    expect(r.decisions.pickedDate).toBe('2026-06-16');
    expect(r.acts).not.toContain('deadline_missed');
  });
});

/** A lead-in that makes the caller ask a price question, the ask's line key, and a figure. */
interface PriceCase {
  id: string;
  lead: string[];
  ask: string;
  figure: string;
}

const PRICE_CASES: PriceCase[] = [
  { id: 'place-ergo-chairs', lead: ['Which chairs would you like, and how many?', "Lovely, they're in stock."], ask: 'ask_price', figure: '965.52' },
  { id: 'place-desks-credit-limit', lead: ['Which desks would you like, and how many?', 'Yes, we have them in stock.'], ask: 'ask_price', figure: '1,579.20' },
  {
    id: 'call-split-delivery',
    lead: [
      'Thank you. I am sorry to say two of the six chairs on your order were damaged in our warehouse.',
      'We can split the delivery: four chairs tomorrow and the other two on Wednesday 11 March. We can hold all six for Wednesday 11 March, or you can cancel the two damaged chairs free of charge.',
    ],
    ask: 'ask_cancel_part_price',
    figure: '715.20',
  },
];

describe('a plain figure answers a price question', () => {
  for (const c of PRICE_CASES) {
    for (const answer of [`£${c.figure}.`, `It'd be £${c.figure}, as the multi-buy discount only applies on five or more chairs.`, `That would come to £${c.figure}.`]) {
      it(`${c.id}: "${answer}" — the question is not asked again`, () => {
        const call = started(c.id);
        const lead = call.script(c.lead);
        expect(lead.flatMap((r) => r.acts)).toContain(c.ask);
        const after: CustomerReply[] = [call.say(answer), call.say('Is there anything else I can help with?'), call.say('Is there anything else at all?'), call.say('Thanks for calling, goodbye.')];
        for (const r of after) expect(r.acts).not.toContain(c.ask);
        // the figure itself is never repeated back as a question either
        for (const r of after) expect(text(r)).not.toMatch(/\bVAT\?.*\bVAT\?/);
      });
    }
  }

  it('the cancel price given next to a discount lets the caller choose, in the same turn', () => {
    const call = started('call-split-delivery');
    call.script(PRICE_CASES[2].lead);
    const r = call.say("It'd be £715.20, as the multi-buy discount only applies on five or more chairs. Which option would you like?");
    expect(r.acts).not.toContain('ask_cancel_part_price');
    expect(r.decisions.problem).toBe('split');
  });
});

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const namedDays = (s: string): string[] => WEEKDAYS.filter((d) => new RegExp(`\\b${d}\\b`, 'i').test(s));

describe('the caller names only days the adviser gave (or its own)', () => {
  it('"delivered Thursday 9 April, in good time for the 13th" is not taken as the 13th', () => {
    const call = started('place-mesh-chairs-out-of-stock');
    call.script([
      'What do you need, and when by?',
      "I'm sorry, the Mesh 150 is out of stock. The Mesh 160 is £96 a chair, £6.50 more, so two come to £230.40 including VAT.",
    ]);
    const r = call.say("With the Easter bank holidays, they'd be delivered on Thursday 9 April, in good time for the 13th.");
    expect(text(r)).not.toMatch(/13th|Monday/);
  });

  it("a back-order's day said alongside the alternative is not taken as the alternative's", () => {
    const call = started('place-mesh-chairs-out-of-stock');
    call.say('Which chairs do you need?');
    call.say(
      "I'm sorry, the Mesh 150 is out of stock. If we back-ordered them they'd only reach you on Thursday 16 April. The listed alternative is the Mesh 160, and we have 15 of those in stock.",
    );
    const priced = call.say('The Mesh 160 is £96 a chair, £6.50 more than the 150, plus VAT; two come to £230.40 including VAT.');
    expect(priced.decisions.outOfStock).toBeUndefined();
    const dated = call.say("The Mesh 160s would be delivered on Thursday 9 April.");
    expect(dated.decisions.outOfStock).toBe('alternative');
  });

  it("a tutor's line written for another day is not used (change: \"Friday? … Friday's fine\")", () => {
    const call = started('change-school-order');
    call.say('What would you like to change?');
    const r = call.say('With the change, delivery would now be on Tuesday 19 May.');
    expect(r.acts).toContain('deadline_missed');
    expect(text(r)).not.toMatch(/Friday/);
    expect(text(r)).toMatch(/Tuesday/);
  });

  it("a tutor's line written for another day is not used (desks: \"Tuesday's okay\")", () => {
    const call = started('place-desks-credit-limit');
    const r = call.say('They would arrive on Wednesday 18 March.');
    expect(text(r)).not.toMatch(/Tuesday/);
  });

  it('in every reference scenario, whatever days are said, every day the caller names was said by the adviser or is its own', () => {
    const lines = [
      'What can I do for you, and when do you need it?',
      'They would be delivered on Wednesday.',
      'Sorry, I meant they would arrive next Tuesday.',
      'Would Friday suit instead?',
      'So to confirm, that will be with you next Thursday, is that right?',
      'Is there anything else?',
    ];
    const wrong: unknown[] = [];
    for (const id of ['place-ergo-chairs', 'place-desks-credit-limit', 'place-mesh-chairs-out-of-stock', 'change-school-order', 'cancel-home-desk', 'chase-late-cabinets', 'call-split-delivery']) {
      for (const seed of [1, 2, 3]) {
        const loaded = scenario(id);
        const call = started(id, seed);
        // the caller's own days: its needed-by (or due) day, and days in its own answers and opening
        const expected = callerProfile(loaded).expected;
        const own = new Set([...namedDays(JSON.stringify(loaded.scenario.answers)), ...namedDays(text(call.opening)), ...(expected ? [weekdayName(expected.date).toLowerCase()] : [])]);
        const said = new Set<string>(own);
        for (const r of call.replies) for (const d of namedDays(text(r))) said.add(d);
        for (const l of lines) {
          for (const d of namedDays(l)) said.add(d);
          const r = call.say(l);
          for (const d of namedDays(text(r))) if (!said.has(d)) wrong.push({ id, seed, line: l, reply: text(r), day: d });
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
