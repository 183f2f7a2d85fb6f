/**
 * Commitment cues: the learner telling the customer an order or change is going on the
 * account, or is done ("I'll put it on your account now", "that's all done for you").
 */

/** A promise to put the order through or on the account. */
export const PROMISE_TO_COMMIT =
  /\b(?:i'?ll|i will|i'?m (?:going to|gonna)|let me|i can) (?:just )?(?:put|place|pop|stick|book|process|send|get) (?:it|that|them|this|these|the order|those)(?: (?:all|straight))? (?:through|on (?:the|your) account|in|on there|on account)\b|\b(?:put|place|pop|stick) (?:it|that|them) (?:through|on (?:the|your) account)\b/;

/** Words that make a "done" conditional or future ("I'll let you know once it's gone through"). */
const NOT_YET = /\b(?:let you know|once|when|if|until|till|as soon as|after|before|whether)\b[^.?!]*$/;

/** True when the sentence reports the order or change as done (not "once it's gone through"). */
export function reportsDone(sentence: string): boolean {
  const m = REPORT_DONE.exec(sentence);
  return m !== null && !NOT_YET.test(sentence.slice(0, m.index));
}

/** A report that the order or change is done. */
export const REPORT_DONE =
  /\b(?:that'?s|it'?s|all|thats|its) (?:all )?(?:done|booked(?: in)?|placed|gone through|been placed|sorted|processed|through)\b|^(?:done|booked|sorted)\b|\bi'?ve (?:placed|put|changed|amended|updated|booked|processed) (?:it|that|the|your|them)\b/;
