/**
 * xAPI statements for marked calls: one per applicable criterion per call ("learner scored
 * on criterion X of scenario Y"), with the mark that counts (the assessor's where there is
 * one) as the result, the machine mark, moderation and evidence as result extensions, and
 * the call, scenario, qualification units and assessment criteria as context activities.
 * Ids are name-based UUIDs of the call, criterion and mark, so exporting the same marks twice
 * gives the same statements (an LRS accepts the repeat), and a moderated mark gives a new one.
 */
import type { CallRecord, Mark } from '../../../domain/calls.js';
import type { ScenarioInfo } from '../catalogue.js';
import type { CriterionView } from '../marks.js';
import { isoDuration, uuidV5 } from './ids.js';
import { statementSchema, type XapiActivity, type XapiExtensions, type XapiStatement } from './schema.js';

const LANG = 'en-GB';
const ADL = 'http://adlnet.gov/expapi';
/** ADL's "scored": a numerical value related to an Activity was achieved. */
export const VERB_SCORED = { id: `${ADL}/verbs/scored`, display: { [LANG]: 'scored' } } as const;
const POINTS: Record<Exclude<Mark, 'n/a'>, number> = { met: 2, partly: 1, missed: 0 };
/** `M/502/8587 2.4` → unit `M/502/8587`, criterion `2.4`. */
const REFERENCE = /^([A-Z]\/\d{3}\/\d{4})\s+(\d+(?:\.\d+)*)$/;

/** The IRIs of one export, under a base such as `https://trainer.example.ac.uk`. */
export class XapiIris {
  readonly base: string;

  constructor(base: string) {
    this.base = base.replace(/\/+$/, '');
  }

  activity(...segments: string[]): string {
    return `${this.base}/xapi/activities/${segments.map(encodeURIComponent).join('/')}`;
  }

  extension(name: string): string {
    return `${this.base}/xapi/extensions/${name}`;
  }
}

/** The qualification unit and assessment-criterion activities of a list of references. */
export function qualificationActivities(references: readonly string[], iris: XapiIris): { units: XapiActivity[]; criteria: XapiActivity[] } {
  const units = new Map<string, XapiActivity>();
  const criteria = new Map<string, XapiActivity>();
  for (const ref of references) {
    const m = REFERENCE.exec(ref.trim());
    if (!m) {
      criteria.set(ref, {
        objectType: 'Activity',
        id: iris.activity('qualifications', 'references', ref.trim()),
        definition: { name: { [LANG]: ref.trim() }, type: `${ADL}/activities/objective` },
      });
      continue;
    }
    const [, unit, criterion] = m;
    const unitSlug = unit.replace(/\//g, '-');
    units.set(unit, {
      objectType: 'Activity',
      id: iris.activity('qualifications', unitSlug),
      definition: { name: { [LANG]: `Qualification unit ${unit}` }, type: `${ADL}/activities/module` },
    });
    criteria.set(ref, {
      objectType: 'Activity',
      id: iris.activity('qualifications', unitSlug, criterion),
      definition: { name: { [LANG]: `${unit} assessment criterion ${criterion}` }, type: `${ADL}/activities/objective` },
    });
  }
  return { units: [...units.values()], criteria: [...criteria.values()] };
}

/** Builds the statements of one call. A call with no marks gives none. */
export function callStatements(call: CallRecord, views: readonly CriterionView[], scenario: ScenarioInfo, iris: XapiIris): XapiStatement[] {
  const callActivity: XapiActivity = {
    objectType: 'Activity',
    id: iris.activity('calls', call.id),
    definition: {
      name: { [LANG]: `${call.mode === 'assessment' ? 'Assessed' : 'Practice'} call: ${scenario.title}` },
      type: `${ADL}/activities/${call.mode === 'assessment' ? 'assessment' : 'simulation'}`,
    },
  };
  const scenarioActivity: XapiActivity = {
    objectType: 'Activity',
    id: iris.activity('scenarios', call.scenario),
    definition: { name: { [LANG]: scenario.title }, type: `${ADL}/activities/simulation` },
  };
  const timestamp = call.endedAt ?? call.startedAt;
  const duration = call.endedAt ? isoDuration(Date.parse(call.endedAt) - Date.parse(call.startedAt)) : undefined;
  const registration = uuidV5(`registration|${iris.base}|${call.id}`);

  const statements: XapiStatement[] = [];
  for (const v of views) {
    if (v.effective === undefined || v.effective === 'n/a') continue;
    const latest = v.moderation.at(-1);
    const raw = POINTS[v.effective];
    const { units, criteria } = qualificationActivities(v.references, iris);
    const extensions: XapiExtensions = {
      [iris.extension('criterion')]: v.id,
      [iris.extension('mark')]: v.effective,
      [iris.extension('machine-mark')]: v.machine?.mark ?? null,
      [iris.extension('note')]: v.machine?.note ?? '',
      [iris.extension('evidence')]: (v.machine?.evidence ?? []).map((e) => ({ activity: e.activity, quote: e.quote })),
    };
    if (latest) extensions[iris.extension('moderation')] = { mark: latest.mark, reason: latest.reason, by: latest.by, at: latest.at };
    statements.push({
      id: uuidV5(`statement|${iris.base}|${call.id}|${v.id}|${v.effective}|${latest?.at ?? 'machine'}`),
      actor: {
        objectType: 'Agent',
        ...(call.learner.name ? { name: call.learner.name } : {}),
        account: { homePage: iris.base, name: call.learner.id },
      },
      verb: VERB_SCORED,
      object: {
        objectType: 'Activity',
        id: iris.activity('scenarios', call.scenario, 'criteria', v.id),
        definition: {
          name: { [LANG]: `${v.title} — ${scenario.title}` },
          description: { [LANG]: `Marking-guide criterion "${v.id}" (${v.title}) in the scenario "${scenario.title}".` },
          type: `${ADL}/activities/objective`,
        },
      },
      result: {
        score: { scaled: raw / 2, raw, min: 0, max: 2 },
        success: v.effective === 'met',
        completion: true,
        ...(duration ? { duration } : {}),
        extensions,
      },
      context: {
        registration,
        contextActivities: {
          grouping: [callActivity, scenarioActivity],
          ...(units.length > 0 ? { category: units } : {}),
          ...(criteria.length > 0 ? { other: criteria } : {}),
        },
        platform: 'Order Call Trainer',
        language: LANG,
        extensions: { [iris.extension('mode')]: call.mode, [iris.extension('call')]: call.id },
      },
      timestamp,
    });
  }
  return statements;
}

/** A statement that does not fit the xAPI 1.0.3 structure: a bug in the export. */
export class InvalidStatementError extends Error {
  constructor(
    readonly callId: string,
    readonly problems: string,
  ) {
    super(`xAPI export of call "${callId}" built an invalid statement: ${problems}`);
    this.name = 'InvalidStatementError';
  }
}

/** Checks statements against the 1.0.3 structure before they leave. */
export function assertValidStatements(callId: string, statements: readonly XapiStatement[]): void {
  for (const s of statements) {
    const r = statementSchema.safeParse(s);
    if (!r.success) throw new InvalidStatementError(callId, r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
}
