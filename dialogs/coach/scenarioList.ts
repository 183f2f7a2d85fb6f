/** The scenarios as the coach lists them: id, title, and what kind of call it is. */
import type { LoadedScenario } from '../../domain/scenario/schema.js';

/** "inbound call · new order" */
export function callKind(s: LoadedScenario['scenario']): string {
  const purpose: Record<string, string> = {
    place: 'new order',
    change: 'change an order',
    cancel: 'cancel or return',
    chase: 'chasing a delivery',
    update: 'update the customer',
  };
  return `${s.kind.direction === 'inbound' ? 'inbound call' : 'you make the call'} · ${purpose[s.kind.purpose] ?? s.kind.purpose}`;
}

/** One line per scenario: "- place-ergo-chairs: New order — … (inbound call · new order)". */
export function scenarioLines(scenarios: readonly LoadedScenario[]): string {
  if (scenarios.length === 0) return 'No scenarios are loaded. Ask your tutor to check the scenario files.';
  return scenarios.map(({ scenario: s }) => `- ${s.id}: ${s.title} (${callKind(s)})`).join('\n');
}
