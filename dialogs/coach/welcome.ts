/**
 * The coach's welcome (and `/scenarios`): what the trainer is, the scenarios as text, and the
 * same list as an Adaptive Card whose buttons submit `/start <id>` (practice or assessment).
 */
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard } from '../desk/sheet.js';
import { callKind, scenarioLines } from './scenarioList.js';

/** The data a card button submits: the command text it stands for. */
export interface CommandSubmit {
  command: string;
}

/** The scenario list as a card: one block per scenario with Practise / Assessment buttons. */
export function scenarioCard(heading: string, scenarios: readonly LoadedScenario[], footer: string): AdaptiveCard {
  const body: unknown[] = [{ type: 'TextBlock', text: heading, wrap: true, weight: 'Bolder' }];
  for (const { scenario: s } of scenarios) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: s.title, wrap: true, weight: 'Bolder' },
        { type: 'TextBlock', text: `${s.id} · ${callKind(s)}`, wrap: true, isSubtle: true, spacing: 'None' },
        {
          type: 'ActionSet',
          actions: [
            { type: 'Action.Submit', title: 'Practise', data: { command: `/start ${s.id}` } satisfies CommandSubmit },
            { type: 'Action.Submit', title: 'Assessment', data: { command: `/start ${s.id} assessment` } satisfies CommandSubmit },
          ],
        },
      ],
    });
  }
  body.push({ type: 'TextBlock', text: footer, wrap: true, isSubtle: true });
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body };
}

const START_HINT =
  'Start one with /start <scenario-id> (practice, with hints), or /start <scenario-id> assessment (marked, no hints). /help lists every command.';

/** The welcome: text and card with the same content. */
export function welcomeMessage(name: string | undefined, scenarios: readonly LoadedScenario[]): { text: string; card: AdaptiveCard } {
  const who = name && name.trim() && !/^(user|learner)$/i.test(name.trim()) ? `, ${name.trim()}` : '';
  const intro =
    `Welcome to Order Call Trainer${who}. You are a customer service adviser on an order desk: ` +
    'the trainer plays the customer on the phone, you use the order system through desk commands, and the coach marks the call at the end.';
  const heading = 'Scenarios:';
  return {
    text: `${intro}\n\n${heading}\n${scenarioLines(scenarios)}\n\n${START_HINT}`,
    card: scenarioCard(`${intro}\n\n${heading}`, scenarios, START_HINT),
  };
}

/** The answer to `/scenarios`. */
export function scenariosMessage(scenarios: readonly LoadedScenario[]): { text: string; card: AdaptiveCard } {
  const heading = 'Scenarios:';
  return { text: `${heading}\n${scenarioLines(scenarios)}\n\n${START_HINT}`, card: scenarioCard(heading, scenarios, START_HINT) };
}
