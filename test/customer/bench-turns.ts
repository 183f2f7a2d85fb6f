/**
 * A micro-benchmark of the simulated customer alone (not a test): a competent change-order call
 * played over and over in-process, each learner message analysed once beforehand (the call flow
 * hands the customer the marker's analysis), so only the customer's own work is timed.
 *
 *   npx tsx test/customer/bench-turns.ts [turns=1000]
 *
 * Two ways a turn runs in the bot: *live* — the call's customer is reused, and after hearing the
 * message its `state` is read once and serialised (what the call flow stores); *rebuilt* — after a
 * restart or on another instance, the saved JSON is parsed and `createCustomer` restores the
 * caller from it (validation, caller profile) before hearing. Prints µs per turn (best of seven
 * runs, CPU time) and the saved state's size.
 */
import { createCustomer } from '../../dialogs/customer/customer.js';
import { listen } from '../../dialogs/customer/listen.js';
import type { Utterance } from '../../domain/language/types.js';
import { scenario } from './call-script.js';

const LINES = [
  'Good afternoon, Harbour and Pike Office Supplies, you are speaking with Fiona. How can I help?',
  'Of course. Could you give me the order number, please?',
  'Thank you. And for security, could you tell me your full name and the email address registered on the account?',
  "Thanks, Mr Price, you're verified. I can see the order hasn't been dispatched yet, so we can change it. What would you like to change?",
  'We have plenty of the A4 paper in stock, so 15 boxes is fine.',
  "I've changed it to 15 boxes. I'm afraid I can't promise Thursday now: it will arrive on Friday the 15th of May instead.",
  'The spring paper saver still applies. The order now comes to £396.20 plus VAT, which is £475.44 including VAT.',
  'And the second change? If it is the delivery address, where would you like it to go?',
  'A change of delivery address has to be confirmed by email before the order is dispatched. Changes are free of charge until dispatch.',
  'So to recap: 15 boxes of A4 paper and 2 toner cartridges, £475.44 including VAT, delivered on Friday 15 May to the annex. Is that all correct?',
  'You will get an updated order confirmation by email within the hour. Is there anything else I can help you with today?',
  'Thank you for calling, Mr Price. Have a good afternoon.',
];

const loaded = scenario('change-school-order');
const clock = loaded.scenario.clock;
const heard: Utterance[] = LINES.map((l) => listen(l, loaded, clock));
const turns = Number(process.argv[2] ?? 1000);

function live(): number {
  let done = 0;
  let size = 0;
  while (done < turns) {
    const customer = createCustomer(loaded, { seed: done });
    customer.opening();
    for (const u of heard) {
      if (done >= turns) break;
      customer.hear(u, { clock });
      size = JSON.stringify(customer.state).length;
      done++;
    }
  }
  return size;
}

function rebuilt(): number {
  let done = 0;
  let size = 0;
  while (done < turns) {
    let saved = JSON.stringify(createCustomer(loaded, { seed: done }).state);
    for (const u of heard) {
      if (done >= turns) break;
      const customer = createCustomer(loaded, { seed: done, state: JSON.parse(saved) });
      customer.hear(u, { clock });
      saved = JSON.stringify(customer.state);
      size = saved.length;
      done++;
    }
  }
  return size;
}

/** CPU time (user + system, µs) per turn: the machine is shared, so wall time says less. */
function time(f: () => number): { us: number; size: number } {
  let best = Infinity;
  let size = 0;
  for (let run = 0; run < 7; run++) {
    const t0 = process.cpuUsage();
    size = f();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / turns);
  }
  return { us: best, size };
}

time(live); // warm-up
const a = time(live);
const b = time(rebuilt);
process.stdout.write(`live:    ${a.us.toFixed(1)} µs/turn, saved state ${a.size} bytes at the end of the call\n`);
process.stdout.write(`rebuilt: ${b.us.toFixed(1)} µs/turn\n`);
