/**
 * Everyday adviser lines the classifier alone reads poorly, read by cue rules: asking after
 * the caller is small talk; asking what needs changing asks why they called; a hold is a hold only when nothing of
 * substance follows it.
 */
import { describe, expect, it } from '@jest/globals';
import type { MoveId } from '../../domain/language/intents.js';
import { recogniser } from './shared-recogniser.js';

const ctx = { clock: { date: '2026-03-04', time: '09:30' } };
const moves = (t: string): MoveId[] => recogniser().analyse(t, ctx).intents.map((i) => i.intent);

describe('small talk', () => {
  it('reads asking after the caller as small talk', () => {
    for (const t of ['How are you today?', 'Hi Priya, how are you doing?', "How's your day been?", "Hope you're keeping well.", 'How have you been?']) {
      expect(moves(t)).toContain('small_talk');
    }
  });

  it('does not read questions about the call as small talk', () => {
    for (const t of ['How are you paying?', 'How are you fixed for Thursday?', 'How is the order looking?']) {
      expect(moves(t)).not.toContain('small_talk');
    }
  });
});

describe('what needs changing', () => {
  const facts = (t: string) => recogniser().analyse(t, ctx).facts.map((f) => f.fact);

  it('reads asking what needs changing as asking why they called', () => {
    for (const t of ['What needs changing?', 'What would you like changed?', 'What do you need changing on the order?', 'What needs sorting?']) {
      expect(facts(t)).toEqual(['reason']);
    }
  });

  it('still reads asking what they would like to order as asking for the items', () => {
    expect(facts('What would you like to order?')).toEqual(['item_quantity']);
    expect(facts('What do you need?')).toEqual(['item_quantity']);
  });
});

describe('hold', () => {
  it('reads a wait asked for, with nothing of substance after it, as a hold', () => {
    for (const t of ['Bear with me.', "Bear with me. I'll just check the stock.", 'One moment please, thanks for waiting.', "Hang on, I'll check. Sorry about the wait.", 'It comes to £484.98. Bear with me while I check the delivery day.']) {
      expect(moves(t)).toContain('hold');
    }
  });

  it('does not read a "hang on" followed by a correction as a hold', () => {
    const said = moves("That comes to £495.60. Sorry, hang on, I've missed the discount. It's £484.98.");
    expect(said).not.toContain('hold');
    expect(said).toContain('state_price');
    expect(moves('Hold on. Your order number is SO-49002.')).not.toContain('hold');
  });
});

describe('options put side by side', () => {
  it('reads "do you want X, or Y?" as asking to choose, and "or all six on the 11th" as holding everything', () => {
    const said = moves('Do you want the split, four on the 5th and two on the 11th, or all six on the 11th?');
    expect(said).toEqual(expect.arrayContaining(['offer_split', 'offer_hold_all', 'ask_choice']));
  });

  it('does not read one delivery day for everything as an option', () => {
    expect(moves('All six on Thursday 5 March then.')).not.toContain('offer_hold_all');
  });
});
