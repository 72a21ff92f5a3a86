/**
 * Calendar dates as Vietnamese documents print them, for every extractor.
 *
 * Shapes (on text folded by foldForMatch, matched case-insensitively):
 *   "16/01/2026"  "6/2/2026"  "16-01-2026"  "16.01.2026"
 *   "ngày 22 tháng 12 năm 2024"  "ngày 22/12/2024"  "22 tháng 12 năm 2024"
 *   "ngày    tháng 4 năm 2026" (draft, day blank) → month precision
 *   "tháng 4/2026"  "tháng 01 năm 2026" → month
 */
import { remembered } from "./remembered.js";

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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1];
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

/** An inclusive run of days, both ends ISO "YYYY-MM-DD". */
export type Period = { start: string; end: string };

/** Months first..last of one year (a single month when last is omitted); null when out of range. */
export function monthsPeriod(year: number, first: number, last = first): Period | null {
  if (first < 1 || last > 12 || first > last) return null;
  const start = iso({ year, month: first, day: 1 });
  return start ? { start, end: lastDayOfMonth(year, last) } : null;
}

/** Quarter q (1..4): "Quý II/2026" → 2026-04-01 .. 2026-06-30. */
export function quarterPeriod(year: number, q: number, lastQ = q): Period | null {
  if (q < 1 || lastQ > 4 || q > lastQ) return null;
  return monthsPeriod(year, 3 * q - 2, 3 * lastQ);
}

/** Half h (1 = "6 tháng đầu năm", 2 = "6 tháng cuối năm"). */
export function halfPeriod(year: number, h: 1 | 2): Period | null {
  return h === 1 ? monthsPeriod(year, 1, 6) : monthsPeriod(year, 7, 12);
}

/** Whole years first..last: "năm 2026", "giai đoạn 2026 - 2030". */
export function yearsPeriod(first: number, last = first): Period | null {
  if (first > last || first < 1900 || last > 2200) return null;
  return { start: `${first}-01-01`, end: `${last}-12-31` };
}

/** Quarter numerals as printed: Roman (I–IV) or Arabic (1–4). */
export function quarterNumber(s: string): number | null {
  const r = ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[s.toLowerCase()];
  if (r) return r;
  const n = Number(s);
  return n >= 1 && n <= 4 ? n : null;
}

/**
 * The day before an ISO date (for "trước tháng 6" → by 05-31). Asked for the same few
 * month starts in every document: parsing a Date each time showed in profiles.
 */
export const dayBefore: (isoDate: string) => string = remembered((isoDate) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
});

/** The inclusive period an ISO value of any precision covers ("2026-04" → the whole of April). */
export function isoPeriod(value: string): Period | null {
  const [y, m, d] = value.split("-").map(Number);
  if (!y) return null;
  if (!m) return yearsPeriod(y);
  if (!d) return monthsPeriod(y, m);
  return { start: value, end: value };
}
