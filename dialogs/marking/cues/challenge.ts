/**
 * A customer line that challenges a figure or date the learner gave ("that doesn't look
 * right", "don't we lose the discount?", "I thought there was a charge"). A figure right
 * only after such a challenge is marked partly (marking guide).
 */
export const CHALLENGE =
  /\b(?:doesn'?t (?:look|sound|seem) right|that'?s not right|not right|are you sure|is that right\?|hang on|hold on|i thought|surely|shouldn'?t|don'?t (?:we|i) lose|wasn'?t it|check (?:that|again|it)|can you check|double[- ]check|(?:that'?s|that is|it'?s|sounds|looks|got (?:it|that)) wrong|didn'?t you say|i was told|i read|read something|what about the|isn'?t there|but the (?:offer|discount|charge)|that can'?t be right|i'm sure)\b/i;

/** True when one of the customer lines challenges what the learner said. */
export function challenged(lines: readonly { text: string }[]): boolean {
  return lines.some((l) => CHALLENGE.test(l.text));
}
