/**
 * The customer's default phrase bank: what the caller says in a situation when the
 * scenario file has no line for it. Scenario lines (keys of `LINE_KEYS`, every situation the
 * caller has) always win; the few keys below that are not in `LINE_KEYS` are glue the
 * renderer wraps around other words (an answer, a question, a corrected value) or the
 * defaults behind the scenario's required `opening`.
 *
 * Placeholders, filled by the renderer (see `linePlaceholders` in the vocabulary):
 * `{firstName}` `{name}` `{organisation}` the caller; `{items}` a short name for what the
 * call is about ("the chairs"); `{deadline}` the caller's needed-by day; `{date}` a day the
 * adviser said; `{earlier}` an amount or day the adviser said before; `{term}` an
 * over-familiar word; glue only: `{answer}` `{question}` (`{Question}` capitalised) `{value}`
 * `{alternative}` (the alternative as the caller names it: "the Mesh 160s"). A variant whose
 * placeholder cannot be filled is skipped.
 */
import type { LineKey } from '../../domain/scenario/vocabulary.js';

/** Glue situations only the renderer uses (not written in scenario files). */
export const OWN_LINE_KEYS = [
  'correction_detail',
  'as_i_said',
  'sure_repeat',
  'ask_before_goodbye',
  'reask',
  'reask_irate',
  'ask_about_alternative',
  'raise_address',
  'raise_address_before_goodbye',
  'opening_inbound',
  'opening_outbound',
] as const;
export type OwnLineKey = (typeof OWN_LINE_KEYS)[number];

/** Any situation the renderer can voice. */
export type SpeechKey = LineKey | OwnLineKey;

/** Default variants per situation. */
export const DEFAULT_LINES: Record<SpeechKey, readonly string[]> = {
  // ---- opening and the reason for the call
  opening: ['Hello, I wonder if you can help me.'],
  reason: ['{reasonSentence}'],
  // ---- what the caller wants to find out
  ask_price: ['How much will that come to?', 'What will that cost, please?', "And what's the total?"],
  ask_delivery_date: ['When will {items} arrive?', 'And when would {items} be delivered?', 'When can I expect {items}?'],
  ask_alternative_price_difference: ['How much more is that one?', "What's the difference in price?"],
  ask_cancel_part_price: ['If I just cancel those, what will I pay?', 'What would it come to if I cancelled those?'],
  ask_refund_amount: ['How much will I get back?', "What's the refund, exactly?"],
  ask_refund_timing: ['When will I get my money back?', 'How long does the refund take?'],
  ask_lose_money: ['Am I going to lose any money on this?', 'Will I get all my money back?'],
  ask_date_still_holds: ["It'll still come on the same day, won't it?", "That won't change the delivery date, will it?"],
  ask_revised_date: ['So when exactly will {items} turn up?', 'When am I actually going to get {items}?'],
  ask_remedy: ['What are you going to do about it?', 'So what are you going to do to put this right?'],
  // ---- the caller's other questions
  ask_exact_date: ['Which day would that be, exactly?', 'So what day would that be?'],
  ask_alternative: ['Is there nothing similar you could send instead?'],
  ask_how_referral_works: ['How does that work — how long will they take?', 'And how long would that take?'],
  ask_purpose: ["Sorry, what's this about?", "What's this regarding, please?"],
  who_is_calling: ["Sorry, who's calling?", 'Who am I speaking to, sorry?'],
  speaking: ['Yes, speaking.', "Yes, that's me."],
  // ---- news of a problem
  out_of_stock_reaction: ['Oh, that’s a shame.', 'Oh no.'],
  problem_reaction: ['Oh no. So what happens now?', 'Oh dear. What does that mean for us?'],
  credit_reaction: ['Oh. Really?', "Oh — I didn't realise."],
  push_back: ["Can't you just put it through this once?", 'Surely you can just put it through?'],
  // ---- decisions
  accept: ["Okay, let's do that.", 'Fine, go ahead.'],
  decline: ["No, I'd rather not, thanks."],
  choose: ["I'll go with that, then."],
  choose_alternative: ["Okay, I'll take the alternative, then."],
  choose_back_order: ["I'd rather wait for the ones I asked for. Can you back-order them?"],
  prefer_back_order: ["I'd rather wait for the ones I asked for. Can you back-order them?"],
  choose_split: ["Let's split it, then — send what you can now and the rest when they come in."],
  choose_hold: ['Just hold them and send them all together, please.'],
  choose_cancel_part: ['Cancel those, then, please.'],
  choose_card: ["I'll pay by card, then. Can you put me through?"],
  choose_credit_control: ['Okay, refer it to Credit Control, then.'],
  choose_reduced_order: ["Well, if I have to, I'll take what fits for now."],
  suggest_split: ['Could you send the ones you have now and the rest when they come in?'],
  suggest_hold: ['Could you just hold them all and send everything together?'],
  suggest_cancel_part: ["Can I just cancel the ones that aren't ready?"],
  go_ahead: ['Yes, please go ahead.', 'Yes please.'],
  pleased: ['Great, thanks.', 'Brilliant, thank you.'],
  // ---- days
  date_ok: ["{date} — great, that's in time.", 'Good, {date} works for us.', "Great, that's in time."],
  one_date_ok: ['Yes, {date} is fine.', '{date} works for me.'],
  pick_date: ['{date} would suit me best.', '{date} would be better for me.'],
  deadline_missed: ["{date}? That's too late — I need {items} by {deadline}.", "{date}? That's no good, I need {items} by {deadline}."],
  accept_late_date: ["Well, if that's the earliest, {date} will have to do.", 'Okay, I suppose {date} will have to do.'],
  // ---- checking what the adviser says
  correction: ["No, that's not right."],
  query_price: ['Sorry — I thought you said {earlier} before?', 'Hang on, earlier you said {earlier}. Which is it?'],
  query_date_change: ['Sorry — I thought you said {earlier}?', 'Wait, you said {earlier} a minute ago.'],
  correct_picked_date: ["Sorry — didn't we say {earlier}?", "Hang on, I thought we'd said {earlier}."],
  unverified_disclosure: ["Hang on — shouldn't you be checking who I am first?", "Sorry — shouldn't you check who I am before you tell me all that?"],
  confirm_yes: ["Yes, that's right.", "Yes, that's all correct."],
  confirm_no: ['No, not quite.'],
  // ---- payment
  payment_done: ["Right, I'm back — the payment's gone through.", "Okay, that's gone through on the card."],
  payment_unexpected: ['Sorry, I was put through to a payment line — I thought this was going on the account?'],
  already_paid: ["I've already paid for that, haven't I?"],
  // ---- temper and manner
  irate: ["This really isn't good enough.", "I've had enough of waiting, frankly."],
  still_irate: ["That doesn't really answer it, though.", "I still don't know what's going on."],
  calm: ['Right. Well, thank you for explaining.', "Okay. That's something, at least."],
  impatient: ["Sorry, can we speed this up? I haven't got long.", 'Can we get on with it, please?'],
  repeated_question: ["I've already told you that.", 'I gave you that a moment ago.'],
  threaten: ["If this is how it's going to be, I'll take my business elsewhere."],
  hurt: ["Well, I know that now — that's not very helpful.", "There's no need to rub it in."],
  over_familiar: ["And I'm not your {term}.", "Please don't call me {term}."],
  abuse_warning: ["Excuse me? There's no need to talk to me like that.", "I'm sorry? Please don't speak to me like that."],
  abuse_hang_up: ["I'm not going to be spoken to like that. Goodbye."],
  manager: ["I'd like to speak to a manager, please."],
  hang_up: ["I haven't got time for this. Goodbye."],
  // ---- conversation
  acknowledge: ['Okay.', 'Right.', 'Okay, thanks.'],
  small_talk: ['Fine, thanks.', 'Not bad, thanks — busy as ever.'],
  off_topic: ["Sorry, I'd rather just get this sorted, if that's all right.", "I'm not sure what that's got to do with my order."],
  hold_on: ["Okay, I'll hold.", 'Sure, no problem.'],
  unclear: ["Sorry, I'm not sure what you mean.", 'Sorry — could you say that again?'],
  // ---- closing
  anything_else_no: ["No, that's all, thanks.", "No, that's everything."],
  satisfied: ["Yes, I'm happy with that, thanks."],
  thanks: ['Thank you.', 'Thanks for your help.'],
  goodbye: ['Bye.', 'Thanks, bye.'],
  // ---- glue (not written in scenario files)
  correction_detail: ["It's {value}.", 'It should be {value}.'],
  as_i_said: ['As I said, {answer}', 'Like I said — {answer}'],
  sure_repeat: ['Sure — {answer}', 'Of course. {answer}'],
  ask_before_goodbye: ['Sorry, before you go — {question}', 'Hang on, just one thing — {question}'],
  reask: ['Sorry — {question}', 'Sorry, just going back to my question — {question}', 'Sorry, I just wanted to know — {question}'],
  reask_irate: ["You haven't answered my question. {Question}", "I asked you something. {Question}"],
  ask_about_alternative: ['What about {alternative}? {Question}', 'And {alternative} — {question}'],
  raise_address: ['Yes — the delivery address is changing too. {answer}', 'Just the new delivery address. {answer}'],
  raise_address_before_goodbye: ['Sorry, before you go — the delivery address is changing too. {answer}', "Hang on — we haven't done the new delivery address. {answer}"],
  opening_inbound: ['Hello. {reasonSentence}'],
  opening_outbound: ['Hello, {firstName} speaking.'],
};

/** In-character answers for a fact the scenario gives no variants for. */
export const DEFAULT_ANSWERS = {
  full_name: ["It's {value}.", '{value}.'],
  organisation: ['{value}.', "I'm calling from {value}."],
  account_number: ["It's {value}.", '{value}.'],
  order_number: ["It's {value}.", 'The order number is {value}.'],
  postcode: ['{value}.', "It's {value}."],
  phone: ["It's {value}.", '{value}.'],
  email: ["It's {value}.", '{value}.'],
  delivery_address: ['{value}.', "It's {value}."],
  item_quantity: ['{value}.'],
  needed_by: ['By {value}, ideally.', 'I need them by {value}.'],
  reason: ['{value}'],
} as const;

/** What the caller says when asked for a fact they do not have. */
export const NOT_HELD = {
  full_name: ["Sorry, I'd rather not say."],
  organisation: ["It's just me — it's a personal order.", "I'm not calling from a company — it's for me."],
  account_number: ["I haven't got an account with you — I ordered on your website.", "I don't have an account number, sorry."],
  order_number: ["I haven't got an order number — it's a new order.", "There isn't one yet — it's a new order."],
  postcode: ["Sorry, I don't have that to hand."],
  phone: ["Sorry, I don't have that to hand."],
  email: ["Sorry, I don't have that to hand."],
  delivery_address: ['Same address as always.'],
  item_quantity: ["It's the whole order."],
  needed_by: ["There's no particular rush.", 'No set date, really — whenever you can.'],
  reason: ['I was hoping you could tell me.'],
} as const;

/** Lines for when an existing order is due (the caller has no needed-by date of their own). */
export const DUE_ANSWERS = {
  future: ["They're due on {value}.", "It's meant to be coming on {value}."],
  past: ['The delivery was due on {value}.', 'It was meant to come on {value}.'],
} as const;
