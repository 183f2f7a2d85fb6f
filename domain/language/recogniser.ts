/**
 * The one recogniser: reads an adviser's message into an {@link Utterance} for
 * both the customer simulator and the marker.
 *
 * ```ts
 * const recogniser = createRecogniser();
 * recogniser.warmUp();                       // once at start-up (~1 s)
 * const u = recogniser.analyse('Could I take your account number and postcode?', { clock });
 * u.facts   // [{ fact: 'account_number', … }, { fact: 'postcode', … }]
 * ```
 */
import { findDates } from './date-mentions.js';
import { factCues, isRequestFrame } from './fact-cues.js';
import { FACT_IDS, MOVE_IDS, TRAINED_MOVE_IDS, isFactId, type CueMoveId, type FactId, type IntentLabel, type MoveId } from './intents.js';
import { trainClassifier, type ClassifierKind, type IntentClassifier, type LabelScore } from './intent-classifier.js';
import { findMoney } from './money.js';
import { isProblemDetail, isProblemNews, messageCueMoves } from './cue-moves.js';
import { daysSaid, followUpCue, hoursSaid, moveCues, teamCues, termCues } from './move-cues.js';
import { findCues } from './negation.js';
import { Normaliser, rawTokens } from './normalise.js';
import { findIntroduction, findNames } from './people.js';
import { findQuantities } from './quantities.js';
import { warmUpRecognizers } from './recognizers.js';
import { findReferences } from './references.js';
import { saysStreetAddress } from './street-address.js';
import { isQuestionText, splitClauses, splitSentences } from './sentences.js';
import { hasLapse, styleSignals } from './style.js';
import { findTimes } from './times.js';
import { loadTrainingData } from './training-data.js';
import type {
  AnalyseContext, DateMention, FactRequest, FollowUp, IntentScore, ReferenceKind, ReferenceMention,
  Sentence, Span, TeamMention, TermMention, Utterance, WorkingDayFn,
} from './types.js';

/** Options for {@link createRecogniser}. */
export interface RecogniserOptions {
  /** natural classifier to use (default `bayes`; see docs/decisions). */
  classifier?: ClassifierKind;
  /** Analyses kept in the cache, keyed by text + clock (default 5000; 0 disables). */
  cacheSize?: number;
  /** Company names to recognise in introductions, used when the context gives none. */
  organisationNames?: readonly string[];
  /** Product codes to snap typed variants to, used when the context gives none. */
  productCodes?: readonly string[];
  /** Minimum classifier score for a move (default 0.6). */
  moveThreshold?: number;
  /** Minimum classifier score for a fact request (default 0.55). */
  factThreshold?: number;
}

/**
 * The entities of one message without its intents: sentences, negation and hedge cues,
 * references, money, dates, times and quantities — exactly the same fields
 * {@link Recogniser.analyse} gives, from the same code. What offline marking needs.
 */
export type Extraction = Pick<Utterance, 'original' | 'sentences' | 'cues' | 'references' | 'money' | 'dates' | 'times' | 'quantities'>;

/** The recogniser. */
export interface Recogniser {
  /** Read one adviser message. Pure apart from the cache: the same text and clock give the same answer. */
  analyse(text: string, ctx: AnalyseContext): Utterance;
  /**
   * Read only the entities of one message (no normalisation, classifier or cue rules: a
   * fraction of the cost). Its fields equal those of `analyse` for the same text and context.
   */
  extract(text: string, ctx: AnalyseContext): Extraction;
  /**
   * Run a few analyses so the first real message is fast, and load the Recognizers-Text models
   * (unless `recognizersText: false`: they are needed only for what our own patterns leave
   * unread, rarely, and then load on first use — ~0.5 s and a much larger heap saved for
   * offline marking; the live bot loads them at start-up so no turn waits).
   */
  warmUp(options?: { recognizersText?: boolean }): void;
  /** The classifier in use. */
  readonly classifierKind: ClassifierKind;
}

/** Reference kinds that are the stored value of a fact (for read-out detection). */
const VALUE_KIND: Partial<Record<FactId, ReferenceKind>> = {
  postcode: 'postcode',
  email: 'email',
  phone: 'phone',
  account_number: 'account',
  order_number: 'order',
};

const STATEMENT_OPENING = /^(?:i|we|you|it|that|this|there|they|he|she)(?: just| also)? (?:will|would|have|am|are|is|can|had|did|was|were|should|could|get|got)\b/;
/**
 * Words about the goods themselves — their box, packaging, parts, paperwork — in a clause
 * with no fact keyword: the question is about the goods ("Have you still got the box?"),
 * so the classifier's fact labels (trained on "have you got your order number?") do not apply.
 */
const ABOUT_THE_GOODS = /\b(?:box|boxes|packaging|packing|packed|wrapping|carton|receipt|instructions|manual|parts|screws|fittings|legs|frame|assembled|assemble|put together|built|used|damage|damaged|scratch\w*|fault\w*|broken)\b/;
const READ_BACK = /\b(?:so that is|to confirm|recap|summar|just to (?:repeat|confirm)|read (?:it|that) back|that is your order|your order number is|order number is)\b/;
const READ_OUT_FRAME = /\b(?:is (?:it|that|this|your|the)|still|can you confirm (?:that|it is|your \w+ is)|confirm (?:that )?(?:your|the) \w+ (?:is|as)|have (?:we|i) got)\b/;

/** Moves that may follow a hold without undoing it ("Bear with me. Thanks for waiting."). */
const AROUND_A_HOLD = new Set<MoveId>(['hold', 'apology', 'thanks', 'acknowledge', 'empathy', 'greeting', 'small_talk']);

/** Messages read once at warm-up: money, dates, references, quantities, questions, cue moves. */
const WARM_UP_SAMPLES = [
  'Good morning, Harbour & Pike, Sam speaking. Could I take your account number and postcode, please?',
  "It's £965.52 including VAT, or 804.60 plus VAT, nine hundred and sixty five pounds fifty two, arriving Thursday 5 March.",
  "Six ch erg 200 chairs for AC-20417, order SO-49002, LS6 2QT, 0113 496 0321, priya@example.com — that's over your credit limit.",
  "Within three working days, early next week, in a couple of days, the 5th, next Tuesday; I'll call you back by noon tomorrow.",
  'Sorry, the couriers are useless and two were damaged. Would you prefer a split delivery? So that is six chairs, is that right?',
];

/** Build the recogniser: loads and validates the training data and trains the classifier (~50 ms for Bayes). */
export function createRecogniser(options: RecogniserOptions = {}): Recogniser {
  const kind = options.classifier ?? 'bayes';
  const moveT = options.moveThreshold ?? 0.6;
  const factT = options.factThreshold ?? 0.55;
  const examples = loadTrainingData();
  const words: string[] = [];
  for (const e of examples) for (const t of rawTokens(e.text)) words.push(t);
  const normaliser = new Normaliser(words);
  const classifier: IntentClassifier = trainClassifier(
    examples.map((e) => ({ label: e.label, view: normaliser.normalise(e.text), isQuestion: isQuestionText(e.text) })),
    kind,
  );
  const cacheSize = options.cacheSize ?? 5000;
  const cache = new Map<string, Utterance>();
  const calendarIds = new WeakMap<WorkingDayFn, number>();
  let nextCalendarId = 1;

  const calendarKey = (f: WorkingDayFn | undefined) => {
    if (!f) return 0;
    let id = calendarIds.get(f);
    if (id === undefined) {
      id = nextCalendarId++;
      calendarIds.set(f, id);
    }
    return id;
  };

  const extractions = new Map<string, Extraction>();
  const keyOf = (text: string, ctx: AnalyseContext) =>
    `${ctx.clock.date}T${ctx.clock.time}|${calendarKey(ctx.calendar)}|${(ctx.organisationNames ?? []).join(',')}|${(ctx.productCodes ?? []).join(',')}|${text}`;
  const remember = <T>(m: Map<string, T>, key: string, value: T): T => {
    if (cacheSize > 0) {
      if (m.size >= cacheSize) m.delete(m.keys().next().value as string);
      m.set(key, value);
    }
    return value;
  };

  function analyse(text: string, ctx: AnalyseContext): Utterance {
    const key = keyOf(text, ctx);
    return cache.get(key) ?? remember(cache, key, compute(text, ctx, extract(text, ctx)));
  }

  function extract(text: string, ctx: AnalyseContext): Extraction {
    const key = keyOf(text, ctx);
    return extractions.get(key) ?? remember(extractions, key, computeEntities(text, ctx));
  }

  /** Runs of 60+ non-space characters are no words or amounts; blanking them (same length, so spans stay true) keeps the regular expressions linear on pasted junk. */
  function blank(original: string): string {
    return original.replace(/\S{60,}/g, (m) => ' '.repeat(m.length));
  }

  function computeEntities(original: string, ctx: AnalyseContext): Extraction {
    const text = blank(original);
    const sentences = splitSentences(text);
    const cues = findCues(text, sentences);
    const references = findReferences(text, sentences, ctx.productCodes ?? options.productCodes ?? []);
    const money = findMoney(text, sentences, cues, references);
    const dates = findDates(text, sentences, cues, ctx.clock, ctx.calendar, [...references, ...money]);
    const times = findTimes(text, sentences);
    const quantities = findQuantities(text, sentences, references, [...money, ...dates, ...references.filter((r) => r.kind !== 'product')]);
    return { original, sentences, cues, references, money, dates, times, quantities };
  }

  function compute(original: string, ctx: AnalyseContext, entities: Extraction): Utterance {
    const text = blank(original);
    const { sentences, cues, references, money, dates, times, quantities } = entities;
    const names = findNames(text, sentences);
    const introduction = findIntroduction(text, ctx.organisationNames ?? options.organisationNames ?? []);
    const style = styleSignals(text);

    const moveHits = new Map<MoveId, IntentScore>();
    const facts: FactRequest[] = [];
    const terms: TermMention[] = [];
    const teams: TeamMention[] = [];
    const followUps: FollowUp[] = [];

    /** Every move seen, with its sentence (`moveHits` keeps only the strongest of each). */
    const movesSeen: { intent: MoveId; sentence: number }[] = [];
    const addMove = (intent: MoveId, score: number, source: 'classifier' | 'rule', s: Sentence) => {
      movesSeen.push({ intent, sentence: s.index });
      const negated = cues.some((c) => c.kind === 'negation' && c.sentence === s.index);
      const hedged = cues.some((c) => c.kind === 'hedge' && c.sentence === s.index);
      const prev = moveHits.get(intent);
      if (!prev) {
        moveHits.set(intent, { intent, score, source, sentence: s.index, negated, hedged });
        return;
      }
      const merged = prev.source === source ? prev.source : 'both';
      if (score > prev.score) moveHits.set(intent, { intent, score, source: merged, sentence: s.index, negated, hedged });
      else prev.source = merged;
    };
    const addFact = (fact: FactId, score: number, source: 'classifier' | 'rule', s: Sentence, readOut: boolean) => {
      const prev = facts.find((f) => f.fact === fact);
      if (prev) {
        if (prev.source !== source) prev.source = 'both';
        prev.score = Math.max(prev.score, score);
        prev.readOut = prev.readOut || readOut;
        return;
      }
      facts.push({ fact, score, source, sentence: s.index, readOut });
    };

    const sentenceCues = new Map<number, CueMoveId[]>();
    for (const s of sentences) {
      const plain = normaliser.normalise(s.text, { mask: false }).text;
      const cueMoves = messageCueMoves(normaliser.normalise(s.text).text, s.text.toLowerCase());
      sentenceCues.set(s.index, cueMoves);
      // "Which would you prefer?" asks for a choice, not for the items again
      const choosing = cueMoves.includes('ask_choice');
      const inSentence = (x: Span & { sentence: number }) => x.sentence === s.index;
      const sentenceRefs = references.filter(inSentence);
      const sentenceNames = names.filter(inSentence);

      // Facts and classifier moves, clause by clause (a message can ask for several facts).
      const clauses = splitClauses(s);
      const scored: { span: Span; scores: LabelScore[]; request: boolean; ruleFacts: FactId[] }[] = [];
      for (const span of clauses.length > 1 ? [...clauses, s] : [s]) {
        const t = text.slice(span.start, span.end);
        const view = normaliser.normalise(t);
        const clausePlain = normaliser.normalise(t, { mask: false }).text;
        const q = isQuestionText(t) || isQuestionText(clausePlain) || (s.isQuestion && span.end >= s.end - 1);
        const request = isRequestFrame(clausePlain, q) || (s.isQuestion && !STATEMENT_OPENING.test(clausePlain));
        const ruleFacts = request ? factCues(clausePlain, true) : [];
        // "Have you still got the box?" asks about the goods, not for one of the caller's details
        const aboutGoods = ruleFacts.length === 0 && ABOUT_THE_GOODS.test(clausePlain);
        scored.push({ span, scores: classifier.classify(view, s.isQuestion), request: request && !aboutGoods, ruleFacts });
      }
      const isWhole = (x: { span: Span }) => x.span === s;
      const clauseRows = scored.filter((x) => !isWhole(x) || scored.length === 1);
      const sentenceRuleFacts = new Set(clauseRows.flatMap((x) => x.ruleFacts));
      for (const row of clauseRows) for (const f of row.ruleFacts) addFact(f, 1, 'rule', s, false);
      const sentenceAsksFacts = () => facts.some((f) => f.sentence === s.index);
      for (const row of scored) {
        const top = row.scores[0];
        if (!top) continue;
        if (top.label.startsWith('fact:')) {
          const f = top.label.slice(5);
          if (isFactId(f) && row.request && top.score >= factT && (sentenceRuleFacts.size === 0 ? !choosing : sentenceRuleFacts.has(f))) addFact(f, top.score, 'classifier', s, false);
        }
        // A fact question is not also a classifier-only move (rules still apply).
        if (sentenceAsksFacts()) continue;
        for (const ls of row.scores.slice(0, 2)) {
          if (ls.score >= moveT && !ls.label.startsWith('fact:')) addMove(ls.label as MoveId, ls.score, 'classifier', s);
        }
      }

      // Read-outs: a stored value of the fact's kind said in a question about it.
      if (s.isQuestion && !READ_BACK.test(plain)) {
        for (const f of facts.filter((x) => x.sentence === s.index)) {
          const kindOf = VALUE_KIND[f.fact];
          if (kindOf && sentenceRefs.some((r) => r.kind === kindOf)) f.readOut = true;
          if (f.fact === 'full_name' && sentenceNames.length) f.readOut = true;
        }
        if (READ_OUT_FRAME.test(plain)) {
          for (const [fact, kindOf] of Object.entries(VALUE_KIND) as [FactId, ReferenceKind][]) {
            if (sentenceRefs.some((r: ReferenceMention) => r.kind === kindOf)) addFact(fact, 1, 'rule', s, true);
          }
        }
        if (sentenceNames.length && /\b(?:is (?:this|that|it)|am i (?:speaking|talking)|(?:speak|speaking|talking) (?:to|with))\b/.test(plain)) addFact('full_name', 1, 'rule', s, true);
        // "And you're still at 12 Headingley Lane?": the address read out for the caller to agree to
        if (saysStreetAddress(plain) && (READ_OUT_FRAME.test(plain) || facts.some((f) => f.sentence === s.index && f.fact === 'delivery_address'))) addFact('delivery_address', 1, 'rule', s, true);
        // a question reading stored details out asks for nothing else: what the classifier alone
        // half-read in it ("…still at 12 Headingley Lane?" as the organisation) is dropped
        if (facts.some((f) => f.sentence === s.index && f.readOut && f.source !== 'classifier')) {
          for (let i = facts.length - 1; i >= 0; i--) if (facts[i].sentence === s.index && facts[i].source === 'classifier' && !facts[i].readOut) facts.splice(i, 1);
          for (const [m, hit] of moveHits) if (hit.sentence === s.index && hit.source === 'classifier') moveHits.delete(m);
        }
      }

      // Rule moves.
      for (const m of moveCues(plain)) addMove(m, 1, 'rule', s);
      if (money.some(inSentence)) addMove('state_price', 1, 'rule', s);
      if (dates.some((d: DateMention) => inSentence(d) && statesDate(d))) addMove('state_date', 1, 'rule', s);
      // Terms are stated, not asked: none in a sentence asking for facts.
      const sentenceTerms = sentenceAsksFacts() ? [] : termCues(plain);
      for (const t of sentenceTerms) {
        const days = t === 'credit_control_reply' ? undefined : daysSaid(plain);
        const hours = t === 'credit_control_reply' ? hoursSaid(plain) : undefined;
        terms.push({ term: t, sentence: s.index, negated: cues.some((c) => c.kind === 'negation' && c.sentence === s.index), ...(days !== undefined ? { days } : {}), ...(hours !== undefined ? { hours } : {}) });
      }
      if (sentenceTerms.some((t) => t !== 'confirmation_email')) addMove('explain_terms', 1, 'rule', s);
      for (const t of teamCues(plain)) teams.push({ ...t, sentence: s.index });
      const fu = followUpCue(plain);
      if (fu) {
        const timed = times.some(inSentence) || dates.some((d) => inSentence(d) && d.kind === 'date');
        followUps.push({ channel: fu.channel, timed, sentence: s.index, text: fu.text });
        addMove('arrange_follow_up', 1, 'rule', s);
      }
    }

    // Cue-only moves: options, routes, fob-offs, recaps… over the whole message; problem news per statement.
    const view = normaliser.normalise(text);
    const lower = text.toLowerCase().replace(/[’‘]/g, "'");
    for (const s of sentences) for (const m of sentenceCues.get(s.index) ?? []) addMove(m, 1, 'rule', s);
    // a cue said across sentences ("Two can go today. The rest will follow") counts for the message
    if (sentences.length) for (const m of messageCueMoves(view.text, lower)) if (!moveHits.has(m)) addMove(m, 1, 'rule', sentences[0]);
    for (const s of sentences) {
      if (isProblemDetail(s.text, s.isQuestion)) addMove('problem_detail', 1, 'rule', s);
      if (!isProblemNews(s.text, s.isQuestion)) continue;
      addMove('problem_news', 1, 'rule', s);
      addMove('explain_problem', 1, 'rule', s);
    }
    if (sentences.length) {
      if (teams.some((t) => t.team === 'credit_control')) addMove('offer_credit_control', 1, 'rule', sentences[teams.find((t) => t.team === 'credit_control')!.sentence]);
      const pay = moveHits.get('take_payment');
      if (pay) addMove('offer_card', pay.score, 'rule', sentences[pay.sentence]);
      if (style.insults.length) addMove('insult', 1, 'rule', sentences[0]);
      if (style.blameCaller.length) addMove('blame_caller', 1, 'rule', sentences[0]);
      if (style.blameOthers.length) addMove('blame', 1, 'rule', sentences[0]);
    }

    if (introduction && sentences.length) {
      const at = sentences.find((s) => (introduction.name && s.text.includes(introduction.name)) || (introduction.company && s.text.includes(introduction.company))) ?? sentences[0];
      addMove('self_introduction', 1, 'rule', at);
    }
    if (hasLapse(style) && sentences.length) addMove('unprofessional', 1, 'rule', sentences[0]);
    if (style.blame.length && sentences.length) addMove('abusive', 1, 'rule', sentences[0]);

    // "Sorry, hang on, I've missed the discount. It's £484.98.": a hold only when nothing of substance follows it
    const hold = moveHits.get('hold');
    if (hold) {
      const last = Math.max(...movesSeen.filter((m) => m.intent === 'hold').map((m) => m.sentence));
      const after = (x: { sentence: number }) => x.sentence > last;
      const moreSaid =
        [money, dates, quantities, references, facts].some((xs) => xs.some(after)) || movesSeen.some((m) => after(m) && !AROUND_A_HOLD.has(m.intent));
      if (moreSaid) moveHits.delete('hold');
    }

    // A fact request is not also the generic moves it resembles.
    if (facts.length) {
      for (const m of ['acknowledge'] as MoveId[]) moveHits.delete(m);
    }

    const intents = [...moveHits.values()].sort((a, b) => b.score - a.score || MOVE_IDS.indexOf(a.intent) - MOVE_IDS.indexOf(b.intent));
    facts.sort((a, b) => a.sentence - b.sentence || FACT_IDS.indexOf(a.fact) - FACT_IDS.indexOf(b.fact));
    return {
      original,
      normalised: view,
      sentences,
      intents,
      facts,
      money,
      dates,
      times,
      references,
      quantities,
      names,
      ...(introduction ? { introduction } : {}),
      cues,
      terms,
      teams,
      followUps,
      style,
    };
  }

  return {
    analyse,
    extract,
    classifierKind: kind,
    warmUp(warmOptions = {}) {
      if (warmOptions.recognizersText !== false) warmUpRecognizers();
      // one pass over each kind of entity and rule, so the first real message is not the one
      // that compiles them (not cached: the samples never occupy the cache)
      const ctx = { clock: { date: '2026-03-02', time: '10:15' }, productCodes: ['CH-ERG-200'], organisationNames: ['Harbour & Pike'] };
      for (const sample of WARM_UP_SAMPLES) compute(sample, ctx, computeEntities(sample, ctx));
    },
  };
}

/** A date mention that states a date to the customer (not "today" in "how can I help today?"). */
function statesDate(d: DateMention): boolean {
  if (d.role === 'follow_up') return false;
  if (d.form === 'relative' && /^(?:today|tonight|this\s+(?:morning|afternoon|evening))$/i.test(d.text)) return d.role === 'delivery' || d.role === 'collection';
  return true;
}

/** All labels the classifier knows (facts as `fact:<id>`). */
export function intentLabels(): IntentLabel[] {
  return [...FACT_IDS.map((f) => `fact:${f}` as IntentLabel), ...TRAINED_MOVE_IDS];
}
