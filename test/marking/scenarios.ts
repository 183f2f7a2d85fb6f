/** Scenarios for the marking tests: the shipped ones, and a tutor-written one under test fixtures. */
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { prepareScenario, type PreparedScenario } from '../../dialogs/marking/marker.js';

const cache = new Map<string, Map<string, PreparedScenario>>();

function load(dir: string): Map<string, PreparedScenario> {
  let m = cache.get(dir);
  if (!m) {
    const r = loadScenarioDir(dir);
    if (r.errors.length) throw new Error(`scenario errors in ${dir}: ${r.errors.map((e) => e.message).join('\n')}`);
    m = new Map(r.scenarios.map((s) => [s.scenario.id, prepareScenario(s)]));
    cache.set(dir, m);
  }
  return m;
}

/** A shipped scenario (scenarios/), prepared for marking. */
export function shipped(id: string): PreparedScenario {
  const s = load('scenarios').get(id);
  if (!s) throw new Error(`no shipped scenario ${id}`);
  return s;
}

/** A scenario from test/fixtures/scenarios (written for these tests, set in another organisation). */
export function tutorScenario(id: string): PreparedScenario {
  const s = load('test/fixtures/scenarios').get(id);
  if (!s) throw new Error(`no fixture scenario ${id}`);
  return s;
}

/** A scenario from any folder of scenario files (e.g. a held-out set's tutor scenarios). */
export function scenarioIn(dir: string, id: string): PreparedScenario {
  const s = load(dir).get(id);
  if (!s) throw new Error(`no scenario ${id} in ${dir}`);
  return s;
}
