/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel otherwise reads the
 * Vietnamese as Windows-1252), CRLF rows, RFC 4180 quoting. Document text is
 * untrusted: a cell starting with = + - @ would be run as a formula by Excel, so
 * such cells get a leading apostrophe (OWASP's advice for CSV injection).
 */
export type CsvCell = string | number | null | undefined;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => cells.map(csvCell).join(",");
  return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
