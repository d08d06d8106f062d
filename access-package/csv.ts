// CSV as RFC 4180 has it, for the package's spreadsheet copy of each category: a header
// of column names, then one line per record, CRLF line ends, fields quoted when needed.

export type Cell = string | number | null | undefined;

/** One field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of fields, ended by CRLF. */
export function csvLine(values: Cell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
