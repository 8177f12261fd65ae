// Every parser reports bad input as an InputError carrying one located issue,
// so the CLI and the UI can show a single line and never a stack trace.
import type { InputIssue } from './types.ts';

/** One line: `file: feature 3, field "population": message` (CSV: `row 3 (line 4)`). */
export function formatIssue(issue: InputIssue): string {
  const where: string[] = [];
  if (issue.line !== undefined && issue.feature !== undefined) where.push(`row ${issue.feature + 1} (line ${issue.line})`);
  else if (issue.line !== undefined) where.push(`line ${issue.line}`);
  else if (issue.feature !== undefined) where.push(`feature ${issue.feature}`);
  if (issue.field !== undefined) where.push(`field "${issue.field}"`);
  const loc = where.length > 0 ? ` ${where.join(', ')}:` : '';
  // Control characters (incl. terminal escapes) and Unicode line/paragraph
  // separators from the data would break the one line or drive the terminal.
  return `${issue.file}:${loc} ${issue.message}`.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** Bad input, located by file, feature (or CSV row) and field. */
export class InputError extends Error {
  readonly issue: InputIssue;
  constructor(issue: InputIssue) {
    super(formatIssue(issue));
    this.name = 'InputError';
    this.issue = issue;
  }
}

/** Shorthand used by the parsers: throw an InputError. */
export function fail(issue: InputIssue): never {
  throw new InputError(issue);
}
