/**
 * Which option the call settles on: the last order the learner placed, amended, returned
 * or paid for on the desk; else the option the customer chooses in the scenario; else the
 * last one quoted; else the scenario's main option. Shared by `state_price` and
 * `state_delivery`, so both judge the same outcome.
 */
import type { DeskAction } from '../call/call-view.js';
import type { MarkingFacts } from '../facts/marking-facts.js';
import type { Call } from './types.js';

function sameLines(d: DeskAction, lines: { code: string; qty: number }[]): boolean {
  const a = d.codes.filter((l) => l.qty > 0).map((l) => `${l.code}x${l.qty}`).sort();
  const b = lines.map((l) => `${l.code}x${l.qty}`).sort();
  return a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The id of the option the call settled on. */
export function settledOption(call: Call, facts: MarkingFacts): string {
  const opts = facts.options;
  let committed: string | undefined;
  let quoted: string | undefined;
  for (const d of call.desk) {
    if (d.name === 'place') {
      committed = opts.find((o) => sameLines(d, o.lines))?.id ?? committed;
    } else if (d.name === 'amend' || d.name === 'cancel') {
      committed = opts.find((o) => o.id === 'amended' || o.id === 'cancel-part')?.id ?? committed;
    } else if (d.name === 'return') {
      committed = opts.find((o) => o.id === 'return')?.id ?? committed;
    } else if (d.name === 'quote') {
      quoted = opts.find((o) => o.settles && sameLines(d, o.lines))?.id ?? quoted;
    }
  }
  return committed ?? opts.find((o) => o.chosen)?.id ?? quoted ?? facts.mainOption;
}
