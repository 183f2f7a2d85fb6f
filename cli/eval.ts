/**
 * `npm run eval -- [folder]` (default ../shared/eval/dev): marks a labelled folder and
 * prints the figures of the official metric (agreement.py: exact agreement and
 * quadratic-weighted kappa per criterion and overall, pass/fail agreement), a confusion
 * matrix per criterion, then every disagreement with the checker's note and evidence.
 * Exits 1 when the folder has no labels.json.
 */
import { evaluateFolder, isEvalFolder } from '../dialogs/marking/evaluate.js';

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function main(): number {
  const folder = process.argv[2] ?? '../shared/eval/dev';
  if (!isEvalFolder(folder)) {
    process.stderr.write(`eval: ${folder} has no labels.json\n`);
    return 1;
  }
  const ev = evaluateFolder(folder, process.env.SCENARIOS_DIR || './scenarios');
  const r = ev.report;
  const out: string[] = [];
  out.push(`${'criterion'.padEnd(24)} ${'n'.padStart(4)} ${'exact'.padStart(7)} ${'qwk'.padStart(6)}   confusion (rows label missed/partly/met × cols marker)`);
  for (const c of r.perCriterion) {
    const conf = c.confusion.map((row) => row.map((x) => String(x).padStart(2)).join(' ')).join(' | ');
    out.push(`${c.criterion.padEnd(24)} ${String(c.n).padStart(4)} ${pct(c.exact).padStart(7)} ${(Number.isNaN(c.qwk) ? 'nan' : c.qwk.toFixed(2)).padStart(6)}   ${conf}`);
  }
  if (r.missing.length) out.push(`no marks for ${r.missing.length} transcripts: ${r.missing.slice(0, 5).join(', ')}`);
  for (const e of ev.errors) out.push(`error: ${e.file}: ${e.error}`);
  out.push(`pass/fail agreement: ${r.passAgree}/${r.passN}`);
  out.push(`overall: exact ${pct(r.exact)} qwk ${r.qwk.toFixed(3)} over ${r.total} marks, ${r.marked}/${r.transcripts} transcripts marked`);
  out.push(`marked ${ev.cards.size} transcripts in ${ev.markingMs.toFixed(0)} ms (${((ev.cards.size * 1000) / Math.max(1, ev.markingMs)).toFixed(0)} transcripts/s, after start-up)`);
  if (ev.disagreements.length) {
    out.push('', `${ev.disagreements.length} disagreements:`);
    for (const d of ev.disagreements) {
      out.push(`- ${d.file} ${d.criterion}: label ${d.label}, marker ${d.mark}`);
      out.push(`    marker: ${d.note}`);
      for (const e of d.evidence.slice(0, 3)) out.push(`      [${e.activity}] ${e.quote}`);
      if (d.labelNote) out.push(`    label note: ${d.labelNote}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

process.exitCode = main();
