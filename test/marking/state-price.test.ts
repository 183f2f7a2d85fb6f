import { describe, expect, it } from '@jest/globals';
import { markLines, markOf } from './helpers.js';
import { shipped } from './scenarios.js';

const ergo = shipped('place-ergo-chairs');
const cancel = shipped('cancel-home-desk');
const split = shipped('call-split-delivery');
const mesh = shipped('place-mesh-chairs-out-of-stock');
const PLACE = ['/place CH-ERG-200 6', 'D: Order SO-49002 placed on account AC-20417'];

describe('state_price', () => {
  it('is met with the inc-VAT total, or the ex-VAT total said to be ex VAT', () => {
    expect(markOf(ergo, 'state_price', ['C: How much?', 'L: Six chairs come to £965.52 including VAT.', ...PLACE])).toBe('met');
    expect(markOf(ergo, 'state_price', ['C: How much?', "L: That's £804.60 plus VAT for the six.", ...PLACE])).toBe('met');
    expect(markOf(ergo, 'state_price', ['C: How much?', 'L: It comes to nine hundred and sixty-five pounds fifty-two with VAT.', ...PLACE])).toBe('met');
  });

  it('is partly with the right figure but the VAT basis unclear to a business customer', () => {
    const card = markLines(ergo, ['C: How much?', "L: It'll be £804.60 for the six.", ...PLACE]);
    expect(card.criteria.state_price.mark).toBe('partly');
    expect(card.criteria.state_price.note).toMatch(/whether it includes VAT is never said/);
  });

  it('is missed when the ex-VAT figure is given as the all-in price', () => {
    expect(markOf(ergo, 'state_price', ['C: How much?', "L: That's £804.60 all in.", ...PLACE])).toBe('missed');
  });

  it('is met when a wrong figure is corrected by the learner unprompted', () => {
    expect(
      markOf(ergo, 'state_price', [
        'L: Six at £149 is £894 plus VAT.',
        'C: OK, and when will they come?',
        'L: Thursday 5 March.',
        'C: Lovely.',
        "L: Sorry, I've just seen the multi-buy applies: it's actually £965.52 including VAT, not £1,072.80.",
        ...PLACE,
      ]),
    ).toBe('met');
  });

  it('is partly when the figure is right only after the customer challenged it', () => {
    const card = markLines(ergo, ['L: Six at £149 is £1,072.80 including VAT.', "C: Are you sure? I thought there was a discount on five or more.", 'L: You are right, it is £965.52 including VAT.', ...PLACE]);
    expect(card.criteria.state_price.mark).toBe('partly');
    expect(card.criteria.state_price.note).toMatch(/challenged/);
  });

  it('is missed when the last figure is wrong, or no price is stated', () => {
    expect(markOf(ergo, 'state_price', ['L: Six at £149 each comes to £894 plus VAT.', ...PLACE])).toBe('missed');
    expect(markOf(ergo, 'state_price', ['L: I will put that through now.', ...PLACE])).toBe('missed');
  });

  it('is partly with unit prices and no total', () => {
    expect(markOf(ergo, 'state_price', ['L: They are £134.10 each with the multi-buy.', ...PLACE])).toBe('partly');
  });

  it("a difference said alongside a price is on that price's basis", () => {
    const asked = ['C: How much more is the 160?'];
    expect(markOf(mesh, 'state_price', [...asked, "L: It's ninety-six pounds a chair plus VAT, six pounds fifty more than the 150."])).not.toBe('missed');
    const card = markLines(mesh, [...asked, 'L: The 160 is ninety-six pounds a chair before VAT, that is six pounds fifty more per chair than the 150.']);
    expect(card.criteria.state_price.note).not.toMatch(/difference[^;]*never said/);
  });

  it('a total worked out with its VAT added is the total including VAT', () => {
    expect(markOf(ergo, 'state_price', ['C: How much?', 'L: 6 x 134.10 = 804.60 + VAT 160.92 = 965.52 total', ...PLACE])).toBe('met');
  });

  it('private customer: the refund and the charge; the charge alone is partly; the full price back is missed', () => {
    expect(markOf(cancel, 'state_price', ['L: There is a £19.95 collection charge, so you would get £374.85 back on your card.'])).toBe('met');
    expect(markOf(cancel, 'state_price', ['L: There is a £19.95 charge for collecting it.'])).toBe('partly');
    expect(markOf(cancel, 'state_price', ["L: Don't worry, you'll get the full £394.80 refunded."])).toBe('missed');
  });

  it('judges every amount asked about: a wrong option price makes it missed even if the chosen one is right', () => {
    const lines = (cancelPrice: string): string[] => [
      'C: If I just cancel the two, what will I pay?',
      `L: ${cancelPrice}`,
      "C: I'll keep all six then, split please.",
      'L: The total stays at £965.52 including VAT.',
    ];
    expect(markOf(split, 'state_price', lines('Four chairs lose the multi-buy, so £715.20 including VAT.'))).toBe('met');
    expect(markOf(split, 'state_price', lines('That would be £643.68 including VAT.'))).toBe('missed');
  });

  it('accepts the price difference per chair for the alternative when it is asked about', () => {
    expect(
      markOf(mesh, 'state_price', [
        'C: How much more is the 160?',
        "L: It's £6.50 more a chair before VAT.",
        'C: And the total?',
        'L: Two Mesh 160s are £192.00 plus VAT, so £230.40 including VAT.',
        '/place CH-MESH-160 2',
        'D: Order SO-50126 placed',
      ]),
    ).toBe('met');
  });

  it('treats a promised discount that does not apply as a wrong price', () => {
    expect(
      markOf(mesh, 'state_price', ["L: There's 10% off chairs, so two Mesh 160s come to £207.36 including VAT.", '/place CH-MESH-160 2', 'D: Order SO-50126 placed']),
    ).toBe('missed');
  });
});
