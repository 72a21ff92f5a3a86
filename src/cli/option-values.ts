/**
 * Every numeric and date option of every command is read here, by commander while it
 * parses the command line — before any command runs, so a bad value is one line on
 * stderr, exit 2 (usage; nightly: 3) and nothing written: no lock, no run row.
 *
 * Dates accept the forms clerks type (the calendar rules are the extractors', from
 * src/extract/vietnamese-dates.ts):
 *   a day     "30/04/2026"  "30/4/2026"  "30-04-2026"  "30.04.2026"  "2026-04-30"
 *   a period  any day, or a month "04/2026"  "4/2026"  "2026-04", or a year "2026"
 * Impossible dates ("2026-13-45", "31/02/2026") are refused, never rolled over.
 */
import { InvalidArgumentError } from "commander";
import { printable } from "../printable.js";
import { iso, isoPeriod, NUMERIC_DATE, type DateParts, type Period } from "../extract/vietnamese-dates.js";

export type { Period };

type Parse<T> = (value: string) => T;

/** A whole number in min..max ("--jobs 4", "--port 0"). */
export function wholeNumber(flag: string, min: number, max: number): Parse<number> {
  return (value) => {
    const v = value.trim();
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw refusal(flag, value, `cần một số nguyên từ ${min} đến ${max}`);
    return Number(v);
  };
}

/** A number over 0 and at most max, decimals allowed ("--timeout 0.5", "--max-size 250"). */
export function positiveNumber(flag: string, max: number): Parse<number> {
  return (value) => {
    const v = value.trim();
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > max) throw refusal(flag, value, `cần một số lớn hơn 0 và không quá ${max}`);
    return Number(v);
  };
}

/** One calendar day → ISO "YYYY-MM-DD". */
export function day(flag: string): Parse<string> {
  return (value) => {
    const parts = dateParts(value.trim());
    const found = parts?.day !== undefined ? iso(parts) : null;
    if (!found) throw refusal(flag, value, "không phải một ngày có thật — viết như 30/04/2026, 30/4/2026 hoặc 2026-04-30");
    return found;
  };
}

/** A day, a month or a year → the days it covers. */
export function period(flag: string): Parse<Period> {
  return (value) => {
    const parts = dateParts(value.trim());
    const found = parts ? iso(parts) : null;
    const covered = found ? isoPeriod(found) : null;
    if (!covered) throw refusal(flag, value, "không phải một ngày, tháng hoặc năm có thật — viết như 30/04/2026, 2026-04-30, 04/2026, 2026-04 hoặc 2026");
    return covered;
  };
}

const DAY_MONTH_YEAR = new RegExp(`^${NUMERIC_DATE}$`);
const MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO_FORM = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function dateParts(v: string): DateParts | null {
  let m = DAY_MONTH_YEAR.exec(v);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  m = MONTH_YEAR.exec(v);
  if (m) return { month: Number(m[1]), year: Number(m[2]) };
  m = ISO_FORM.exec(v);
  if (m) return { year: Number(m[1]), month: m[2] === undefined ? undefined : Number(m[2]), day: m[3] === undefined ? undefined : Number(m[3]) };
  return null;
}

function refusal(flag: string, value: string, reason: string): InvalidArgumentError {
  return new InvalidArgumentError(`${flag} ${printable(value)}: ${reason}`);
}

/**
 * Commander prefixes a refused value with "option '--x <v>' argument 'v' is invalid.";
 * the refusal above already names the option and the value, so the line keeps only it.
 */
export function usageLine(text: string): string {
  return text.replace(/^error: option '[^]*?' argument '[^]*?' is invalid\. /, "error: ");
}
