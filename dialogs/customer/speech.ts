/**
 * Rendering the caller's acts as words: the scenario's lines first, the default phrase
 * bank otherwise; a seeded choice among variants that avoids repeating the last one used
 * for the same situation (and, once the reply has thanked, one without thanks); placeholders filled from the profile and the turn. A reply is
 * built piece by piece and records which hidden facts it gives away.
 */
import { answerFor, utteranceText } from '../../domain/scenario/facts.js';
import { LINE_KEYS, type FactId, type LineKey } from '../../domain/scenario/vocabulary.js';
import { knownDates, namesOnlyKnownDays } from './days-named.js';
import { DEFAULT_ANSWERS, DEFAULT_LINES, DUE_ANSWERS, NOT_HELD, type SpeechKey } from './phrases.js';
import { speakDate, speakFullDate, type CallerProfile } from './profile.js';
import type { SeededRandom } from './random.js';
import type { CustomerState } from './state.js';

/** Values for placeholders in one line. */
export type SpeechVars = Record<string, string | undefined>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Words of thanks ("thanks", "thank you", "cheers"). */
export const THANKS = /\bthank|\bcheers\b/i;

function fill(template: string, vars: SpeechVars): string | undefined {
  let missing = false;
  const out = template.replace(PLACEHOLDER, (_, name: string) => {
    const v = vars[name];
    if (v === undefined || v === '') missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
}

/** Upper-case the first letter. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isLineKey(k: string): k is LineKey {
  return (LINE_KEYS as readonly string[]).includes(k);
}

/** Which variants of a situation may be said. */
export interface LineOptions {
  /** only the scenario's own lines */
  scenarioOnly?: boolean;
  /** only the default phrase bank */
  defaultsOnly?: boolean;
  /** only variants whose words match (e.g. a general "accept" line that names the option) */
  only?: RegExp;
  /** no variant whose words match (e.g. a remark that asks who is calling, once the adviser has said) */
  except?: RegExp;
}

/** A reply being put together in one turn. */
export class Speech {
  private readonly parts: string[] = [];
  private readonly revealedNow: FactId[] = [];
  readonly keys: string[] = [];

  constructor(
    private readonly profile: CallerProfile,
    private readonly state: CustomerState,
    private readonly random: SeededRandom,
  ) {}

  /** Placeholders every line may use. */
  private baseVars(): SpeechVars {
    const p = this.profile;
    return {
      firstName: p.firstName,
      name: p.scenario.customer.name,
      organisation: p.scenario.customer.organisation,
      items: p.items,
      reason: p.scenario.wants.reason,
      reasonSentence: reasonSentence(p.scenario.wants.reason),
      deadline: p.expected ? speakDate(p.expected.date, p.clock) : undefined,
    };
  }

  /** Choose a variant index for `slot` among `n`, avoiding the last one used. */
  private choose(slot: string, n: number): number {
    if (n <= 1) return 0;
    const last = this.state.lastVariant[slot];
    let i = this.random.below(last === undefined ? n : n - 1);
    if (last !== undefined && i >= last) i++;
    this.state.lastVariant[slot] = i;
    return i;
  }

  /**
   * The words for a situation (scenario line, else default), or undefined when no variant
   * can be filled. A variant naming a day the caller cannot know (see `days-named.ts`) is
   * skipped. Marks facts the chosen line reveals.
   */
  line(key: SpeechKey, vars: SpeechVars = {}, opts: LineOptions = {}): string | undefined {
    const all = { ...this.baseVars(), ...vars };
    const written = !opts.defaultsOnly && isLineKey(key) ? this.profile.scenario.lines[key] : undefined;
    const known = knownDates(this.profile, this.state);
    const sayable = (t: string | undefined): t is string => t !== undefined && namesOnlyKnownDays(t, known) && (!opts.only || opts.only.test(t)) && !opts.except?.test(t);
    const candidates: { text: string; reveals: FactId[] }[] = [];
    if (written && written.length > 0) {
      for (const u of written) {
        const t = utteranceText(u);
        const filled = fill(t.text, all);
        if (sayable(filled)) candidates.push({ text: filled, reveals: t.reveals });
      }
    }
    if (candidates.length === 0 && !opts.scenarioOnly) {
      for (const t of DEFAULT_LINES[key]) {
        const filled = fill(t, all);
        if (sayable(filled)) candidates.push({ text: capitalise(filled), reveals: [] });
      }
    }
    if (candidates.length === 0) return undefined;
    // no thanking twice in one breath ("Thanks for sorting that. Thanks, bye."): a variant without thanks, when there is one
    const thanked = this.parts.some((p) => THANKS.test(p));
    const fresh = thanked ? candidates.filter((c) => !THANKS.test(c.text)) : candidates;
    const pool = fresh.length > 0 ? fresh : candidates;
    const chosen = pool[this.choose(`line:${key}`, pool.length)];
    for (const f of chosen.reveals) this.reveal(f);
    return chosen.text;
  }

  /** True when the scenario writes its own line for `key`. */
  hasScenarioLine(key: SpeechKey): boolean {
    return isLineKey(key) && (this.profile.scenario.lines[key]?.length ?? 0) > 0;
  }

  /** Add the words for a situation to the reply; false when nothing could be said. */
  say(key: SpeechKey, vars: SpeechVars = {}, opts: LineOptions = {}): boolean {
    const text = this.line(key, vars, opts);
    if (text === undefined) return false;
    this.parts.push(text);
    this.keys.push(key);
    return true;
  }

  /** Put the words for a situation before everything said so far. */
  sayFirst(key: SpeechKey, vars: SpeechVars = {}): boolean {
    const text = this.line(key, vars);
    if (text === undefined) return false;
    this.parts.unshift(text);
    this.keys.unshift(key);
    return true;
  }

  /** Record a situation voiced inside another's words (an ask wrapped in "Sorry — …"). */
  note(key: string): void {
    this.keys.push(key);
  }

  /** Add literal words. */
  sayText(text: string, key = 'text'): void {
    this.parts.push(text);
    this.keys.push(key);
  }

  /** The caller's answer giving `fact` (scenario variants, else defaults); marks it revealed. */
  answer(fact: FactId): string {
    const p = this.profile;
    const value = p.facts[fact];
    let text: string | undefined;
    if (value !== undefined) {
      const variants = p.scenario.answers[fact];
      if (variants && variants.length > 0) {
        text = answerFor(p.scenario, fact, this.choose(`answer:${fact}`, variants.length));
      } else {
        const d = DEFAULT_ANSWERS[fact];
        text = capitalise(fill(d[this.choose(`answer:${fact}`, d.length)], { value: this.spokenValue(fact, value) }) ?? value);
      }
      this.reveal(fact);
    } else if (fact === 'needed_by' && p.expected?.kind === 'due') {
      const set = p.expected.date < p.clock.date ? DUE_ANSWERS.past : DUE_ANSWERS.future;
      text = fill(set[this.choose('answer:due', set.length)], { value: speakFullDate(p.expected.date) });
      this.reveal(fact);
    } else {
      const d = NOT_HELD[fact];
      text = d[this.choose(`not-held:${fact}`, d.length)];
    }
    return text ?? '';
  }

  /** A fact's value as the caller would say it when the scenario writes no answer. */
  private spokenValue(fact: FactId, value: string): string {
    const p = this.profile;
    if (fact === 'needed_by' && p.expected) return speakDate(p.expected.date, p.clock);
    if (fact === 'item_quantity' && p.itemsSpoken) return p.itemsSpoken;
    if (fact === 'reason') return reasonSentence(value);
    return value;
  }

  /** Record that a fact has been given. */
  reveal(fact: FactId): void {
    if (!this.state.revealed.includes(fact)) this.state.revealed.push(fact);
    if (!this.revealedNow.includes(fact)) this.revealedNow.push(fact);
  }

  /** Facts given in this reply. */
  get reveals(): FactId[] {
    return [...this.revealedNow];
  }

  /** Nothing said yet. */
  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** The reply as one message (empty string when silent). */
  text(): string {
    return this.parts.join(' ').replace(/\s+/g, ' ').trim();
  }
}

/**
 * The reason for the call as a sentence: "ordering two chairs for a new starter" → "I'm
 * calling about ordering two chairs for a new starter." (scenario reasons are written as
 * what the call is about); a reason written as a sentence is kept.
 */
export function reasonSentence(reason: string): string {
  const r = reason.trim().replace(/[.!]+$/, '');
  if (/^\w+ing\b/i.test(r)) return `I'm calling about ${r.charAt(0).toLowerCase()}${r.slice(1)}.`;
  return `${capitalise(r)}.`;
}

/** A date the adviser said, as the caller repeats it ("Tuesday", "Monday the 13th"). */
export function spokenDate(profile: CallerProfile, date: string): string {
  return speakDate(date, profile.clock);
}
