/**
 * Escalation cues (marking guide: escalate): referring to a team by name, vague hand-offs
 * ("I'll pass it on"), and the goodwill credit note — offered subject to approval, or
 * promised outright.
 */

/** Verbs of referring something on. */
export const REFER_VERB =
  /\b(?:escalat\w*|refer\w*|pass\w*(?: it| this| that)? (?:on|over|to)|passed|raise\w*|log\w*|flag\w*|send\w*(?: it| this)? (?:to|over)|sent (?:to|over)|report\w*|query|queries|let (?:the |our )?\w+(?: \w+)? know|inform\w*|notif\w*|alert\w*|told|tell (?:the|our) \w+|speak to|speaking to|get (?:the|our|my) \w+ to|put (?:it|this|that) through to|ask(?:ed|ing)? (?:the|our|my))\b/;

/** A hand-off that names no one. */
export const VAGUE_HANDOFF =
  /\b(?:pass (?:it|this|that) on|pass(?:ed)? on to (?:the|a) team|let (?:the|someone|somebody) (?:team )?know|flag (?:it|this) up|(?:i'?ll|i will) (?:escalate|raise|report) (?:it|this|that)\b(?! to)|someone will look into|pass (?:it|that|this) (?:up|along))\b/;

/** A goodwill credit note mentioned. */
export const CREDIT_NOTE = /\b(?:credit note|goodwill|credit (?:of|for) £?\d+|£\d+(?:\.\d\d)? (?:credit|off your next))\b/;

/** Someone senior who may approve a credit note (any organisation's title for them). */
const APPROVER = String.raw`(?:team leader|manager|supervisor|head of \w+|\w+ (?:team|manager|supervisor|lead))`;

/** The credit note offered as subject to approval. */
export const SUBJECT_TO_APPROVAL = new RegExp(
  String.raw`\b(?:approv\w*|subject to|sign(?:ed)?[- ]off|authoris\w*|authoriz\w*|request(?:ed|ing)?|ask(?:ing)? (?:the|my|our) ${APPROVER}|needs? (?:the|my|our) ${APPROVER}|if (?:the|my|our) ${APPROVER}|(?:can|will) confirm (?:it|that|whether)|put (?:it|that) forward|recommend\w*)\b`,
);
