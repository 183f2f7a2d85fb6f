/** Customers kept between turns: handed out once, only for the same scenario version and saved state. */
import { describe, expect, it } from '@jest/globals';
import { customersWith } from '../../dialogs/call/defaults.js';
import { LiveCustomers } from '../../dialogs/call/liveCustomers.js';
import { sharedUnderstanding } from '../../dialogs/call/understanding.js';
import { scenario } from './helpers/botHarness.js';

const clock = { date: '2026-03-02', time: '10:15' };

describe('LiveCustomers', () => {
  const loaded = scenario('place-ergo-chairs');
  const customers = customersWith(sharedUnderstanding());

  it('hands a kept customer to the next turn when the saved state is the one it left, once', () => {
    const live = new LiveCustomers();
    const customer = customers(loaded, { seed: 3 });
    customer.opening();
    const saved = JSON.parse(JSON.stringify(customer.state)) as unknown; // as stored and read back
    live.keep('call-1', loaded, customer, customer.state);
    expect(live.take('call-1', loaded, saved)).toBe(customer);
    expect(live.take('call-1', loaded, saved)).toBeUndefined(); // taken out until kept again
  });

  it('hands out nothing for another saved state or another version of the scenario', () => {
    const live = new LiveCustomers();
    const customer = customers(loaded, { seed: 3 });
    customer.opening();
    const before = customer.state;
    live.keep('call-1', loaded, customer, before);
    customer.hear('Good morning, Harbour & Pike, Sam speaking.', { clock });
    expect(live.take('call-1', loaded, customer.state)).toBeUndefined();

    live.keep('call-2', loaded, customer, customer.state);
    expect(live.take('call-2', structuredClone(loaded), customer.state)).toBeUndefined();
  });

  it('keeps at most its limit, dropping the least recently kept', () => {
    const live = new LiveCustomers(2);
    const customer = customers(loaded, { seed: 3 });
    for (const id of ['a', 'b', 'c']) live.keep(id, loaded, customer, customer.state);
    expect(live.size).toBe(2);
    expect(live.take('a', loaded, customer.state)).toBeUndefined();
    expect(live.take('c', loaded, customer.state)).toBe(customer);
    live.forget('b');
    expect(live.size).toBe(0);
  });
});
