/**
 * The simulated customer: an agenda-based user simulator (Schatzmann et al. 2007) playing
 * the caller of one scenario. Deterministic given a seed: the random generator's position
 * is in the JSON state, so the same learner lines replay to the same customer lines and a
 * state restored from storage carries on exactly. No botbuilder here: the call flow wraps it.
 *
 * ```ts
 * const customer = createCustomer(loaded, { seed: 42 });
 * customer.opening();                        // the caller's first line (or "Hello, … speaking")
 * customer.hear('Could I take your account number?', { clock, deskEvents: [] });
 * save(customer.state);                      // plain JSON; createCustomer(loaded, { seed, state }) resumes
 * ```
 */
import type { ScenarioClock } from '../../domain/dates.js';
import type { Recogniser } from '../../domain/language/recogniser.js';
import type { Utterance } from '../../domain/language/types.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import type { FactId } from '../../domain/scenario/vocabulary.js';
import { initialAgenda } from './agenda.js';
import type { DeskEvent } from './desk-events.js';
import { toHeard } from './heard.js';
import { listen } from './listen.js';
import { callerProfile, type CallerProfile } from './profile.js';
import { SeededRandom, seedState } from './random.js';
import { Speech } from './speech.js';
import { copyState, emptyMemory, parseCustomerState, savedState, type CustomerState, type Decisions, type Mood, type PatienceStage, type SavedCustomerState } from './state.js';
import { playTurn } from './turn.js';

/** What the customer says in answer to one learner message (or desk event). */
export interface CustomerReply {
  /** messages to send, in order (usually one; none once the caller has hung up) */
  lines: string[];
  /** the caller has ended the call */
  hungUp: boolean;
  mood: Mood;
  stage: PatienceStage;
  /** hidden facts given away in this reply */
  reveals: FactId[];
  /** the situations voiced, e.g. `answer:postcode`, `ask_price`, `deadline_missed` (for logs and tests) */
  acts: string[];
  /** the caller's decisions so far */
  decisions: Decisions;
  /** set by `onDesk({ kind: 'pay' })`: what happened on the secure payment line */
  payment?: 'completed' | 'abandoned';
}

/** What the call flow knows when the learner speaks. */
export interface HearContext {
  /** the scenario clock now (dates in the message resolve against it) */
  clock: ScenarioClock;
  /** desk actions since the last learner message */
  deskEvents?: readonly DeskEvent[];
}

/** Options for {@link createCustomer}. */
export interface CustomerOptions {
  /** seeds the caller's choice of words; the same seed and lines give the same replies */
  seed: number;
  /** a stored state to resume from (validated) */
  state?: unknown;
  /** the recogniser for learner text (default: one shared instance) */
  recogniser?: Recogniser;
}

/** A simulated caller. */
export interface Customer {
  /** The caller's first line: inbound, what they ring about; outbound, answering the phone. */
  opening(): CustomerReply;
  /**
   * The caller hears one learner message (text, or the recogniser's analysis of it when the
   * call flow has one already) and replies.
   */
  hear(learner: string | Utterance, context: HearContext): CustomerReply;
  /**
   * A desk action the caller experiences directly. Only `pay` does: the caller goes to the
   * secure payment line and comes back saying whether it went through. Others return an
   * empty reply (the caller cannot see the screen) and are remembered.
   */
  onDesk(event: DeskEvent): CustomerReply;
  /**
   * The state to store between turns: plain JSON, a copy, without the fields still at their
   * default (restoring it puts them back: `parseCustomerState(customer.state)` is the whole state).
   */
  readonly state: SavedCustomerState;
  /** The scenario id the caller belongs to. */
  readonly scenarioId: string;
}

/** A fresh state for a scenario's caller. */
export function initialCustomerState(loaded: LoadedScenario, seed: number): CustomerState {
  const profile = callerProfile(loaded);
  const persona = loaded.scenario.customer.persona;
  return {
    version: 1,
    scenarioId: loaded.scenario.id,
    random: seedState(seed),
    turn: 0,
    opened: false,
    hungUp: false,
    mood: persona.mood,
    calmed: false,
    annoyance: 0,
    stage: 'ok',
    abuseWarnings: 0,
    revealed: [],
    askedFacts: {},
    agenda: initialAgenda(profile),
    memory: emptyMemory(),
    decisions: { pushedBack: false, paid: false },
    lastVariant: {},
    nothingElse: false,
    heldGoodbye: false,
    threatened: false,
    remarkedDisclosure: false,
  };
}

function reply(state: CustomerState, speech: Speech | undefined, extra: Partial<CustomerReply> = {}): CustomerReply {
  const text = speech?.text() ?? '';
  return {
    lines: text ? [text] : [],
    hungUp: state.hungUp,
    mood: state.mood,
    stage: state.stage,
    reveals: speech?.reveals ?? [],
    acts: speech ? [...speech.keys] : [],
    decisions: structuredClone(state.decisions),
    ...extra,
  };
}

function openingLine(profile: CallerProfile, state: CustomerState, random: SeededRandom): Speech {
  const speech = new Speech(profile, state, random);
  const persona = profile.scenario.customer.persona;
  if (!speech.say('opening', {}, { scenarioOnly: true })) {
    speech.say(profile.direction === 'outbound' ? 'opening_outbound' : 'opening_inbound');
  }
  // a forthcoming caller gives their name and company straight away
  if (profile.direction === 'inbound' && persona.volunteering === 'high') {
    const missing = (['full_name', 'organisation'] as FactId[]).filter((f) => !state.revealed.includes(f) && profile.facts[f] !== undefined);
    if (missing.length === 2) speech.sayText(`It's ${profile.facts.full_name} from ${profile.facts.organisation}.`, 'volunteer:identity');
    else for (const f of missing) speech.sayText(speech.answer(f), `volunteer:${f}`);
    for (const f of missing) speech.reveal(f);
  }
  return speech;
}

/**
 * The caller expects to pay by card: they chose it, came to pay that way, or were offered
 * the secure line and would take it (an over-credit preference that accepts the card).
 */
function payingByCard(state: CustomerState, profile: CallerProfile): boolean {
  const w = profile.scenario.wants;
  if (state.decisions.credit === 'card' || w.payment === 'card') return true;
  if (state.decisions.credit) return false;
  const cardPref = w.choices.overCredit?.find((p) => p.route === 'card');
  return state.memory.creditRoutes.includes('card') && cardPref !== undefined && cardPref.attitude !== 'reluctant';
}

/**
 * Create the caller of `loaded` (a scenario as the loader returns it). With `state`, resume
 * a stored call; throws {@link CustomerStateError} when the state is invalid or belongs to
 * another scenario.
 */
export function createCustomer(loaded: LoadedScenario, options: CustomerOptions): Customer {
  const profile = callerProfile(loaded);
  let state: CustomerState = options.state === undefined ? initialCustomerState(loaded, options.seed) : parseCustomerState(options.state, loaded.scenario.id);

  /** Run `f` with a generator at the stored position, storing the new position after. */
  function withRandom<T>(f: (random: SeededRandom) => T): T {
    const random = new SeededRandom(state.random);
    try {
      return f(random);
    } finally {
      state.random = random.state;
    }
  }

  return {
    get state(): SavedCustomerState {
      return savedState(state);
    },
    get scenarioId(): string {
      return loaded.scenario.id;
    },
    opening(): CustomerReply {
      if (state.opened || state.hungUp) return reply(state, undefined);
      return withRandom((random) => {
        const speech = openingLine(profile, state, random);
        state.opened = true;
        if (speech.text()) state.memory.lastSaid = speech.text();
        return reply(state, speech);
      });
    },
    hear(learner: string | Utterance, context: HearContext): CustomerReply {
      if (state.hungUp) return reply(state, undefined);
      const utterance = typeof learner === 'string' ? listen(learner, loaded, context.clock, options.recogniser) : learner;
      const heard = toHeard(utterance, profile, state.revealed);
      const next = copyState(state);
      const random = new SeededRandom(next.random);
      const speech = playTurn({ profile, state: next, random }, heard, context.deskEvents ?? []);
      const said = speech.text();
      if (said.includes('?')) next.memory.questionTurn = next.turn;
      if (said) next.memory.lastSaid = said;
      next.random = random.state;
      next.opened = true;
      state = next;
      return reply(state, speech);
    },
    onDesk(event: DeskEvent): CustomerReply {
      if (state.hungUp) return reply(state, undefined);
      if (!state.memory.desk.includes(event.kind)) state.memory.desk.push(event.kind);
      if (event.kind !== 'pay') return reply(state, undefined);
      return withRandom((random) => {
        const speech = new Speech(profile, state, random);
        if (state.decisions.paid) {
          speech.say('already_paid');
          return reply(state, speech, { payment: 'abandoned' });
        }
        if (payingByCard(state, profile)) {
          state.decisions.paid = true;
          if (state.memory.creditProblem) state.decisions.credit = 'card';
          speech.say('payment_done');
          return reply(state, speech, { payment: 'completed' });
        }
        speech.say('payment_unexpected');
        return reply(state, speech, { payment: 'abandoned' });
      });
    },
  };
}
