/**
 * Every numeric and date option of every command is read here, by commander while it
 * parses the command line — before any command runs, so a bad value is one line on
 * stderr, exit 2 (usage; nightly: 3) and nothing written: no lock, no run row.
 *
 * Dates accept the forms clerks type (src/typed-date.ts): a day where a day is
 * asked for, a day, a month or a year for a period. Impossible dates are refused.
 */
import { InvalidArgumentError } from "commander";
import { t } from "../i18n/index.js";
import { printable } from "../printable.js";
import { isoPeriod, type Period } from "../extract/vietnamese-dates.js";
import { typedDate } from "../typed-date.js";

export type { Period };

type Parse<T> = (value: string) => T;

/** A whole number in min..max ("--jobs 4", "--port 0"). */
export function wholeNumber(flag: string, min: number, max: number): Parse<number> {
  return (value) => {
    const v = value.trim();
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw refusal(flag, value, t("option.wholeNumber", { min, max }));
    return Number(v);
  };
}

/** A number over 0 and at most max, decimals allowed ("--timeout 0.5", "--max-size 250"). */
export function positiveNumber(flag: string, max: number): Parse<number> {
  return (value) => {
    const v = value.trim();
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > max) throw refusal(flag, value, t("option.positiveNumber", { max }));
    return Number(v);
  };
}

/** One calendar day → ISO "YYYY-MM-DD". */
export function day(flag: string): Parse<string> {
  return (value) => {
    const found = typedDate(value);
    if (found?.length !== 10) throw refusal(flag, value, t("option.day"));
    return found;
  };
}

/** A day, a month or a year → the days it covers. */
export function period(flag: string): Parse<Period> {
  return (value) => {
    const found = typedDate(value);
    const covered = found ? isoPeriod(found) : null;
    if (!covered) throw refusal(flag, value, t("option.period"));
    return covered;
  };
}

function refusal(flag: string, value: string, reason: string): InvalidArgumentError {
  return new InvalidArgumentError(t("option.refused", { flag, value: printable(value), reason }));
}

/**
 * Commander prefixes a refused value with "option '--x <v>' argument 'v' is invalid.";
 * the refusal above already names the option and the value, so the line keeps only it.
 */
export function usageLine(text: string): string {
  return text.replace(/^error: option '[^]*?' argument '[^]*?' is invalid\. /, "error: ");
}
