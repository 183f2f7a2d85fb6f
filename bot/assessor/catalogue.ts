/**
 * What the assessor tools know about criteria and scenarios beyond a call record: criterion
 * titles and qualification references (from the scorecard itself, else the catalogue given
 * at start-up), scenario titles, extra qualification references and pass rules.
 */
import { CRITERIA, DEFAULT_KEY_CRITERIA, DEFAULT_PASS_SCORE } from '../../domain/scenario/vocabulary.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';

/** A criterion's title and qualification references. */
export interface CriterionInfo {
  title: string;
  references: readonly string[];
}

/** Criterion titles and references, by criterion id. */
export type CriterionCatalogue = Readonly<Record<string, CriterionInfo>>;

/** How a scenario decides a pass (marking guide, "Scoring"; a scenario may set its own). */
export interface PassRule {
  minScore: number;
  keyCriteria: readonly string[];
}

/** What the tools show about a scenario. */
export interface ScenarioInfo {
  id: string;
  title: string;
  /** References the scenario adds beyond those of its criteria. */
  qualification: readonly string[];
  pass: PassRule;
  /** Criterion weights in the score (default 1). */
  weights: Readonly<Record<string, number>>;
}

/** `state_price` → `State price`, for criteria nothing else names. */
export function humanise(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Looks criteria and scenarios up. */
export class Catalogue {
  readonly #criteria: CriterionCatalogue;
  readonly #scenarios = new Map<string, ScenarioInfo>();

  constructor(criteria: CriterionCatalogue = {}, scenarios: readonly LoadedScenario[] = []) {
    this.#criteria = criteria;
    for (const { scenario } of scenarios) {
      this.#scenarios.set(scenario.id, {
        id: scenario.id,
        title: scenario.title,
        qualification: scenario.qualification,
        pass: { minScore: scenario.rubric.pass.minScore, keyCriteria: scenario.rubric.pass.keyCriteria },
        weights: scenario.rubric.weights ?? {},
      });
    }
  }

  /** Criterion ids in marking-guide order, then any others the given scorecards name. */
  criterionIds(extra: Iterable<string> = []): string[] {
    const ids: string[] = [...CRITERIA];
    for (const id of extra) if (!ids.includes(id)) ids.push(id);
    return ids;
  }

  /**
   * Title and references of a criterion: what the scorecard says (the marker writes them),
   * else the catalogue, else the id made readable with no references.
   */
  criterion(id: string, fromScorecard?: { title?: unknown; references?: unknown }): CriterionInfo {
    const known = this.#criteria[id];
    const title = typeof fromScorecard?.title === 'string' && fromScorecard.title ? fromScorecard.title : (known?.title ?? humanise(id));
    const refs = fromScorecard?.references;
    const references =
      Array.isArray(refs) && refs.length > 0 && refs.every((r) => typeof r === 'string') ? (refs as string[]) : (known?.references ?? []);
    return { title, references };
  }

  /** The scenario's title, references and pass rule; defaults for a scenario not loaded. */
  scenario(id: string): ScenarioInfo {
    return (
      this.#scenarios.get(id) ?? {
        id,
        title: id,
        qualification: [],
        pass: { minScore: DEFAULT_PASS_SCORE, keyCriteria: DEFAULT_KEY_CRITERIA },
        weights: {},
      }
    );
  }

  /** Every loaded scenario, by title. */
  scenarios(): ScenarioInfo[] {
    return [...this.#scenarios.values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  }
}
