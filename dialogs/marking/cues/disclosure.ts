/**
 * Disclosure: a learner message that tells the caller something the account or an
 * existing order records (status, contents, amounts, dates, credit, delivery problems).
 * Saying any of it before the caller is verified is what verification must precede.
 */
import type { MessageAnalysis } from '../analysis/types.js';
import type { MarkingFacts } from '../facts/marking-facts.js';
import { anyMentions, specificMentions } from '../facts/products.js';
import { statesProblem } from './problem.js';

const STATUS =
  /\b(?:dispatched|awaiting dispatch|not (?:been )?(?:dispatched|sent|shipped)|went out|gone out|delivered (?:on|last)|out for delivery|in transit|tracking|depot|carrier|held at|credit limit|available credit|your balance|over (?:your|the) (?:credit )?limit|over your credit)\b/;

const QTY_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20 };

function namesExistingLine(a: MessageAnalysis, facts: MarkingFacts): boolean {
  for (const s of a.sentences) {
    const n = s.text.toLowerCase();
    // "I can see the sit-stand desk" names what the order holds ("your order of chairs" only its kind)
    if (/\b(?:i can see|you ordered|you'?ve ordered|your order (?:of|for|is for))\b/.test(n)) {
      const seen = specificMentions(n, facts.items);
      if (facts.existing.lines.some((l) => seen.includes(l.code))) return true;
    }
    const qtys = [...n.matchAll(/\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\b/g)].map((m) =>
      /\d/.test(m[1]) ? Number(m[1]) : QTY_WORDS[m[1]],
    );
    const codes = anyMentions(n, facts.items);
    if (facts.existing.lines.some((l) => codes.includes(l.code) && qtys.includes(l.qty))) return true;
  }
  return false;
}

/** Why a learner message discloses account or order data, or undefined when it does not. */
export function disclosure(a: MessageAnalysis, facts: MarkingFacts): string | undefined {
  if (STATUS.test(a.norm)) return 'order or account status';
  if (a.money.some((m) => facts.existing.amounts.includes(m.pence))) return 'an amount on the account or order';
  if (a.dates.some((d) => facts.existing.dates.includes(d.date))) return 'a date on the order';
  if (namesExistingLine(a, facts)) return 'the order contents';
  const p = statesProblem(a, facts);
  if ([...p.what, ...p.where].some((f) => f.concernsOrder)) return 'what happened to the order';
  return undefined;
}
