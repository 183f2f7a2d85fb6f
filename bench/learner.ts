/**
 * A simulated learner over HTTP, as a channel would talk to the bot: Bot Framework
 * activities POSTed to `/api/messages` with `deliveryMode: "expectReplies"`, the replies read
 * from the response body. One {@link LearnerClient} per conversation.
 */

/** A learner's turn: a message, or the channel adding the learner to the conversation. */
export type LearnerTurn = { kind: 'join' } | { kind: 'say'; text: string };

/**
 * The reference script on `place-ergo-chairs` (22 turns): join, `/start`, an opening,
 * identity questions, `/account`, `/stock`, `/quote`, statements of price, offer, delivery
 * and terms, `/place`, a read-back, a follow-up, a close and `/end`.
 */
export const REFERENCE_SCRIPT: readonly LearnerTurn[] = [
  { kind: 'join' },
  { kind: 'say', text: '/start place-ergo-chairs' },
  { kind: 'say', text: 'Good morning, Harbour & Pike, Sam speaking. How can I help you today?' },
  { kind: 'say', text: 'Certainly, I can help with that. Could I take your name, please?' },
  { kind: 'say', text: 'Thank you. And which company are you calling from?' },
  { kind: 'say', text: 'Could I have your account number, please?' },
  { kind: 'say', text: '/account AC-20417' },
  { kind: 'say', text: 'Thanks. For security, can you confirm the postcode on the account?' },
  { kind: 'say', text: "Thank you, that's all verified. Which chairs would you like, and how many?" },
  { kind: 'say', text: '/stock CH-ERG-200' },
  { kind: 'say', text: 'Good news: the Ergo 200 task chair is in stock, we have 42 available. When do you need them by?' },
  { kind: 'say', text: '/quote CH-ERG-200 6' },
  { kind: 'say', text: "As you're ordering six chairs, our chair multi-buy gives you 10% off, so they're £134.10 each." },
  { kind: 'say', text: "That's £804.60 before VAT, delivery is free, VAT is £160.92, so the total is £965.52." },
  { kind: 'say', text: "They'll be delivered on Thursday 5 March, so in time for your Friday deadline." },
  { kind: 'say', text: "I've checked your account and the order is within your available credit, so it can go on account. Payment is due 30 days from the invoice, and you can change or cancel free of charge until dispatch." },
  { kind: 'say', text: '/place CH-ERG-200 6' },
  { kind: 'say', text: 'Just to confirm: six Ergo 200 task chairs, CH-ERG-200, delivered to 12 Headingley Lane, Leeds LS6 2QT on Thursday 5 March, £965.52 in total on your account. Is that all correct?' },
  { kind: 'say', text: "I'll email you the order confirmation within the hour. Is there anything else I can help you with today?" },
  { kind: 'say', text: 'Thank you for calling Harbour & Pike, Priya. Have a lovely day, goodbye.' },
  { kind: 'say', text: '/end' },
];

/** What came back for one turn. */
export interface TurnResult {
  status: number;
  /** Reply activities (messages and anything else the bot sent), in order. */
  replies: ReplyActivity[];
  /** Wall time of the HTTP request, ms. */
  ms: number;
}

/** The fields of a reply the benchmark and tests look at. */
export interface ReplyActivity {
  type: string;
  text?: string;
  channelData?: { speaker?: string; scorecard?: { score: number; passed: boolean; criteria: Record<string, unknown> } };
}

/** A turn got an HTTP error. */
export class TurnFailedError extends Error {
  constructor(
    readonly conversationId: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`turn in ${conversationId} failed: HTTP ${status} ${body.slice(0, 200)}`);
    this.name = 'TurnFailedError';
  }
}

let sequence = 0;

/** One learner in one conversation with one bot. */
export class LearnerClient {
  constructor(
    /** Base URL of the bot (`http://127.0.0.1:port`); can be changed to send later turns elsewhere. */
    public baseUrl: string,
    readonly conversationId: string,
    readonly learnerId: string = `learner-${conversationId}`,
    readonly learnerName = 'Sam Bench',
    /** Web Chat through Azure's Direct Line; `emulator` would also get botbuilder's debugging traces. */
    readonly channelId = 'webchat',
  ) {}

  /** The activity for a turn, as a channel sends it. */
  activity(turn: LearnerTurn): Record<string, unknown> {
    const common = {
      id: `${this.conversationId}-${++sequence}`,
      channelId: this.channelId,
      serviceUrl: 'http://127.0.0.1:1',
      conversation: { id: this.conversationId },
      from: { id: this.learnerId, name: this.learnerName, role: 'user' },
      recipient: { id: 'order-call-trainer', name: 'Order Call Trainer', role: 'bot' },
      timestamp: new Date().toISOString(),
      locale: 'en-GB',
      deliveryMode: 'expectReplies',
    };
    return turn.kind === 'join'
      ? { ...common, type: 'conversationUpdate', membersAdded: [{ id: this.learnerId, name: this.learnerName }] }
      : { ...common, type: 'message', text: turn.text };
  }

  /**
   * Sends one turn and waits for its replies.
   * @throws TurnFailedError on an HTTP status other than 200
   */
  async send(turn: LearnerTurn, url: string = this.baseUrl): Promise<TurnResult> {
    const started = performance.now();
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(this.activity(turn)),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new TurnFailedError(this.conversationId, response.status, text);
    const body = text ? (JSON.parse(text) as { activities?: ReplyActivity[] }) : {};
    return { status: response.status, replies: body.activities ?? [], ms };
  }
}

/** The scorecard in a turn's replies (the coach's message at the end of a call), if any. */
export function scorecardOf(replies: readonly ReplyActivity[]): NonNullable<ReplyActivity['channelData']>['scorecard'] | undefined {
  return replies.find((r) => r.type === 'message' && r.channelData?.scorecard)?.channelData?.scorecard;
}
