// CSV as RFC 4180 has it, for the package's spreadsheet copy of each category: a header
// of column names, then one line per record, CRLF line ends, fields quoted when needed. A cell
// that a spreadsheet would read as a formula (it begins with = + - @, a tab or a carriage
// return) is prefixed with a single quote, so opening a subject's own package runs nothing
// that a processor or a form put into their data (OWASP "CSV injection").

export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: text that a spreadsheet would take for a formula neutralised, then quoted when it
 *  holds a comma, a quote or a line break, quotes doubled. Numbers are written as they are. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of fields, ended by CRLF. */
export function csvLine(values: Cell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
