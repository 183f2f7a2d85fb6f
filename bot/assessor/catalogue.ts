/**
 * What the assessor tools know about criteria and scenarios beyond a call record: criterion
 * titles and qualification references (from the scorecard itself, else the catalogue given
 * at start-up), scenario titles, extra qualification references and pass rules. Scenarios are
 * read from a live source (the server's {@link ScenarioRegistry}) at every look-up, so a
 * scenario added or retitled on disk shows its current title without a restart.
 */
import { CRITERIA, DEFAULT_KEY_CRITERIA, DEFAULT_PASS_SCORE } from '../../domain/scenario/vocabulary.js';
import type { ScenarioSource } from '../../domain/scenario/registry.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';

/** Where the scenarios on offer come from: the live registry, or a fixed list. */
export type ScenarioList = Pick<ScenarioSource, 'list'> | readonly LoadedScenario[];

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

/** What the tools show about a loaded scenario. */
function infoOf({ scenario }: LoadedScenario): ScenarioInfo {
  return {
    id: scenario.id,
    title: scenario.title,
    qualification: scenario.qualification,
    pass: { minScore: scenario.rubric.pass.minScore, keyCriteria: scenario.rubric.pass.keyCriteria },
    weights: scenario.rubric.weights ?? {},
  };
}

/** Looks criteria and scenarios up. */
export class Catalogue {
  readonly #criteria: CriterionCatalogue;
  readonly #source: Pick<ScenarioSource, 'list'>;
  /** Info per loaded scenario object (a reload that changes nothing keeps the same objects). */
  readonly #infos = new WeakMap<LoadedScenario, ScenarioInfo>();
  /** The scenarios on offer at the last look-up, by id, and the list they were read from. */
  #byId = new Map<string, ScenarioInfo>();
  #seen: readonly LoadedScenario[] = [];
  /**
   * Every scenario seen on offer since start-up, by id: a withdrawn scenario's calls keep its
   * last title and pass rule rather than falling back to defaults.
   */
  readonly #lastKnown = new Map<string, ScenarioInfo>();

  /**
   * @param criteria criterion titles and references for scorecards that lack them
   * @param scenarios the live scenario registry (read at every look-up), or a fixed list
   */
  constructor(criteria: CriterionCatalogue = {}, scenarios: ScenarioList = []) {
    this.#criteria = criteria;
    this.#source = isFixedList(scenarios) ? { list: () => scenarios } : scenarios;
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

  /** The scenario's current title, references and pass rule; its last known ones once withdrawn; defaults for one never loaded. */
  scenario(id: string): ScenarioInfo {
    return (
      this.#current().get(id) ??
      this.#lastKnown.get(id) ?? {
        id,
        title: id,
        qualification: [],
        pass: { minScore: DEFAULT_PASS_SCORE, keyCriteria: DEFAULT_KEY_CRITERIA },
        weights: {},
      }
    );
  }

  /** Every scenario on offer now, by title. */
  scenarios(): ScenarioInfo[] {
    return [...this.#current().values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  }

  /** The scenarios on offer now, by id (rebuilt only when the source's list changed). */
  #current(): ReadonlyMap<string, ScenarioInfo> {
    const list = this.#source.list();
    if (list.length === this.#seen.length && list.every((loaded, i) => loaded === this.#seen[i])) return this.#byId;
    const byId = new Map<string, ScenarioInfo>();
    for (const loaded of list) {
      let info = this.#infos.get(loaded);
      if (!info) {
        info = infoOf(loaded);
        this.#infos.set(loaded, info);
      }
      byId.set(info.id, info);
      this.#lastKnown.set(info.id, info);
    }
    this.#seen = list;
    this.#byId = byId;
    return byId;
  }
}

function isFixedList(scenarios: ScenarioList): scenarios is readonly LoadedScenario[] {
  return Array.isArray(scenarios);
}
