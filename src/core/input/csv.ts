// Minimal RFC 4180 CSV reader: quoted fields with "" escapes, CRLF or LF,
// a leading UTF-8 BOM stripped (Excel writes one). Enough for hall lists.

export interface CsvRow {
  cells: string[];
  line: number; // 1-based line where the row starts
}

/** Split CSV text into rows of cells; blank lines are skipped. On an unclosed quote, the line where that quote opened. */
export function parseCsv(text: string): CsvRow[] | { unclosedQuoteLine: number } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      cell = '';
      inQuotes = true;
      quoteLine = line;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (inQuotes) return { unclosedQuoteLine: quoteLine };
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
