import { describe, expect, it } from '@jest/globals';
import { markLines, markOf } from './helpers.js';
import { shipped } from './scenarios.js';

describe('opening', () => {
  const ergo = shipped('place-ergo-chairs');
  const split = shipped('call-split-delivery');

  it('is met when the first reply greets and gives name and company', () => {
    expect(markOf(ergo, 'opening', ['C: Hi, I need some chairs.', "L: Good morning, Harbour and Pike, you're speaking to Ollie. How can I help?"])).toBe('met');
    expect(markOf(ergo, 'opening', ["C: Hello.", "L: Hello, thanks for calling Harbour & Pike Office Supplies, my name is Maya."])).toBe('met');
  });

  it('reads terse introductions: a name before the company, after it, or "is speaking"', () => {
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Good afternoon, Greg at Harbour & Pike.'])).toBe('met');
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Good morning, Harbour and Pike, Tomasz.'])).toBe('met');
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Good afternoon, this is Harbour and Pike Office Supplies, Ngozi is speaking, how can I help you?'])).toBe('met');
  });

  it('reads "you\'ve reached Ellie at …", accented names and a regional greeting', () => {
    expect(markOf(ergo, 'opening', ['C: Hi.', "L: Hello, you've reached Ellie at Harbour & Pike. How can I help?"])).toBe('met');
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Good morning, Harbour & Pike, Siân speaking.'])).toBe('met');
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Now then, Harbour & Pike, Kev speaking. What can I do for you?'])).toBe('met');
  });

  it("does not take the caller's name, or a word like 'Yes', for the adviser's", () => {
    const caller = ergo.facts.identity.fullName.split(/\s+/)[0];
    expect(markOf(ergo, 'opening', ['C: Hi.', `L: Good morning, Harbour & Pike, ${caller}.`])).toBe('partly');
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Good morning, Harbour & Pike, yes, Certainly.'])).toBe('partly');
  });

  it('is partly when the name or the company is left out, or there is no greeting', () => {
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Good afternoon, order desk, how can I help?'])).toBe('partly');
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Hello, Sunita speaking.'])).toBe('partly');
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: Harbour & Pike, Sam speaking.'])).toBe('partly');
  });

  it('is missed with no greeting or introduction, and only the first reply counts', () => {
    expect(markOf(ergo, 'opening', ['C: Hi.', 'L: what do you need', 'C: Who is this?', "L: It's Sam from Harbour & Pike."])).toBe('missed');
  });

  it('on an outbound call needs the purpose within three messages of the identity check', () => {
    const early = [
      'C: Hello, Brightside Dental, Priya speaking.',
      "L: Hi Priya, it's Jo calling from Harbour & Pike Office Supplies. Before we go on, could you give me your account number, postcode and the email on the account?",
      'C: AC-20417, LS6 2QT, priya.shah@brightside-dental.example.',
      "L: Thanks. I'm calling because two of the chairs on your order were damaged while we were picking it.",
    ];
    const late = [
      'C: Hello, Brightside Dental, Priya speaking.',
      "L: Hi Priya, it's Jo calling from Harbour & Pike Office Supplies. Could you give me your account number, postcode and the email on the account?",
      'C: AC-20417, LS6 2QT, priya.shah@brightside-dental.example.',
      'L: Lovely, thanks. Busy day?',
      'C: Very. What is this about?',
      'L: Oh, just your order.',
      'C: Right?',
      'L: One moment please.',
      'C: ...',
      'L: Two of your chairs were damaged in the warehouse during picking.',
    ];
    expect(markOf(split, 'opening', early)).toBe('met');
    const card = markLines(split, late);
    expect(card.criteria.opening.mark).toBe('partly');
    expect(card.criteria.opening.note).toMatch(/message 4 after the identity check/);
  });

  it('on an outbound call takes the problem in general words with what it touches as the purpose', () => {
    const lines = [
      'C: Hello, Brightside Dental, Priya speaking.',
      "L: Good morning, this is Leanne from Harbour & Pike Office Supplies. Could I take your account number and postcode, and the email on the account?",
      'C: AC-20417, LS6 2QT, priya.shah@brightside-dental.example.',
      'L: Thank you. How are things at the practice this week?',
      'C: Busy.',
      "L: There's a problem with two of the chairs, so they won't come with the others.",
    ];
    expect(markOf(split, 'opening', lines)).toBe('met');
  });
});
