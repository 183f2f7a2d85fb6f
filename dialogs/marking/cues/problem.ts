/**
 * Problem cues: which of the scenario's problem facts a learner message states (what went
 * wrong; where things stand), vague words about a problem, and blame or speculation
 * (marking guide: explain_problem and its rulings).
 */
import type { MessageAnalysis } from '../analysis/types.js';
import type { MarkingFacts, ProblemFact } from '../facts/marking-facts.js';
import { affirmed, isNegatedAt } from '../text/cues.js';
import { normalise } from '../text/normalise.js';

/** Words about a problem that say nothing about what it is. */
export const VAGUE_PROBLEM =
  /\b(?:issue|issues|problem|problems|hiccup|glitch|delay|delayed|held up|gone wrong|went wrong|mix-?up|not (?:gonna|going to) (?:come|arrive|make it)|won't (?:come|arrive|be coming)|(?:isn't|is not|aren't|not) available|unavailable|running late|been a delay|messed (?:it |things )?up|mucked up|(?:got |gets |are |is )?stuck|gone (?:missing|astray)|something (?:has )?(?:happened|gone wrong|went wrong)|(?:not|never) (?:turned|turning) up|hasn't (?:turned up|arrived)|haven't (?:turned up|arrived))\b/;

/** Dates said as the customer's own (a delivery, a collection, a call): never a problem fact's date. */
const CUSTOMER_DATE_ROLES = new Set(['delivery', 'collection', 'follow-up', 'deadline', 'refund', 'period', 'window']);

/** Vague words about a problem, not negated ("no problem", "not an issue" say there is none). */
function vagueWords(norm: string): boolean {
  return affirmed(norm, VAGUE_PROBLEM, 2).length > 0;
}

/** Blaming someone, or guessing at causes. */
export const BLAME_OR_SPECULATION =
  /\b(?:nightmare|useless|hopeless|rubbish|their fault|your fault|his fault|her fault|not our fault|messed (?:it )?up|can't be trusted|always (?:late|losing)|probably (?:because|lost|dropped|their)|must have (?:been|dropped|lost)|i (?:guess|reckon|bet) (?:they|the|it)|knowing them|typical|you should(?:'ve| have) been (?:in|there|home|around|available)|maybe they(?:'d| would) have)\b/;

/** What a message says about the problem. */
export interface ProblemStatement {
  what: ProblemFact[];
  where: ProblemFact[];
  vague: boolean;
  blame: boolean;
}

function states(a: MessageAnalysis, fact: ProblemFact): boolean {
  if (fact.pattern) {
    for (const s of a.sentences) {
      const n = normalise(s.text);
      const m = fact.pattern.exec(n);
      if (m && (fact.part === 'where' || !isNegatedAt(n, m.index, 3))) return true;
    }
  }
  // the fact's date alone states it only when said as that event's date, not as a date
  // promised to the customer ("the other 2 will come friday" is no word on the replacements)
  if (fact.date) return a.dates.some((d) => d.date === fact.date && !CUSTOMER_DATE_ROLES.has(d.role));
  return false;
}

/** Statements already read, per message and scenario (several checkers ask of the same message). */
const read = new WeakMap<MessageAnalysis, WeakMap<object, ProblemStatement>>();

/** The problem facts (and vague words, blame) in one learner message. */
export function statesProblem(a: MessageAnalysis, facts: Pick<MarkingFacts, 'problems'>): ProblemStatement {
  let byFacts = read.get(a);
  if (!byFacts) {
    byFacts = new WeakMap();
    read.set(a, byFacts);
  }
  let p = byFacts.get(facts.problems);
  if (!p) {
    p = computeStatement(a, facts);
    byFacts.set(facts.problems, p);
  }
  return p;
}

function computeStatement(a: MessageAnalysis, facts: Pick<MarkingFacts, 'problems'>): ProblemStatement {
  const hit = facts.problems.filter((f) => states(a, f));
  return {
    what: hit.filter((f) => f.part === 'what'),
    where: hit.filter((f) => f.part === 'where'),
    vague: vagueWords(a.norm),
    blame: BLAME_OR_SPECULATION.test(a.norm),
  };
}
