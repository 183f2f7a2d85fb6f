/**
 * A desk screen: a title and rows, rendered once as the desk's text message and once as an
 * Adaptive Card (1.5) with the same content, so the card never shows more than the text.
 */

/** An Adaptive Card as plain JSON (the call dialog wraps it as an attachment). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: unknown[];
  actions?: unknown[];
  /** the text shown where a client cannot render the card */
  fallbackText?: string;
}

/** One row of a desk screen: labelled (`Stock: 42 in stock`) or plain. */
export interface SheetRow {
  label?: string;
  text: string;
  /** draw attention (refusals, out of stock) */
  emphasis?: boolean;
}

/** A desk screen. */
export interface DeskSheet {
  title: string;
  rows: SheetRow[];
}

/** The schema URL of Adaptive Cards. */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** A row as a line of text. */
export function rowText(r: SheetRow): string {
  return r.label ? `${r.label}: ${r.text}` : r.text;
}

/** The sheet as the desk's message text: the title, then one line per row. */
export function sheetText(s: DeskSheet): string {
  return [s.title, ...s.rows.map(rowText)].join('\n');
}

/**
 * The sheet as an Adaptive Card: the title, then runs of labelled rows as fact sets and
 * plain rows as text blocks, in order.
 */
export function sheetCard(s: DeskSheet): AdaptiveCard {
  const body: unknown[] = [{ type: 'TextBlock', text: s.title, weight: 'Bolder', wrap: true }];
  let facts: { title: string; value: string }[] = [];
  const flush = (): void => {
    if (facts.length > 0) body.push({ type: 'FactSet', facts });
    facts = [];
  };
  for (const r of s.rows) {
    if (r.label && !r.emphasis) {
      facts.push({ title: r.label, value: r.text });
      continue;
    }
    flush();
    body.push({ type: 'TextBlock', text: rowText(r), wrap: true, ...(r.emphasis ? { color: 'Attention', weight: 'Bolder' } : {}) });
  }
  flush();
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body, fallbackText: sheetText(s) };
}
