/** Errors found in a tutor's scenario or organisation file, each with file and line. */

/** One problem in a file, at a line (1-based) and column. */
export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** where in the document, e.g. `customer.persona.patience` ('' for the whole file) */
  path: string;
  message: string;
}

/** `file:line: path: message`, the form the CLI and the bot's log print. */
export function formatIssue(i: ScenarioIssue): string {
  return `${i.file}:${i.line}: ${i.path ? `${i.path}: ` : ''}${i.message}`;
}

/** Every problem found in one file. The file is skipped; other files still load. */
export class ScenarioFileError extends Error {
  readonly file: string;
  readonly issues: readonly ScenarioIssue[];

  constructor(file: string, issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n') || `${file}: invalid`);
    this.name = 'ScenarioFileError';
    this.file = file;
    this.issues = issues;
  }
}
