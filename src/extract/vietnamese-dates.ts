/**
 * Calendar dates as Vietnamese documents print them, for every extractor.
 *
 * Shapes (on text folded by foldForMatch, matched case-insensitively):
 *   "16/01/2026"  "6/2/2026"  "16-01-2026"  "16.01.2026"
 *   "ngày 22 tháng 12 năm 2024"  "ngày 22/12/2024"  "22 tháng 12 năm 2024"
 *   "ngày    tháng 4 năm 2026" (draft, day blank) → month precision
 *   "tháng 4/2026"  "tháng 01 năm 2026" → month
 */
export type DateParts = { year: number; month?: number; day?: number };

export const NUMERIC_DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;
export const LONG_DATE = String.raw`(\d{1,2})?\s*tháng\s*(\d{1,2})\s*(?:năm|/)\s*(\d{4})`;

export function iso(p: DateParts): string | null {
  const { year, month, day } = p;
  if (year < 1900 || year > 2200) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, "0");
  if (day === undefined) return `${year}-${mm}`;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${mm}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function lastDayOfMonth(year: number, month: number): string {
  return iso({ year, month, day: daysInMonth(year, month) })!;
}

/** The first date in `text` (numeric or long form), as ISO with the precision printed. */
export function readDate(text: string): { iso: string; index: number; length: number } | null {
  const re = new RegExp(`${NUMERIC_DATE}|(?:ngày\\s*)?${LONG_DATE}`, "iu");
  const m = re.exec(text);
  if (!m) return null;
  const parts: DateParts = m[1]
    ? { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) }
    : { day: m[4] ? Number(m[4]) : undefined, month: Number(m[5]), year: Number(m[6]) };
  const value = iso(parts);
  return value ? { iso: value, index: m.index, length: m[0].length } : null;
}
