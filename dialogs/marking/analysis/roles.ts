/**
 * Ties an amount or a date to what it is about, from the words around it in its clause
 * ("£374.85 back" is a refund; "£19.95 charge" a charge; "reach you on Wednesday" a
 * delivery; "from the supplier on Friday" the supplier's date). The recogniser's coarse
 * roles are refined here for marking: these finer roles are marking-specific.
 */
import { ITEM_NOUNS } from '../../../domain/language/quantities.js';
import { isNegatedAt, HEDGE } from '../text/cues.js';
import { clauses, normalise, type Piece } from '../text/normalise.js';
import type { DateRole, MoneyRole, VatBasis } from './types.js';

/** The clause of `sentence` (a piece of the message) containing message offset `at`. */
export function clauseAt(sentence: Piece, at: number): Piece {
  const rel = at - sentence.start;
  const cs = clauses(sentence.text);
  const c = cs.find((p) => rel >= p.start && rel < p.start + p.text.length) ?? cs.find((p) => p.start > rel) ?? cs[cs.length - 1];
  return c ? { text: c.text, start: sentence.start + c.start } : sentence;
}

const INC = /\b(?:inc(?:l|luding|lusive of|\.)?\.? ?(?:the )?vat|with (?:the )?vat|vat inc(?:luded)?|including vat|inclusive|gross|inc vat)\b/;
const EX = /\b(?:ex(?:cl|cluding|\.)?\.? ?vat|plus vat|\+ ?vat|before vat|exclusive of vat|net|on top|without vat|vat on top|plus the vat|excluding vat|\+vat|ex vat)\b/;
const ALL_IN = /\b(?:all in|all-in|altogether|all together|in total|all told|everything included)\b/;

/** The VAT basis said with an amount, from the words of its clause. */
export function vatBasis(clause: string): { basis: VatBasis; allIn: boolean } {
  const n = normalise(clause);
  if (INC.test(n)) return { basis: 'inc', allIn: false };
  if (EX.test(n)) return { basis: 'ex', allIn: false };
  return { basis: 'unclear', allIn: ALL_IN.test(n) };
}

function lastWords(s: string, n: number): string {
  return normalise(s).split(/\s+/).filter(Boolean).slice(-n).join(' ');
}

function firstWords(s: string, n: number): string {
  return normalise(s).split(/\s+/).filter(Boolean).slice(0, n).join(' ');
}

/**
 * What an amount is, from the words just before and after it within its clause
 * ("£850 left" is credit; "£374.85 back" a refund; "£6.50 more" a difference).
 */
export function moneyRole(beforeInClause: string, afterInClause: string): MoneyRole {
  const b = lastWords(beforeInClause, 6);
  const a = firstWords(afterInClause, 5);
  const near = `${b} # ${a}`;
  if (/\b(?:credit (?:limit|available)|available credit|balance|limit|of credit|credit of)\b/.test(near) || /^(?:left|available|of credit|credit(?! note))\b/.test(a) || /\byou'?ve (?:only )?got$/.test(b)) return 'credit';
  if (/\b(?:you paid|paid|originally|was|previous(?:ly)?|instead of|down from|from|against|compared (?:to|with)|versus|vs|up from|rather than)$/.test(b) || /^(?:you )?paid\b/.test(a)) return 'paid';
  if (/^(?:more|extra|dearer|less|cheaper|difference|up|higher|lower)\b/.test(a) || /\b(?:difference|an extra|extra)\b/.test(b)) return 'difference';
  // "we'll take £19.95 off for collecting it": a charge taken off the refund
  if (/^off (?:for|to cover) (?:the )?(?:collect|pick|collection|return)/.test(a)) return 'charge';
  if (/^(?:off|saving|discount|worth)\b/.test(a) || /\b(?:save|saves|saving|discount of|worth)$/.test(b)) return 'saving';
  if (/\brefund\w*|\bmoney back\b|\bget back\b|\breturned to\b|\bcredit note\b/.test(near) || /^back\b/.test(a) || /\b(?:get|gets|getting|receive|receives|receiving|have|had|given|paid) back$/.test(b) || /\bback (?:on|to|onto)\b/.test(a)) return 'refund';
  if (/\b(?:charge|fee|to collect|collection|deduct\w*|comes off|less)\b/.test(near)) return 'charge';
  if (/\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)(?: [a-z0-9-]+){0,3} (?:at|@)$/.test(b) || UNIT_AFTER.test(a)) return 'unit';
  if (/^(?:of )?vat\b(?! (?:inc|ex|on|included))/.test(a)) return 'vat';
  if (/(?<!including |inc |incl |ex |excl |plus |excluding |with |before |the )vat (?:is|of|comes to|would be|will be)$/.test(b)) return 'vat';
  return 'total';
}

/** "each", "per box", "a cartridge": the amount is for one item (item nouns shared with the recogniser). */
const UNIT_AFTER = new RegExp(String.raw`^(?:each|per|apiece|an? (?:${ITEM_NOUNS}|piece))\b`);

const DATE_ROLES: [DateRole, RegExp][] = [
  ['holiday', /\bbank holiday|\bgood friday|\beaster\b|\bchristmas\b|\bboxing day\b|\bnot a working day\b/],
  ['supplier', /\bsupplier|\bwarehouse\b|\b(?:we|they) (?:get|are getting|will get|will be getting|receive|should get|should be getting|are expecting|expect) (?:more|some more|new stock|more stock|stock|a delivery|another delivery|them in)\b|\bmore (?:coming|arriving|due) in\b|\brestock\w*|\bstock (?:is )?(?:due|arriv\w*|comes? in)|\bnext delivery from|\bcome(?:s)? in from|\bdelivery (?:to|into) us\b|\breplacements? (?:arrive|come|reach) (?:in|from|our|us)/],
  ['window', /\bany (?:working |week)?(?:day|weekday)\b|\bfrom (?:tomorrow|today|monday|tuesday|wednesday|thursday|friday)\b|\bonwards\b/],
  ['follow-up', /\b(?:call\w*|ring\w*|phon\w*|e-?mail\w*|updat\w*|contact\w*|get back to|let you know|hear from|confirm\w*|repl(?:y|ies|ied)|respond\w*|decision|approv\w*|speak|talk)\b/],
  ['refund', /\brefund/],
  ['period', /\bcancel\w*\b|\bright to\b|\bperiod\b|\bwithin your rights\b|\bruns? (?:to|until|from)\b|\bup to\b/],
  ['deadline', /\bdeadline\b|\bin time for\b|\bneed(?:ed)? (?:them|it) by\b|\bbefore (?:your|she|he|they|the new)|\b(?:starts?|begins?|first day)\b/],
  ['dispatch', /\bdispatch\w*|\bgo(?:es)? out\b|\bleave(?:s)? (?:us|the warehouse)\b|\bsent out\b/],
  ['collection', /\bcollect\w*|\bpick(?:ing)? (?:it |them )?up|\bpick-?up\b|\bcome (?:and|to) (?:get|collect)\b|\bwe can come\b/],
  ['history', /\bwas (?:due|supposed|meant|promised|booked)|\bwere (?:due|supposed|meant)|\bshould(?:'ve| have) (?:arrived|come|been)|\boriginally\b|\bpromised (?:for|on)\b/],
  [
    'delivery',
    /\bdeliver\w*|\barriv\w*|\bwith you\b|\breach(?:es)? you|\bget (?:them|those|it|the|your|these)\b|\bturn up\b|\bcome\b|\bcoming\b|\bbe there\b|\bhave them\b|\bshould be (?:with|there)|\bhere\b|\bexpect\b|\bdue\b|\bthe (?:four|two|other|rest|remaining|last|final|\d)|\bfor delivery\b|\bbooked\b|\brebooked\b/,
  ],
];

/**
 * What a date is about: the first role whose words appear in its clause, else in its
 * sentence, else `other`.
 */
export function dateRole(clause: string, sentence: string, near?: string): DateRole {
  const c = normalise(clause);
  // a date is a bank holiday only when the holiday is named next to it ("Monday's a bank holiday",
  // "Good Friday, the 3rd"), not anywhere in its clause ("with the Easter bank holidays they'd be
  // delivered on Thursday 9 April")
  const n = near === undefined ? c : normalise(near);
  for (const [role, re] of DATE_ROLES) if (role === 'holiday' ? re.test(n) : re.test(c)) return role;
  const s = normalise(sentence);
  // a bank holiday named elsewhere in the sentence explains a date; it is not what the date is
  for (const [role, re] of DATE_ROLES) if (role !== 'holiday' && re.test(s)) return role;
  return 'other';
}

/** True when the clause leaves the amount or date open ("probably around then"). */
export function isHedged(clause: string): boolean {
  return HEDGE.test(normalise(clause));
}

/** True when the mention at `at` (message offset) is negated just before it ("not £1,072.80"). */
export function isNegatedMention(sentence: Piece, at: number): boolean {
  const before = normalise(sentence.text.slice(0, Math.max(0, at - sentence.start)));
  return isNegatedAt(`${before} `, before.length + 1, 2);
}
