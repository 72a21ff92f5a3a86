/**
 * One table cell that holds a figure and nothing else → value, comparator and, for a
 * range or a count ratio, its other bound.
 *
 * Accepted (after folding; converters' LaTeX and symbols read as words):
 *   "90"  "72,5"  "1.250"  "90%"  "≥ 98"  "$\geq 98$"  "Trên 70"  "≥98%"  "100 trở lên"   → one value
 *   "0,2-0,3"  "từ 0,2 - 0,3%"                                                             → range: ">=", max
 *   "1247/1484"  "48 / 48"                                                                 → count ratio
 * Rejected (null): text ("Không phát sinh …", "Đạt"), dates, anything with words around the figure
 * other than comparison words — a sentence in a cell is read as prose by the caller.
 */
import type { Metric } from "../../../schemas/extraction.js";
import { COMPARATORS } from "../registries/comparators.js";
import { anyOf } from "../registries/phrase-pattern.js";
import { NUMBER, parseViNumber, RANGE_SEPARATOR } from "../vietnamese-numbers.js";
import { foldForMatch } from "../../normalise/fold.js";
import { AFTER_MAP, CMP_MAP, norm } from "./prose-metrics.js";

export type CellFigure = {
  value: number;
  comparator: Metric["comparator"];
  percent: boolean;
  max?: number;
  numerator?: number;
  denominator?: number;
};

const CELL_VALUE = new RegExp(
  String.raw`^\s*(?:(${anyOf(COMPARATORS.flatMap((c) => c.before))})\s*)?(${NUMBER})\s*(%)?\s*(?:(${anyOf(COMPARATORS.flatMap((c) => c.after))}))?\s*$`,
  "iu",
);
const CELL_RANGE = new RegExp(String.raw`^\s*(?:từ\s*)?(${NUMBER})\s*%?${RANGE_SEPARATOR}(${NUMBER})\s*(%)?\s*$`, "iu");
const CELL_RATIO = new RegExp(String.raw`^\s*(${NUMBER})\s*\/\s*(${NUMBER})\s*$`, "u");

/** LaTeX and symbol spellings of comparisons as converters leave them ("$\geq 98$"). */
export function plainCell(s: string): string {
  return foldForMatch(s)
    .replace(/<[^>]+>/g, "")
    .replace(/\$/g, " ")
    .replace(/\\(?:geq|ge)(?![a-z])/g, "≥")
    .replace(/\\(?:leq|le)(?![a-z])/g, "≤")
    .replace(/\\gt(?![a-z])/g, ">")
    .replace(/\\lt(?![a-z])/g, "<");
}

export function cellFigure(cellText: string): CellFigure | null {
  const value = plainCell(cellText).trim();
  if (!/\d/.test(value)) return null;
  let m = CELL_VALUE.exec(value);
  if (m) {
    const v = parseViNumber(m[2]);
    if (v === null) return null;
    const comparator = m[4] ? AFTER_MAP.get(norm(m[4]))! : m[1] ? CMP_MAP.get(norm(m[1])) ?? "=" : "=";
    return { value: v, comparator, percent: Boolean(m[3]) };
  }
  if ((m = CELL_RANGE.exec(value))) {
    const a = parseViNumber(m[1]);
    const b = parseViNumber(m[2]);
    return a !== null && b !== null && a <= b ? { value: a, comparator: ">=", max: b, percent: value.includes("%") } : null;
  }
  if ((m = CELL_RATIO.exec(value))) {
    const a = parseViNumber(m[1]);
    const b = parseViNumber(m[2]);
    return a !== null && b ? { value: a, comparator: "=", numerator: a, denominator: b, percent: false } : null;
  }
  return null;
}
