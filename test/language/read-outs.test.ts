/**
 * A stored detail read out for the caller to agree to ("And you're still at 12 Headingley
 * Lane, LS6 2QT?") is a read-out of that detail — not a request for some other detail the
 * classifier alone half-hears in the words.
 */
import { describe, expect, it } from '@jest/globals';
import { findStreetAddresses, sameStreet } from '../../domain/language/street-address.js';
import { recogniser } from './shared-recogniser.js';

const ctx = { clock: { date: '2026-03-04', time: '09:30' } };

describe('read-outs', () => {
  it('reads an address and postcode said back as read-outs, asking for nothing else', () => {
    const u = recogniser().analyse("And you're still at 12 Headingley Lane, LS6 2QT?", ctx);
    expect(u.facts.map((f) => [f.fact, f.readOut])).toEqual([
      ['postcode', true],
      ['delivery_address', true],
    ]);
    expect(u.intents.filter((i) => i.source === 'classifier')).toEqual([]);
  });

  it('reads a street alone, asked about, as the address read out', () => {
    for (const t of ['Are you still at 3 Tariff Street?', 'Is the delivery address still 88 Rye Lane?']) {
      const u = recogniser().analyse(t, ctx);
      expect(u.facts).toEqual([expect.objectContaining({ fact: 'delivery_address', readOut: true })]);
    }
  });

  it('keeps a request for another detail in the same question', () => {
    const u = recogniser().analyse('Is your postcode LS6 2QT, and could I take your phone number?', ctx);
    expect(u.facts.map((f) => [f.fact, f.readOut])).toEqual([
      ['postcode', true],
      ['phone', false],
    ]);
  });

  it('does not read a street in a statement as a read-out', () => {
    const u = recogniser().analyse("We'll deliver to 12 Headingley Lane on Thursday.", ctx);
    expect(u.facts.filter((f) => f.readOut)).toEqual([]);
  });
});

describe('street addresses', () => {
  it('finds the house number and street, and matches them to a full address', () => {
    const [said] = findStreetAddresses('so still at 12 Headingley Lane, LS6 2QT?');
    expect(said).toMatchObject({ number: '12', name: ['headingley'], street: 'lane' });
    expect(sameStreet(said, '12 Headingley Lane, Leeds LS6 2QT')).toBe(true);
    expect(sameStreet(said, '14 Headingley Lane, Leeds LS6 2QT')).toBe(false);
    expect(sameStreet(said, '12 Otley Road, Leeds LS6 3AA')).toBe(false);
  });
});
