/** Learner scripts for the held-out generator: header, lines, errors; the author's view of a call. */
import { describe, expect, it } from '@jest/globals';
import { describeCall, parseScript, ScriptError } from './script.js';

describe('parseScript', () => {
  it('reads the header and the learner lines, skipping blanks and later comments', () => {
    const s = parseScript('x.txt', '# scenario: place-ergo-chairs\n# seed: 42\n# learner: Sam\nHello there\n\n# a note\n/stock CH-ERG-200\n');
    expect(s).toEqual({ scenario: 'place-ergo-chairs', seed: 42, learner: 'Sam', scenariosDir: 'scenarios', lines: ['Hello there', '/stock CH-ERG-200'] });
  });

  it('names the file in its errors', () => {
    expect(() => parseScript('a.txt', 'Hello\n')).toThrow(new ScriptError('a.txt', 'no "# scenario: <id>" header'));
    expect(() => parseScript('b.txt', '# scenario: s\n# seed: soon\nHi\n')).toThrow('b.txt: seed must be a whole number, not "soon"');
    expect(() => parseScript('c.txt', '# scenario: s\n# sede: 1\nHi\n')).toThrow('c.txt: unknown header "sede"');
    expect(() => parseScript('d.txt', '# scenario: s\n')).toThrow('d.txt: no learner lines');
  });
});

describe('describeCall', () => {
  it('numbers activities by their transcript index and leaves the scorecard out', () => {
    const text = describeCall([
      { text: '/start s', from: { role: 'user' } },
      { text: 'Hello.\nIt is me.', from: { role: 'bot' }, channelData: { speaker: 'customer' } },
      { text: 'Scorecard', from: { role: 'bot' }, channelData: { speaker: 'coach', scorecard: {} } },
      { text: '/end', from: { role: 'user' } },
    ]);
    expect(text).toBe(' 0 [LEARNER] /start s\n 1 [customer] Hello.\n      It is me.\n 3 [LEARNER] /end');
  });
});
