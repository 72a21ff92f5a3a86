/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel otherwise reads the
 * Vietnamese as Windows-1252), CRLF rows, RFC 4180 quoting. Document text is
 * untrusted: a cell starting with = + - @ would be run as a formula by Excel, so
 * such cells get a leading apostrophe (OWASP's advice for CSV injection).
 */
export type CsvCell = string | number | boolean | null | undefined;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => csvRecord(cells.map(spreadsheetSafe));
  return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

function spreadsheetSafe(value: CsvCell): CsvCell {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 record, cells as they are (for tools that are not spreadsheets, e.g. Gephi). */
export function csvRecord(cells: readonly CsvCell[]): string {
  return cells
    .map((value) => {
      if (value === null || value === undefined) return "";
      const s = String(value);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",");
}
