/**
 * Prints the recogniser's figures: held-out facts and moves, the probe file's
 * `ask` texts (when ../shared/eval/probes-dev.json exists), and timing.
 * Run: npx tsx test/language/eval-report.ts [bayes|logistic]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRecogniser } from '../../domain/language/recogniser.js';
import { evaluateFacts, evaluateMoves, formatFigures, type LabelledPhrase } from '../../domain/language/evaluation.js';
import { isFactId } from '../../domain/language/intents.js';
import { heldOut, probesPath, testCalendar } from './fixtures.js';

const kind = (process.argv[2] === 'logistic' ? 'logistic' : 'bayes') as 'bayes' | 'logistic';
let t = performance.now();
const r = createRecogniser({ classifier: kind, organisationNames: ['Harbour & Pike Office Supplies'] });
console.log(`classifier ${kind}: created (training) in ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
r.warmUp();
console.log(`warm-up ${(performance.now() - t).toFixed(0)} ms`);
const ctx = { clock: { date: '2026-03-02', time: '10:15' }, calendar: testCalendar, organisationNames: ['Harbour & Pike Office Supplies'] };
const verbose = process.argv.includes('-v');

const facts = evaluateFacts(r, heldOut('facts'), ctx);
console.log(`\nheld-out facts: ${facts.correct}/${facts.total} = ${(100 * facts.accuracy).toFixed(1)}%`);
console.log(formatFigures('per fact:', facts.perFact));
if (verbose) for (const m of facts.misses) console.log('  MISS', JSON.stringify(m));
const factOnMoves = evaluateFacts(r, heldOut('moves').map((p) => ({ ...p, facts: p.facts ?? [] })), ctx);
console.log(`no false fact requests on move phrases: ${factOnMoves.correct}/${factOnMoves.total}`);
if (verbose) for (const m of factOnMoves.misses) console.log('  MISS', JSON.stringify(m));

const moves = evaluateMoves(r, [...heldOut('moves'), ...heldOut('facts')], ctx);
console.log(`\nheld-out moves: ${moves.correct}/${moves.total} = ${(100 * moves.accuracy).toFixed(1)}% (all labelled moves found); precision ${(100 * moves.precision).toFixed(1)}%`);
console.log(formatFigures('per move:', moves.perMove));
if (verbose) for (const m of moves.misses) console.log('  MISS', JSON.stringify(m));

const blind = heldOut('blind');
const bf = evaluateFacts(r, blind, ctx);
const bm = evaluateMoves(r, blind, ctx);
console.log(`\nblind held-out (never tuned on): facts ${bf.correct}/${bf.total} = ${(100 * bf.accuracy).toFixed(1)}%, moves ${bm.correct}/${bm.total} = ${(100 * bm.accuracy).toFixed(1)}%`);
for (const m of [...bf.misses, ...bm.misses]) console.log('  MISS', JSON.stringify(m));

if (existsSync(probesPath)) {
  const probes = JSON.parse(readFileSync(probesPath, 'utf8')) as { scenario: string; ask: string; fact: string }[];
  const phrases: LabelledPhrase[] = probes.filter((p) => isFactId(p.fact)).map((p) => ({ text: p.ask, facts: [p.fact as never] }));
  const pf = evaluateFacts(r, phrases, ctx);
  console.log(`\nprobes-dev asks: ${pf.correct}/${pf.total} = ${(100 * pf.accuracy).toFixed(1)}%`);
  for (const m of pf.misses) console.log('  MISS', JSON.stringify(m));
}

// Timing: distinct texts (no cache hits), then cached.
const all = [...heldOut('facts'), ...heldOut('moves')].map((p) => p.text);
t = performance.now();
for (const text of all) r.analyse(text, { ...ctx, clock: { date: '2026-03-03', time: '09:00' } });
const cold = (performance.now() - t) / all.length;
t = performance.now();
for (let i = 0; i < 5; i++) for (const text of all) r.analyse(text, { ...ctx, clock: { date: '2026-03-03', time: '09:00' } });
const warm = (performance.now() - t) / (all.length * 5);
console.log(`\ntiming: ${cold.toFixed(2)} ms per new message, ${(warm * 1000).toFixed(1)} µs per cached message (${all.length} messages)`);
