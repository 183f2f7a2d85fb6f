import { describe, expect, it } from '@jest/globals';
import { markLines, markOf } from './helpers.js';
import { shipped } from './scenarios.js';

const mesh = shipped('place-mesh-chairs-out-of-stock');
const ergo = shipped('place-ergo-chairs');
const desks = shipped('place-desks-credit-limit');
const STOCK_150 = 'D: CH-MESH-150 Mesh 150 operator chair\nStock: 0, OUT OF STOCK\nNext supplier delivery: Monday 13 April 2026';
const STOCK_160 = 'D: CH-MESH-160 Mesh 160 operator chair\nStock: 15 in stock';

describe('check_stock', () => {
  it('is met when stock is checked on the desk and the availability told', () => {
    expect(markOf(mesh, 'check_stock', ['C: Two Mesh 150s please.', '/stock CH-MESH-150', STOCK_150, '/stock CH-MESH-160', STOCK_160, "L: I'm afraid the 150 is out of stock, but we've got 15 of the Mesh 160 on the shelf."])).toBe('met');
  });

  it('reads availability in a learner\'s own English ("we have in the stock, 42 pieces")', () => {
    expect(markOf(ergo, 'check_stock', ['C: Six Ergo 200 chairs.', '/stock CH-ERG-200', 'D: CH-ERG-200 Ergo 200 task chair\nStock: 42 in stock', 'L: The Ergo 200 we have in the stock, 42 pieces, so for six is no problem.'])).toBe('met');
  });

  it('is partly when availability is told without a desk check', () => {
    expect(markOf(ergo, 'check_stock', ['C: Have you got six Ergo 200s in?', 'L: Yes, plenty of those in stock.'])).toBe('partly');
  });

  it('is partly when only the alternative is checked and talked about', () => {
    expect(markOf(mesh, 'check_stock', ['C: Two Mesh 150s please.', '/stock CH-MESH-160', STOCK_160, 'L: The Mesh 160 is available, 15 in stock.'])).toBe('partly');
  });

  it('is partly when the desk is checked but the customer never told', () => {
    expect(markOf(ergo, 'check_stock', ['C: Six chairs.', '/stock CH-ERG-200', 'D: CH-ERG-200 Stock: 42 in stock', 'L: They are £149 each.'])).toBe('partly');
  });

  it('is missed when availability is stated wrongly, checked or not', () => {
    expect(markOf(mesh, 'check_stock', ['C: Have you got the Mesh 150s in?', 'L: Yeah, they should be fine.'])).toBe('missed');
    expect(markOf(mesh, 'check_stock', ['C: Two Mesh 150s please.', '/stock CH-MESH-150', STOCK_150, 'L: Good news, the Mesh 150 is in stock.'])).toBe('missed');
  });
});

describe('check_credit', () => {
  it('is met when the account is looked up before the order is placed', () => {
    expect(markOf(ergo, 'check_credit', ['/account AC-20417', 'D: Account AC-20417', '/place CH-ERG-200 6', 'D: Order SO-49002 placed'])).toBe('met');
  });

  it('is partly when the account is looked up only after committing, an attempted /place included', () => {
    expect(markOf(desks, 'check_credit', ['/place DK-SIT-1400 4', 'D: Order NOT placed · REFUSED: total exceeds available credit', '/account AC-31108', 'D: Account AC-31108'])).toBe('partly');
    expect(markOf(ergo, 'check_credit', ["L: I'll put that on your account now.", '/account AC-20417', 'D: Account AC-20417'])).toBe('partly');
  });

  it('is missed when the account is never looked up', () => {
    expect(markOf(ergo, 'check_credit', ['/place CH-ERG-200 6', 'D: Order SO-49002 placed'])).toBe('missed');
  });
});

describe('authorise', () => {
  const over = ['/account AC-31108', 'D: Available credit £850.00', '/quote DK-SIT-1400 4', 'D: Total £1,579.20 inc VAT'];

  it('is met when told it is over the credit and a route is taken without promises', () => {
    const card = markLines(desks, [
      ...over,
      "L: The order is £1,579.20 including VAT and your available credit is £850, so I can't put it on account. I can refer it to Credit Control, who reply within two working hours, or you can pay by card through our secure payment line.",
      "C: I'll pay by card.",
      '/pay',
      'D: Payment result: AUTHORISED',
    ]);
    expect(card.criteria.authorise.mark).toBe('met');
  });

  it('reads "your account has £850 available, so I can\'t put all four on account" as telling it is over', () => {
    const card = markLines(desks, [...over, "L: Four would come to £1,579.20 including VAT, but your account has £850 available, so I can't put all four on account. Would two now work for you?"]);
    expect(card.criteria.authorise.note).not.toMatch(/never tells the customer/);
  });

  it('is met with a reduced order within the credit', () => {
    expect(
      markOf(desks, 'authorise', [
        ...over,
        "L: That's over your available credit of £850. Two desks would come to £789.60 including VAT, which fits.",
        'C: Go on then, two.',
        '/place DK-SIT-1400 2',
        'D: Order SO-49371 placed on account AC-31108',
      ]),
    ).toBe('met');
  });

  it('is partly when the outcome of the referral is promised', () => {
    expect(
      markOf(desks, 'authorise', [...over, "L: It's over your available credit, so I'll send it to Credit Control. They'll definitely approve it, don't worry.", '/refer credit-control AC-31108 4 desks', 'D: Referred to Credit Control']),
    ).toBe('partly');
  });

  it('is partly when the order was first tried on account', () => {
    expect(
      markOf(desks, 'authorise', [
        '/place DK-SIT-1400 4',
        'D: Order NOT placed · REFUSED: total exceeds available credit (£850.00)',
        "L: Sorry, that's over your available credit. I can refer it to Credit Control for authorisation.",
        '/refer credit-control AC-31108',
        'D: Referred to Credit Control',
      ]),
    ).toBe('partly');
  });

  it('is missed when a credit-limit increase is promised or the refused order is reported done', () => {
    expect(markOf(desks, 'authorise', [...over, "L: No problem, I'll ask Credit Control to increase your limit and then it can go on account."])).toBe('missed');
    expect(markOf(desks, 'authorise', ['/place DK-SIT-1400 4', 'D: Order NOT placed · REFUSED: total exceeds available credit', "L: That's all done for you."])).toBe('missed');
    expect(markOf(desks, 'authorise', [...over, 'L: Right, four desks it is.'])).toBe('missed');
  });
});
