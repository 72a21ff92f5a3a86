/**
 * Numbers as Vietnamese administrative documents print them.
 *
 * "," is the decimal mark and "." groups thousands (TCVN convention), but authors
 * who type on English-locale machines also write "99.9" for a decimal. A dot is
 * therefore a thousands separator only when every group after it has exactly three
 * digits. Accepted shapes:
 *   "84,03" → 84.03     "0,556" → 0.556     "6.576" → 6576     "30.098" → 30098
 *   "1.247,5" → 1247.5  "1.000.000" → 1000000   "99.9" → 99.9   "01" → 1   "2026" → 2026
 *   ratios  "1.247/1.484" → 1247 of 1484      "48/48"
 *   ranges  "0,2–0,3" "0,2 - 0,3" "0,2% - 0,3%" "từ 0,2 đến 0,3" → 0.2 .. 0.3
 * Rejected: "1 247" (a space never groups: it separates two numbers), "1,247.5".
 */

/** One number (source for RegExp). Longest alternative first so "6.576" is not read as "6.57". */
export const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?`;

/** No digit, letter, or number punctuation just before a number (so "nq57", "4.0" tails and "/2026" are not numbers). */
export const NUMBER_START = String.raw`(?<![\p{L}\p{N}.,/])`;
/** No digit or decimal tail just after. */
export const NUMBER_END = String.raw`(?![\p{N}]|[.,]\d)`;

const THOUSANDS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d+$/;
const DECIMAL_DOT = /^\d+\.\d+$/;
const INTEGER = /^\d+$/;

/** Reads one number as printed; null when the string is not one number. */
export function parseViNumber(raw: string): number | null {
  const s = raw.trim();
  if (INTEGER.test(s)) return Number(s);
  if (THOUSANDS.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  if (DECIMAL_COMMA.test(s)) return Number(s.replace(",", "."));
  if (DECIMAL_DOT.test(s)) return Number(s);
  return null;
}

const RATIO_RE = new RegExp(String.raw`^\s*(${NUMBER})\s*\/\s*(${NUMBER})\s*$`, "u");
/** "1.247/1.484" → { numerator: 1247, denominator: 1484 }. */
export function parseViRatio(raw: string): { numerator: number; denominator: number } | null {
  const m = RATIO_RE.exec(raw);
  if (!m) return null;
  const numerator = parseViNumber(m[1]);
  const denominator = parseViNumber(m[2]);
  if (numerator === null || denominator === null || denominator === 0) return null;
  return { numerator, denominator };
}

/** Range separators between two numbers: dashes (folded to "-"), "đến", "tới", "~". */
export const RANGE_SEPARATOR = String.raw`\s*(?:-|–|—|~|đến|tới)\s*`;
const RANGE_RE = new RegExp(String.raw`^\s*(?:từ\s*)?(${NUMBER})\s*%?${RANGE_SEPARATOR}(${NUMBER})\s*%?\s*$`, "iu");
/** "0,2–0,3" / "từ 0,2% đến 0,3%" → { min: 0.2, max: 0.3 }; the lower bound must not exceed the upper. */
export function parseViRange(raw: string): { min: number; max: number } | null {
  const m = RANGE_RE.exec(raw);
  if (!m) return null;
  const min = parseViNumber(m[1]);
  const max = parseViNumber(m[2]);
  if (min === null || max === null || min > max) return null;
  return { min, max };
}

/** Small counts written as words ("ít nhất một quý"), for relative limits. */
export const NUMBER_WORDS: Record<string, number> = {
  không: 0, một: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
};

/** Decimal places as printed ("84,03" → 2), for rounding tolerance in consistency checks. */
export function decimalsOf(raw: string): number {
  const s = raw.trim();
  if (THOUSANDS.test(s)) return s.includes(",") ? s.split(",")[1].length : 0;
  const m = /[.,](\d+)$/.exec(s);
  return m ? m[1].length : 0;
}
