// CSV for spreadsheets: Excel on Chinese Windows reads a file as GBK unless it
// starts with a UTF-8 byte-order mark, and runs any cell starting with = + - @
// as a formula. So: BOM, RFC 4180 quoting, CRLF line ends, and text cells that
// could start a formula get a leading apostrophe. Numbers are written as
// numbers (a negative longitude stays a number). A title line, when given,
// is one cell above the header row: a spreadsheet shows it in A1, and a
// column sum (=SUM(D:D)) skips it like the header, as text.

/** UTF-8 byte-order mark: makes Excel read the file as UTF-8. */
export const BOM = '\uFEFF';

export type CsvValue = string | number | null;

// Characters that make Excel, LibreOffice or Sheets treat a cell as a formula
// (tab and carriage return too, per OWASP's CSV injection advice).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as written by String() (non-finite → empty), text neutralised and quoted when needed. */
export function csvCell(v: CsvValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, the title line if any, header row, data rows, CRLF line ends. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[], title?: string): string {
  const lines = [...(title === undefined ? [] : [csvCell(title)]), header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
