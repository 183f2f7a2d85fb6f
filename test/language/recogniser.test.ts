import { describe, expect, it } from '@jest/globals';
import { CUE_MOVE_IDS, FACT_IDS, MOVE_IDS, MOVES, TRAINED_MOVE_IDS } from '../../domain/language/intents.js';
import { createRecogniser } from '../../domain/language/recogniser.js';
import { loadTrainingData, MIN_PHRASES } from '../../domain/language/training-data.js';
import { recogniser } from './shared-recogniser.js';

const clock = { date: '2026-03-02', time: '10:15' };
const analyse = (text: string) => recogniser().analyse(text, { clock, organisationNames: ['Harbour & Pike Office Supplies'] });
const facts = (text: string) => analyse(text).facts.map((f) => f.fact);
const moves = (text: string) => analyse(text).intents.map((i) => i.intent);

describe('recogniser: messages with several intents', () => {
  it('greets, introduces and asks for the account number in one message', () => {
    const u = analyse('Good morning, Harbour & Pike, Alex speaking. Could I take your account number please?');
    expect(u.intents.map((i) => i.intent)).toEqual(expect.arrayContaining(['greeting', 'self_introduction']));
    expect(u.facts.map((f) => f.fact)).toEqual(['account_number']);
    expect(u.introduction).toEqual({ name: 'Alex', company: 'Harbour & Pike' });
  });

  it('finds every fact asked for in one question', () => {
    expect(facts('could I take your account number, postcode and the phone number we hold?')).toEqual(['account_number', 'postcode', 'phone']);
  });

  it('closes with anything-else, satisfaction, thanks and goodbye', () => {
    expect(moves('Is there anything else I can help with, and are you happy with that? Thanks for calling, bye!')).toEqual(
      expect.arrayContaining(['ask_anything_else', 'ask_satisfied', 'thanks', 'goodbye']),
    );
  });

  it('reads back and asks for confirmation', () => {
    expect(moves('So to confirm, six chairs arriving Thursday 5 March. Is that all correct?')).toEqual(
      expect.arrayContaining(['read_back', 'state_date', 'ask_confirm']),
    );
  });
});

describe('recogniser: asking versus reading out', () => {
  it('flags a stored detail read out for agreement', () => {
    expect(analyse('Is your postcode LS6 2QT?').facts).toEqual([expect.objectContaining({ fact: 'postcode', readOut: true })]);
    expect(analyse('Am I speaking with Priya Shah?').facts).toEqual([expect.objectContaining({ fact: 'full_name', readOut: true })]);
  });

  it('does not flag a plain request', () => {
    expect(analyse("What's the postcode on the account?").facts).toEqual([expect.objectContaining({ fact: 'postcode', readOut: false })]);
  });

  it('does not treat a statement mentioning a detail as a request', () => {
    expect(facts("You'll get a confirmation email within the hour.")).toEqual([]);
    expect(facts("That's placed, your order number is SO-49002.")).toEqual([]);
  });
});

describe('recogniser: marker signals', () => {
  it('marks an offer mention as negated when no offer applies', () => {
    const offer = analyse("There aren't any offers on desks at the moment.").intents.find((i) => i.intent === 'mention_offer');
    expect(offer).toMatchObject({ negated: true });
  });

  it('tolerates typos and text-speak', () => {
    const u = analyse('whats the buisness called?');
    expect(u.facts.map((f) => f.fact)).toEqual(['organisation']);
    expect(u.normalised.corrections).toEqual([{ from: 'buisness', to: 'business' }]);
    expect(facts('Have you got ur acc no handy?')).toEqual(['account_number']);
  });

  it('flags text-speak and over-familiar terms as unprofessional', () => {
    expect(moves('np hun, ill sort it for u')).toContain('unprofessional');
    expect(moves('Certainly, I will sort that for you.')).not.toContain('unprofessional');
  });
});

describe('recogniser: determinism and cache', () => {
  it('gives the same answer for the same text and clock, and resolves against the clock given', () => {
    const r = recogniser();
    const a = r.analyse('It will arrive Thursday', { clock });
    expect(r.analyse('It will arrive Thursday', { clock })).toBe(a);
    const later = r.analyse('It will arrive Thursday', { clock: { date: '2026-04-02', time: '11:00' } });
    expect(a.dates[0].date).toBe('2026-03-05');
    expect(later.dates[0].date).toBe('2026-04-09');
  });
});

describe('recogniser: odd input', () => {
  it('handles empty text, emoji alone and pasted junk, keeping the original text', () => {
    expect(analyse('').sentences).toEqual([]);
    expect(analyse('🙂').intents.map((i) => i.intent)).toEqual(['unprofessional']);
    const junk = `${'x'.repeat(500)} Thanks, it is £12.50`;
    const u = analyse(junk);
    expect(u.original).toBe(junk);
    expect(u.money.map((m) => [m.pence, junk.slice(m.start, m.end)])).toEqual([[1250, '£12.50']]);
  });
});

describe('training data', () => {
  it(`has at least ${MIN_PHRASES} phrases for every fact and trained move, and nothing else`, () => {
    const data = loadTrainingData();
    const counts = new Map<string, number>();
    for (const e of data) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
    for (const f of FACT_IDS) expect(counts.get(`fact:${f}`)).toBeGreaterThanOrEqual(MIN_PHRASES);
    for (const m of TRAINED_MOVE_IDS) expect(counts.get(m)).toBeGreaterThanOrEqual(MIN_PHRASES);
    expect(counts.size).toBe(FACT_IDS.length + TRAINED_MOVE_IDS.length);
    expect(Object.keys(MOVES)).toEqual(TRAINED_MOVE_IDS);
    // cue-only moves are never trained
    for (const m of CUE_MOVE_IDS) expect(counts.has(m)).toBe(false);
    expect(MOVE_IDS).toEqual([...TRAINED_MOVE_IDS, ...CUE_MOVE_IDS]);
  });
});

describe('extract (entities only, for marking)', () => {
  it('gives exactly the entities analyse gives, for the same text and context', () => {
    const ctx = { clock: { date: '2026-03-02', time: '10:15' }, organisationNames: ['Harbour & Pike Office Supplies'], productCodes: ['CH-ERG-200', 'FC-4D'] };
    const texts = [
      "Six ch erg 200s are £804.60 plus VAT, so nine hundred and sixty-five pounds fifty-two with VAT, arriving Thursday 5 March.",
      'Could I take your account number AC-20417 and postcode LS6 2QT, please?',
      "It won't be the 5th, probably early next week, and I'll call you back by noon tomorrow.",
      "That's 1,316 for the four FC-4D, with a 20p difference — in a couple of days at the latest.",
    ];
    // no cache: analyse computes the entities again, apart from extract
    const fresh = createRecogniser({ cacheSize: 0 });
    for (const text of texts) {
      const e = fresh.extract(text, ctx);
      const u = fresh.analyse(text, ctx);
      expect(e).toEqual({ original: u.original, sentences: u.sentences, cues: u.cues, references: u.references, money: u.money, dates: u.dates, times: u.times, quantities: u.quantities });
    }
  });
});

describe('recogniser: calendar words are not corrected into domain words', () => {
  it('"bank holidays" stays bank holidays (not "back", read as a back-order)', () => {
    const u = analyse("It'll take a little longer because of the two bank holidays.");
    expect(u.normalised.text).toContain('bank holidays');
    expect(moves("It'll take a little longer because of the two bank holidays.")).not.toContain('offer_back_order');
  });
});

describe('recogniser: a date of the stock coming in is the supplier\'s', () => {
  it('"we get more on the 13th" is not a delivery day for the caller', () => {
    const d = analyse('Sorry about that. We get more on the 13th.').dates;
    expect(d.map((x) => x.role)).toEqual(['supplier']);
  });
});

describe('recogniser: text-speak days', () => {
  it('"we can get it tmrw" names tomorrow', () => {
    expect(analyse('we can get it tmrw').dates.map((d) => d.date)).toEqual(['2026-03-03']);
  });
});
