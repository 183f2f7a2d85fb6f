import { describe, expect, it } from '@jest/globals';
import { recogniser } from './shared-recogniser.js';

const clock = { date: '2026-03-02', time: '10:15' };
const money = (text: string) => recogniser().analyse(text, { clock }).money;

describe('money mentions', () => {
  it.each([
    ['£965.52', 96552],
    ['965.52 inc VAT', 96552],
    ['nine hundred and sixty five pounds fifty two', 96552],
    ['804.60 plus VAT', 80460],
    ['£1,579.20', 157920],
    ['£134.10 each', 13410],
    ['1316 + vat', 131600],
    ['That would be £850', 85000],
    ['seven hundred and fifteen pounds twenty with VAT', 71520],
    ['a 20p difference', 20],
  ])('reads %s as %i pence', (text, pence) => {
    const m = money(text);
    expect(m).toHaveLength(1);
    expect(m[0].pence).toBe(pence);
  });

  it.each([
    ['one thousand, three hundred and sixteen pounds plus VAT', 131600],
    ['a collection charge of nineteen pounds ninety-five', 1995],
    ['forty-eight quid worth of mats', 4800],
    ['it saves you fifty pence', 50],
    ['two hundred and thirty pounds forty including VAT', 23040],
    ['965 pounds 52 all in', 96552],
  ])('reads the amount said in words in "%s" (%i pence) without Recognizers-Text', (text, pence) => {
    expect(money(text).map((m) => m.pence)).toEqual([pence]);
  });

  it('keeps the raw text and the character span', () => {
    const text = 'So the total is £1,579.20 including VAT.';
    const [m] = money(text);
    expect(m.text).toBe('£1,579.20');
    expect(text.slice(m.start, m.end)).toBe('£1,579.20');
    expect(m.sentence).toBe(0);
  });

  it.each([
    ['965.52 inc VAT', 'inc'],
    ['£965.52 including VAT', 'inc'],
    ['that is £230.40 in total', 'inc'],
    ['£1,316 all in', 'inc'],
    ['804.60 plus VAT', 'ex'],
    ['1316 + vat', 'ex'],
    ['£192.00 before VAT', 'ex'],
    ['£894 ex VAT', 'ex'],
    ['£596.00 excluding VAT', 'ex'],
    ['£149.00', 'unknown'],
  ])('VAT basis of "%s" is %s', (text, vat) => {
    expect(money(text)[0].vat).toBe(vat);
  });

  it('gives each amount its own basis within one sentence', () => {
    const m = money('Six chairs is £804.60 plus VAT, delivery is free, and the total including VAT is £965.52.');
    expect(m.map((x) => [x.pence, x.vat])).toEqual([[80460, 'ex'], [96552, 'inc']]);
    expect(m[1].role).toBe('total');
  });

  it.each([
    ['They are £134.10 each', 'unit'],
    ['£96 a chair', 'unit'],
    ['The total comes to £965.52', 'total'],
    ['VAT is £160.92', 'vat'],
    ["That's £160.92 VAT", 'vat'],
    ['Your refund will be £374.85', 'refund'],
    ['There is a collection charge of £19.95', 'charge'],
    ['That saves you £14.90 a chair', 'unit'],
    ['You save £89.40 with the offer', 'saving'],
    ['Your available credit is £850', 'credit'],
    ['It is £6.50 more', 'difference'],
    ['Delivery is £7.95', 'delivery'],
  ])('role of the amount in "%s" is %s', (text, role) => {
    expect(money(text)[0].role).toBe(role);
  });

  it('reads a bare amount with pence at the end of a sentence', () => {
    expect(money('You have £850 left and this is 1,579.20.').map((m) => [m.pence, m.role])).toEqual([[85000, 'credit'], [157920, 'unknown']]);
  });

  it('ties each basis to its own amount', () => {
    expect(money("Six of them is £894, and with VAT on top that's £1,072.80.").map((m) => [m.pence, m.vat])).toEqual([[89400, 'unknown'], [107280, 'inc']]);
    expect(money('Two at £96 is £192.00 plus VAT, so £230.40 including VAT.').map((m) => [m.pence, m.vat, m.role])).toEqual([
      [9600, 'unknown', 'unit'], [19200, 'ex', 'unknown'], [23040, 'inc', 'total'],
    ]);
    expect(money('Six chairs is £804.60, plus VAT.')[0].vat).toBe('ex');
    expect(money('It is £1,579.20 including VAT with free delivery.')[0].role).toBe('total');
  });

  it('marks a negated amount', () => {
    const m = money("It's actually £965.52 including VAT, not £1,072.80.");
    expect(m.map((x) => x.negated)).toEqual([false, true]);
  });

  it('marks a hedged amount', () => {
    expect(money("It'll probably be about £900")[0].hedged).toBe(true);
  });

  it('does not read dates, quantities, codes or phone numbers as money', () => {
    expect(money('Six chairs, order SO-48213, delivered 5/3/26, call 0113 496 0321 within 3 working days')).toEqual([]);
  });
});
