/**
 * The exports assessors download: the calls CSV, a call's `.transcript` and xAPI statements.
 * Shared by the API routes (and linked from the pages).
 */
import type { CallRecord } from '../../domain/calls.js';
import { callsCsv } from './csv.js';
import type { AssessorService } from './service.js';
import { assertValidStatements, callStatements, XapiIris } from './xapi/statements.js';
import type { XapiStatement } from './xapi/schema.js';

/** The CSV of the records. */
export function csvExport(records: readonly CallRecord[], service: AssessorService): string {
  return callsCsv(records, service.catalogue);
}

/** A call's transcript as the Bot Framework Emulator opens it: a JSON array of activities. */
export function transcriptExport(call: CallRecord): string {
  return `${JSON.stringify(call.transcript, null, 2)}\n`;
}

/**
 * xAPI statements for the marked calls among the records (one per applicable criterion),
 * each checked against the xAPI 1.0.3 structure.
 * @throws InvalidStatementError if a statement is malformed (a bug, never the caller's input)
 */
export function xapiExport(records: readonly CallRecord[], service: AssessorService, base: string): XapiStatement[] {
  const iris = new XapiIris(base);
  return records.flatMap((call) => {
    if (!call.scorecard) return [];
    const statements = callStatements(call, service.views(call), service.catalogue.scenario(call.scenario), iris);
    assertValidStatements(call.id, statements);
    return statements;
  });
}
