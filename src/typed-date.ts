/**
 * A date as a clerk types it, wherever one is asked for (CLI options, web filters,
 * API parameters) → the store's ISO form, whole or partial. Accepted:
 *   a day    "30/04/2026"  "30/4/2026"  "30-04-2026"  "30.04.2026"  "2026-04-30"  "2026-4-30"
 *   a month  "04/2026"  "4/2026"  "2026-04"
 *   a year   "2026"
 * Impossible dates ("2026-13-45", "31/02/2026") give null, never a rolled-over day.
 * The calendar rules are the extractors' (src/extract/vietnamese-dates.ts).
 */
import { iso, NUMERIC_DATE, type DateParts } from "./extract/vietnamese-dates.js";

const DAY_MONTH_YEAR = new RegExp(`^${NUMERIC_DATE}$`);
const MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO_FORM = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** "2026-04-30", "2026-04" or "2026"; null when the text is no date or an impossible one. */
export function typedDate(text: string): string | null {
  const parts = dateParts(text.trim());
  return parts ? iso(parts) : null;
}

function dateParts(v: string): DateParts | null {
  let m = DAY_MONTH_YEAR.exec(v);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  m = MONTH_YEAR.exec(v);
  if (m) return { month: Number(m[1]), year: Number(m[2]) };
  m = ISO_FORM.exec(v);
  if (m) return { year: Number(m[1]), month: m[2] === undefined ? undefined : Number(m[2]), day: m[3] === undefined ? undefined : Number(m[3]) };
  return null;
}
