/**
 * One CSV field of typed text, safe for a spreadsheet: text it would run as a formula (a leading
 * = + - @, perhaps after blanks some spreadsheets skip) gets a leading quote mark, a plain number
 * such as -5 is left alone, and a field with a comma, quote or line break is quoted. Pure.
 */
export function csvField(value: string): string {
  const text = /^\s*[=+\-@]/.test(value) && !/^\s*[+-]?\d+(\.\d+)?\s*$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header line and one line per row, CRLF line ends as RFC 4180 has them. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
