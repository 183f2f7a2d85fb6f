/**
 * Closing cues: asking whether there is anything else or whether the customer is happy
 * with the outcome; thanking them or signing off politely (marking guide: close_call).
 */

/** "Is there anything else I can help with?" */
export const ANYTHING_ELSE =
  /\banything (?:else|more|further)\b|\bsomething (?:else|more|further)\b|\bany other (?:questions|way|thing)\b|\bis that everything\b|\bcan i help with anything\b|\banswered (?:all )?(?:of )?your questions\b|\banything else you need\b/;

/** "Are you happy with that outcome?" */
export const SATISFACTION =
  /\b(?:happy|satisfied|ok|okay|comfortable|alright|all right) with (?:that|this|everything|how|the outcome|where|what|all that|that arrangement|that outcome)\b|\bhas that (?:helped|sorted|answered)\b|\bdoes that (?:help|sort)\b/;

/** Thanks or a polite sign-off. */
export const POLITE_CLOSE =
  /\bthank(?:s| you)\b|\bcheers\b|\b(?:good)?bye\b|\btake care\b|\bhave a (?:good|great|lovely|nice|pleasant)\b|\ball the best\b|\bspeak (?:soon|tomorrow|to you)\b|\btalk (?:soon|tomorrow)\b|\benjoy (?:the|your)\b|\bmy pleasure\b|\bgood luck\b|\b(?:cya|see ya|see you|ta-?ra|laters)\b/;
