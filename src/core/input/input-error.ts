// Every parser reports bad input as an InputError carrying one located issue,
// so the CLI and the UI can show a single line and never a stack trace.
import type { InputIssue } from '../types';

/** One line: `file: feature 3, field "population": message` (CSV: `row 3 (line 4)`). */
export function formatIssue(issue: InputIssue): string {
  const where: string[] = [];
  if (issue.line !== undefined && issue.feature !== undefined) where.push(`row ${issue.feature + 1} (line ${issue.line})`);
  else if (issue.line !== undefined) where.push(`line ${issue.line}`);
  else if (issue.feature !== undefined) where.push(`feature ${issue.feature}`);
  if (issue.field !== undefined) where.push(`field "${issue.field}"`);
  const loc = where.length > 0 ? ` ${where.join(', ')}:` : '';
  return plainText(`${issue.file}:${loc} ${issue.message}`);
}

// C0 and C1 control characters (newlines, ESC and CSI start terminal escape
// sequences), Unicode line/paragraph separators, and the bidirectional marks,
// embeddings, overrides and isolates that reorder what is shown around them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/**
 * Text from the data made safe to show on one line of a terminal or a page:
 * every run of control characters becomes one space, so a name cannot clear
 * the screen, set the window title, colour the output, start a new line
 * (forging a table row or a message) or reverse the text around it.
 * @example plainText('A\u001b[2J\nB') === 'A [2J B'
 */
export function plainText(s: string): string {
  return s.replace(CONTROL, ' ');
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

/**
 * A short JSON-like rendering of a value from the file, for messages. Unlike
 * JSON.stringify it never recurses deeper than 3 levels (a 100 000-deep array
 * would overflow the stack), never calls the value's own toString (an object
 * with a "toString" key makes String(x) throw), shows non-finite numbers as
 * such, and stops after about `max` characters.
 * @example preview(['113.9', 22.7]) === '["113.9",22.7]'
 */
export function preview(value: unknown, max = 60): string {
  let out = '';
  const write = (v: unknown, depth: number): void => {
    if (out.length > max) return;
    if (typeof v === 'string') out += JSON.stringify(v.length > max ? v.slice(0, max) : v);
    else if (typeof v === 'number') out += String(v);
    else if (v === null || typeof v === 'boolean' || v === undefined) out += String(v);
    else if (depth >= 3) out += Array.isArray(v) ? '[…]' : '{…}';
    else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && out.length <= max; i++) {
        if (i > 0) out += ',';
        write(v[i], depth + 1);
      }
      out += ']';
    } else if (typeof v === 'object') {
      out += '{';
      let first = true;
      for (const k of Object.keys(v)) {
        if (out.length > max) break;
        out += `${first ? '' : ','}${JSON.stringify(k.length > max ? k.slice(0, max) : k)}:`;
        first = false;
        write((v as Record<string, unknown>)[k], depth + 1);
      }
      out += '}';
    } else out += typeof v;
  };
  write(value, 0);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** A geometry or collection type for messages: strings as they are, anything else previewed. */
export function typeName(value: unknown): string {
  if (typeof value !== 'string') return preview(value);
  if (value === '') return '""';
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
