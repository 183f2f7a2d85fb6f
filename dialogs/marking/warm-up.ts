/**
 * Start-up warm-up for the marker: mark one short built-in call against a prepared scenario,
 * so that the checkers' code and regular expressions are compiled and optimised before the
 * first real transcript or live `/end` (the first marking otherwise costs several times the
 * steady state). Marking is pure, so the warm-up changes no result; it runs once per process.
 */
import type { TranscriptActivity } from '../../domain/transcript.js';
import { markCall, type PreparedScenario } from './marker.js';

/** A call touching every kind of cue: greeting, identity, desk, stock, price, date, terms, problem, read-back, follow-up, close. */
const LINES: readonly (readonly ['learner' | 'customer' | 'desk', string])[] = [
  ['customer', "Hello, I'd like to order some items, please."],
  ['learner', 'Good morning, you are through to Sam at the order desk. How can I help?'],
  ['customer', 'I need six of them by Friday.'],
  ['learner', 'Could I take your account number, your full name and the postcode, please?'],
  ['customer', "It's AC-00000, Alex Smith, LS1 1AA."],
  ['learner', '/account AC-00000'],
  ['desk', 'Account AC-00000 · Available credit £1,300.00'],
  ['learner', '/stock XX-000'],
  ['desk', 'XX-000 Item\nStock: 12 in stock\nListed alternative: none'],
  ['learner', "We've got plenty in stock. Six come to £804.60 plus VAT, so £965.52 including VAT, with the 10% multi-buy."],
  ['customer', 'When will they arrive?'],
  ['learner', "They'll be delivered on Thursday 5 March, or within three working days at the latest. I'm sorry, two were damaged in picking."],
  ['learner', 'Payment is 30 days from the invoice, and you can change or cancel free of charge until dispatch. Returns are within 30 days.'],
  ['learner', "I'll refer it to our team and I'll call you back by noon tomorrow; you'll get a confirmation email within the hour."],
  ['learner', "So that's six chairs to your office on Thursday 5 March, is that all correct?"],
  ['customer', "Yes, that's right."],
  ['learner', 'Is there anything else I can help with, and are you happy with that? Thanks for calling, goodbye.'],
];

let warmed = false;

/** The built-in warm-up call as transcript activities (contract §4). */
function warmUpCall(scenarioId: string): TranscriptActivity[] {
  const acts: TranscriptActivity[] = [];
  const at = Date.UTC(2026, 0, 1, 9, 0, 0);
  const push = (role: 'user' | 'bot', text: string, speaker?: 'customer' | 'desk' | 'coach'): void => {
    acts.push({
      type: 'message',
      from: role === 'user' ? { id: 'warm-up', name: 'Warm-up', role: 'user' } : { id: 'trainer', name: 'Trainer', role: 'bot' },
      text,
      timestamp: new Date(at + acts.length * 5000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(speaker ? { channelData: { speaker } } : {}),
    });
  };
  push('user', `/start ${scenarioId}`);
  for (const [who, text] of LINES) {
    if (who === 'learner') push('user', text);
    else push('bot', text, who);
  }
  push('user', '/end');
  return acts;
}

/**
 * Mark the built-in call once against `scenario` (the first time it is called in a process;
 * later calls return at once). Call at start-up, after preparing a scenario.
 */
export function warmUpMarking(scenario: PreparedScenario): void {
  if (warmed) return;
  warmed = true;
  const call = warmUpCall(scenario.id);
  markCall(call, scenario);
}
