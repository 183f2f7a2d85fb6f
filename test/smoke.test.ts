import { describe, it, expect } from '@jest/globals';
import { TestAdapter } from 'botbuilder';
import { Low } from 'lowdb';
import { Memory } from 'lowdb';
import natural from 'natural';
import { recognizeCurrency } from '@microsoft/recognizers-text-suite';
describe('stack', () => {
  it('loads', async () => {
    const a = new TestAdapter(async (ctx) => { await ctx.sendActivity('echo ' + ctx.activity.text); });
    await a.send('hi').assertReply('echo hi');
    const db = new Low(new Memory<{ a: number }>(), { a: 1 }); await db.write();
    expect(natural.PorterStemmer.stem('ordering')).toBe('order');
    expect(recognizeCurrency('£965.52 inc VAT', 'en-us').length).toBe(1);
  });
});
