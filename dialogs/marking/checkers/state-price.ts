/**
 * `state_price` — judged on every amount the customer asked about or agreed to: all right
 * → met; any right only after the customer challenged it, with the VAT basis unclear to a
 * business customer, or only part of it (unit prices without a total, a charge without the
 * refund) → partly; any wrong at the end, or none stated → missed. The learner's last word
 * on each amount counts; an explicit correction counts (marking guide and rulings).
 *
 * Each amount the learner says is tied to an amount of the truths (the settled order's
 * total, an asked-about option, the refund…) by its value and role; an amount that matches
 * nothing, said as a total, is a wrong figure for the amount under discussion.
 */
import { formatPounds, type Pence } from '../../../domain/money.js';
import type { CustomerLine, LearnerMessage } from '../call/call-view.js';
import type { MessageAnalysis, MoneyMention } from '../analysis/types.js';
import { challenged } from '../cues/challenge.js';
import type { MarkingFacts, PriceTopic } from '../facts/marking-facts.js';
import { quoteOf } from './evidence.js';
import { settledOption } from './settled.js';
import type { Checker, Evidence } from './types.js';

interface Statement {
  index: number;
  topic: PriceTopic;
  amount: Pence;
  kind: 'right' | 'wrong' | 'part';
  /** the basis a business customer needs was said */
  basisClear: boolean;
  /** the basis words said with it */
  said: 'inc' | 'ex' | 'unclear' | 'all-in';
  why?: string;
  evidence: Evidence;
}

type Verdict = { result: 'ok' | 'unclear' | 'challenged' | 'part-only' | 'wrong' | 'none'; topic: PriceTopic; note: string; evidence: Evidence[] };

const TOTAL_ROLES = new Set(['total', 'refund', 'charge', 'difference']);
const PRICE_QUESTION = /\b(?:how much|what (?:will|would|do|does|'ll|'d) (?:i|we|it|that) (?:pay|be paying|cost|come to)|what'?s the (?:bill|total|cost|price|damage)|cost|price|pay|dearer|lose money|out of pocket|get back)\b/i;

function roleFits(m: MoneyMention, t: PriceTopic): boolean {
  switch (m.role) {
    case 'refund':
      return t.kind === 'refund';
    case 'charge':
      return t.kind === 'charge';
    case 'difference':
      return t.kind === 'difference';
    default:
      return t.kind === 'total' || t.kind === 'difference';
  }
}

/**
 * @param vatSaid the message speaks of VAT somewhere (a refund worked out from figures whose
 *   basis was said — "£25 plus VAT, so £30, comes off; you'll get £258 back" — has its basis)
 */
function classify(m: MoneyMention, facts: MarkingFacts, current: PriceTopic | undefined, index: number, vatSaid: boolean): Statement | undefined {
  if (m.negated || m.role === 'credit' || m.role === 'paid') return undefined;
  const business = facts.customerType === 'business';
  const ev = quoteOf(index, m.sentence);
  const cands: Statement[] = [];
  for (const t of facts.prices) {
    const base = { index, topic: t, amount: m.pence, evidence: ev, said: m.allIn ? ('all-in' as const) : m.basis };
    if (t.inc !== undefined && Math.abs(t.inc) === m.pence) {
      if (m.basis === 'ex') cands.push({ ...base, kind: 'wrong', basisClear: true, why: `${formatPounds(m.pence)} is the amount including VAT, said as plus VAT` });
      // a business customer needs the basis of a total or a refund (what they pay or get back)
      else cands.push({ ...base, kind: 'right', basisClear: !business || (t.kind !== 'total' && t.kind !== 'refund') || m.basis === 'inc' || m.allIn || (t.kind === 'refund' && vatSaid) });
    } else if (t.ex !== undefined && Math.abs(t.ex) === m.pence) {
      if (m.basis === 'inc' || m.allIn) cands.push({ ...base, kind: 'wrong', basisClear: true, why: `${formatPounds(m.pence)} is the ex-VAT figure, given as the all-in price` });
      else cands.push({ ...base, kind: 'right', basisClear: m.basis === 'ex' });
    } else if (t.alsoRight.some((x) => x.amount === m.pence)) {
      const x = t.alsoRight.find((y) => y.amount === m.pence)!;
      cands.push({ ...base, kind: 'right', basisClear: !business || m.basis === x.basis });
    } else if (t.parts.includes(m.pence)) {
      cands.push({ ...base, kind: 'part', basisClear: true });
    } else {
      const w = t.wrong.find((x) => Math.abs(x.amount) === m.pence && !x.asAllIn);
      if (w) cands.push({ ...base, kind: 'wrong', basisClear: true, why: w.why });
    }
  }
  const partRole = m.role === 'unit' || m.role === 'vat' || m.role === 'saving';
  let pool = cands.filter((c) => (partRole ? c.kind === 'part' : roleFits(m, c.topic)));
  // a figure that is a fact of the call (the price paid, a credit note), said in no role that
  // makes it a price for something, is not a price statement
  if (pool.length === 0 && facts.neutralAmounts.includes(m.pence)) return undefined;
  if (pool.length === 0) pool = partRole ? [] : cands.filter((c) => c.kind !== 'part' || m.role === 'total');
  // a figure that is only a part of an answer ("it's gone up by £127.68" when the new total is
  // asked for), whatever its role
  if (pool.length === 0) pool = cands.filter((c) => c.kind === 'part');
  if (pool.length > 0) {
    const pick =
      pool.find((c) => c.topic === current && c.kind !== 'part') ??
      pool.find((c) => c.kind === 'right') ??
      pool.find((c) => c.topic === current) ??
      pool[0];
    return pick;
  }
  if (!TOTAL_ROLES.has(m.role) || m.pence < 100) return undefined;
  // an amount that matches no truth, said as a total: wrong for the amount under discussion
  const byRole =
    m.role === 'refund'
      ? facts.prices.find((t) => t.kind === 'refund')
      : m.role === 'charge'
        ? facts.prices.find((t) => t.kind === 'charge')
        : m.role === 'difference'
          ? facts.prices.find((t) => t.kind === 'difference')
          : undefined;
  const topic = byRole ?? current ?? facts.prices.find((t) => t.need === 'settle') ?? facts.prices[0];
  if (!topic) return undefined;
  return { index, topic, amount: m.pence, kind: 'wrong', basisClear: true, said: m.basis, why: 'it matches no correct figure', evidence: ev };
}

function stated(s: Statement): string {
  return `${formatPounds(s.amount)}${s.said === 'all-in' ? ' all in' : s.said === 'inc' ? ' inc VAT' : s.said === 'ex' ? ' + VAT' : ''}`;
}

function verdict(t: PriceTopic, ss: Statement[], customer: readonly CustomerLine[], business: boolean): Verdict {
  const finals = ss.filter((s) => s.kind !== 'part');
  const correct = [t.inc !== undefined ? `${formatPounds(Math.abs(t.inc))}${business && t.kind === 'total' ? ' inc VAT' : ''}` : '', t.ex !== undefined && business ? `${formatPounds(Math.abs(t.ex))} ex VAT` : '']
    .filter(Boolean)
    .join(' / ');
  const label = cap(t.label);
  if (finals.length === 0) {
    if (ss.length) return { result: 'part-only', topic: t, note: `${label}: only part of it (${ss.map(stated).join(', ')}), no total (correct ${correct})`, evidence: [ss[ss.length - 1].evidence] };
    return { result: 'none', topic: t, note: `${label}: never stated (correct ${correct})`, evidence: [] };
  }
  const last = finals[finals.length - 1];
  if (last.kind === 'wrong') {
    return { result: 'wrong', topic: t, note: `${label}: stated ${stated(last)}, wrong (${last.why ?? 'not the figure'}); correct ${correct}`, evidence: [last.evidence] };
  }
  const lastWrong = [...finals].reverse().find((s) => s.kind === 'wrong');
  if (lastWrong) {
    const firstRightAfter = finals.find((s) => s.index > lastWrong.index && s.kind === 'right') ?? last;
    const between = customer.filter((c) => c.index > lastWrong.index && c.index < firstRightAfter.index);
    if (challenged(between)) {
      return {
        result: 'challenged',
        topic: t,
        note: `${label}: ${stated(lastWrong)} first; right (${stated(firstRightAfter)}) only after the customer challenged it`,
        evidence: [lastWrong.evidence, firstRightAfter.evidence],
      };
    }
  }
  const rights = finals.filter((s) => s.kind === 'right');
  if (!rights.some((s) => s.basisClear)) {
    return { result: 'unclear', topic: t, note: `${label}: ${formatPounds(last.amount)} is right, but whether it includes VAT is never said`, evidence: [last.evidence] };
  }
  const shown = rights.filter((s) => s.basisClear).pop() ?? last;
  return {
    result: 'ok',
    topic: t,
    note: `${label}: ${stated(shown)}, correct${lastWrong ? ` (corrected from ${stated(lastWrong)} by the learner)` : ''}`,
    evidence: [shown.evidence],
  };
}

/** The `state_price` checker (rules in the comment at the top of this file). */
export const checkStatePrice: Checker = (call, facts) => {
  if (facts.prices.length === 0) return { mark: 'met', evidence: [], note: 'No price to state in this scenario.' };
  const business = facts.customerType === 'business';
  const statements: Statement[] = [];
  const asked = new Set<string>();
  let current: PriceTopic | undefined;
  for (const ev of call.events) {
    if (ev.kind === 'customer') {
      if (PRICE_QUESTION.test(ev.text)) {
        const t = facts.prices.find((p) => p.askCue?.test(ev.text));
        if (t) {
          asked.add(t.id);
          current = t;
        }
      }
      continue;
    }
    if (ev.kind !== 'learner') continue;
    const m = ev as LearnerMessage<MessageAnalysis>;
    for (const mm of m.analysis.money) {
      const s = classify(mm, facts, current, m.index, /\bvat\b/.test(m.analysis.norm));
      if (!s) continue;
      statements.push(s);
      if (s.kind !== 'part') current = s.topic;
    }
  }
  const settled = settledOption(call, facts);
  const byTopic = new Map<string, Statement[]>();
  for (const s of statements) byTopic.set(s.topic.id, [...(byTopic.get(s.topic.id) ?? []), s]);
  const inPlay = facts.prices.filter(
    (t) =>
      // an outcome not settled on counts only when a figure for it (not just a unit price) was said
      (byTopic.get(t.id) ?? []).some((s) => s.kind !== 'part' || t.option === settled || asked.has(t.id)) ||
      t.need === 'required' ||
      (t.need === 'settle' && t.option === settled) ||
      (t.need === 'if-asked' && asked.has(t.id)),
  );
  const verdicts = inPlay.map((t) => verdict(t, byTopic.get(t.id) ?? [], call.customer, business));
  const said = verdicts.filter((v) => v.result !== 'none');
  const settleTopics = facts.prices.filter((t) => t.need === 'settle');
  const settleDone = settleTopics.length === 0 || verdicts.some((v) => v.topic.need === 'settle' && ['ok', 'unclear', 'challenged'].includes(v.result));
  const evidence = verdicts.flatMap((v) => v.evidence).slice(0, 4);
  const notes = (vs: Verdict[]): string => vs.map((v) => v.note).join('; ');

  const wrong = verdicts.filter((v) => v.result === 'wrong');
  if (wrong.length) return { mark: 'missed', evidence, note: `${notes(wrong)}.` };
  if (said.length === 0) {
    const parts = statements.filter((s) => s.kind === 'part');
    if (parts.length) {
      return {
        mark: 'partly',
        evidence: [parts[parts.length - 1].evidence],
        note: `Only unit prices or parts (${parts.map(stated).join(', ')}), no total; ${notes(verdicts)}.`,
      };
    }
    return { mark: 'missed', evidence: [], note: `No price stated; ${notes(verdicts.filter((v) => v.result === 'none')) || 'nothing said'}.` };
  }
  const weak = verdicts.filter((v) => v.result !== 'ok' && !(v.result === 'none' && v.topic.need === 'settle' && settleDone));
  if (weak.length || !settleDone) return { mark: 'partly', evidence, note: `${notes(weak.length ? weak : verdicts)}.` };
  return { mark: 'met', evidence, note: `${notes(verdicts)}.` };
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
