/**
 * Figures written in running text: percentages, ranges and count ratios, each with
 * its comparator, role, subject and the clause it sits in.
 *
 * Accepted (folded text, case-insensitive; numbers per ../vietnamese-numbers.ts, words per
 * registries/comparators.ts, units.ts, metric-roles.ts):
 *   percentage  "100% cán bộ …" "đạt 95%" "tỷ lệ: 84,03%" "đạt trên 70%" "tối thiểu 90%" "từ 98% trở lên"
 *               "chưa đủ 3%" "chưa hoàn thành 100%" "không quá 5%" "khoảng 62%" "≥ 98%" "$\geq 98$%" "50 phần trăm"
 *   range       "0,2–0,3%" "0,2% - 0,3%" "từ 0,2 đến 0,3%" → value 0.2, ">=", max 0.3
 *   ratio       "1.247/1.484" "1410/1411 hồ sơ" "48/48 tổ dân phố" → numerator, denominator, value = numerator,
 *               unit = the counted noun after it (or in its label), "" when none
 * Rejected: dates and document codes ("12/7/2026", "15/4", "4/2026", "35/KH-UBND", "30/2020/NĐ-CP"),
 * day/month pairs without a counted noun ("24/7"); plain counts and money (optional in the
 * contract, and every unmatched one would be a false positive).
 *
 * comparator: the words right before the figure in its clause, or "trở lên"/"trở xuống" after it.
 * role: in a plan (ke-hoach, ket-luan, …) figures are goals unless their clause reports a result
 * ("đã đạt", "hiện nay", "đến nay") or they sit under a results heading; in a report figures are
 * results unless they name the task reported on (an item opened by "Việc …", or the label
 * before the item's ":"), follow a goal word ("phấn đấu", "mục tiêu", "kế hoạch") or sit under a
 * heading that looks ahead. Unknown document kinds: cue words only, else null. A caller that
 * knows the role (a table column) passes it instead.
 */
import type { Metric } from "../../../schemas/extraction.js";
import type { ExtractContext } from "../context.js";
import { indexWords, wordIndex, type DocFacts } from "../document-zones.js";
import { COMPARATORS } from "../registries/comparators.js";
import { ACTUAL_CUES, TARGET_CUES, TASK_LABEL_OPENERS } from "../registries/metric-roles.js";
import { anyOf, WB, WE } from "../registries/phrase-pattern.js";
import { COUNTED_NOUNS, PERCENT } from "../registries/units.js";
import { NUMBER, NUMBER_START, parseViNumber, RANGE_SEPARATOR } from "../vietnamese-numbers.js";
import { foldForMatch } from "../../normalise/fold.js";
import { clauseText, labelBefore, subjectOf, type Figure } from "./figure-words.js";

type Comparator = Metric["comparator"];
type Role = Metric["role"];
/** The role when the caller knows it, else what the prose role rules need. */
export type RoleSource = Role | { facts: DocFacts; bi: number };

const PCT_UNIT = String.raw`\s*\$?\s*(?:${anyOf(PERCENT)})`;
const RANGE_PCT = new RegExp(String.raw`${NUMBER_START}(${NUMBER})\s*(?:%\s*)?${RANGE_SEPARATOR}(${NUMBER})${PCT_UNIT}`, "giu");
const PCT = new RegExp(String.raw`${NUMBER_START}(${NUMBER})${PCT_UNIT}`, "giu");
// No "i" flag: with it \p{Lu} would match any letter, and a code's symbol ("35/KH-UBND") is upper case.
const RATIO = new RegExp(String.raw`${NUMBER_START}(${NUMBER})\s*\/\s*(${NUMBER})(?![\p{N}]|\s*\/\s*\d|[.,]\d|\s*%|\s*-?\s*\p{Lu})`, "gu");
const RATIO_NOT_AFTER = /(?:ngày|tháng|năm|số|quý|kỳ|tỷ lệ|giờ)\s*:?\s*$/iu;
const COUNTED = new RegExp(`^\\s*(?:${anyOf(COUNTED_NOUNS)})${WE}`, "iu");
const COUNTED_ANY = new RegExp(`${WB}(?:${anyOf(COUNTED_NOUNS)})${WE}`, "iu");

export const CMP_MAP = new Map<string, NonNullable<Comparator>>();
for (const c of COMPARATORS) for (const p of c.before) CMP_MAP.set(foldForMatch(p).toLowerCase().replace(/\s+/g, " "), c.comparator);
const CMP_BEFORE = new RegExp(String.raw`(?<![\p{L}\\])(${anyOf(COMPARATORS.flatMap((c) => c.before))})\s*:?\s*\$?\s*$`, "iu");
const CMP_AFTER = new RegExp(String.raw`^\s*\$?\s*(${anyOf(COMPARATORS.flatMap((c) => c.after))})${WE}`, "iu");
export const AFTER_MAP = new Map<string, NonNullable<Comparator>>();
for (const c of COMPARATORS) for (const p of c.after) AFTER_MAP.set(foldForMatch(p).toLowerCase().replace(/\s+/g, " "), c.comparator);

const TARGET_CUE = new RegExp(`${WB}(?:${anyOf(TARGET_CUES)})${WE}`, "iu");
const ACTUAL_CUE = new RegExp(`${WB}(?:${anyOf(ACTUAL_CUES)})${WE}`, "iu");
const TASK_LABEL = new RegExp(`^[\\s*_#>•\\-+–]*(?:\\(?\\d+\\)\\s*)?(?:${anyOf(TASK_LABEL_OPENERS)})${WE}`, "iu");

const FIGURE_IDS = new Set(indexWords([...PERCENT.map((p) => foldForMatch(p).toLowerCase()), "/"]));

/** Percentages, ranges and ratios of one stretch, with comparator, subject and text. */
export function proseMetrics(ctx: ExtractContext, start: number, end: number, role: RoleSource, out: Metric[]): void {
  const words = wordIndex(ctx);
  let k = words.from(start);
  while (k < words.pos.length && words.pos[k] < end && !FIGURE_IDS.has(words.word[k])) k++;
  if (k >= words.pos.length || words.pos[k] >= end) return;
  const f = unwrapLines(ctx.folded.slice(start, end));
  if (!/\d\s*\$?\s*(?:%|phần)|\d\s*\/\s*\d/u.test(f)) return;
  const t = unwrapLines(ctx.doc.text.slice(start, end));
  const figures: Figure[] = [];
  const taken = (s: number, e: number) => figures.some((x) => s < x.e && e > x.s);
  RANGE_PCT.lastIndex = 0;
  for (let m; (m = RANGE_PCT.exec(f)); ) {
    const a = parseViNumber(m[1]);
    const b = parseViNumber(m[2]);
    if (a === null || b === null || a > b) continue;
    const s = /từ\s*$/iu.test(f.slice(Math.max(0, m.index - 5), m.index)) ? f.lastIndexOf("từ", m.index) : m.index;
    figures.push({ s, e: m.index + m[0].length, value: a, unit: "%", comparator: ">=", max: b, ratio: false });
  }
  PCT.lastIndex = 0;
  for (let m; (m = PCT.exec(f)); ) {
    const s = m.index;
    let e = s + m[0].length;
    if (taken(s, e)) continue;
    const v = parseViNumber(m[1]);
    if (v === null) continue;
    let comparator: Comparator = comparatorBefore(f, s) ?? "=";
    const after = CMP_AFTER.exec(f.slice(e, e + 20));
    if (after) {
      comparator = AFTER_MAP.get(norm(after[1])) ?? comparator;
      e += after[0].length;
    }
    figures.push({ s, e, value: v, unit: "%", comparator, ratio: false });
  }
  RATIO.lastIndex = 0;
  for (let m; (m = RATIO.exec(f)); ) {
    const s = m.index;
    const e = s + m[0].length;
    if (taken(s, e) || RATIO_NOT_AFTER.test(f.slice(Math.max(0, s - 12), s))) continue;
    const a = parseViNumber(m[1]);
    const b = parseViNumber(m[2]);
    if (a === null || !b) continue;
    const noun = COUNTED.exec(t.slice(e, e + 40));
    const dateLike = Number.isInteger(a) && Number.isInteger(b) && a >= 1 && a <= 31 && b >= 1 && b <= 12;
    const monthYear = a >= 1 && a <= 12 && b >= 1900 && b <= 2100;
    if (monthYear || (dateLike && !noun)) continue;
    const unit = noun ? noun[0].trim() : (COUNTED_ANY.exec(labelBefore(t, s))?.[0] ?? "");
    figures.push({ s, e: noun ? e + noun[0].length : e, value: a, unit, comparator: comparatorBefore(f, s) ?? "=", numerator: a, denominator: b, ratio: true });
  }
  figures.sort((x, y) => x.s - y.s);
  for (const x of figures) {
    const metric: Metric = {
      text: clauseText(t, x.s, x.e),
      subject: subjectOf(t, f, x),
      value: x.value,
      unit: x.unit,
      comparator: x.comparator,
      role: typeof role === "object" && role !== null ? proseRole(role.facts, role.bi, f, x.s) : role,
      page: ctx.pageAt(start + x.s),
      span: { start: start + x.s, end: start + x.e },
    };
    if (x.max !== undefined) metric.max = x.max;
    if (x.ratio) {
      metric.numerator = x.numerator;
      metric.denominator = x.denominator;
    }
    out.push(metric);
  }
}

function comparatorBefore(f: string, s: number): Comparator | null {
  const m = CMP_BEFORE.exec(f.slice(Math.max(0, s - 30), s));
  return m ? CMP_MAP.get(norm(m[1])) ?? null : null;
}

// ---------- role ----------

function proseRole(facts: DocFacts, bi: number, f: string, s: number): Role {
  let window = sentenceBefore(f, s, 160);
  // After an item's label ("- Việc phấn đấu …: đã số hóa 95%") cue words of the label do not reach the figure,
  // unless the label is only a cue ("Mục tiêu: 90%").
  const colon = window.lastIndexOf(":");
  if (colon >= 0 && window.slice(0, colon).trim().split(/\s+/u).length > 3) window = window.slice(colon + 1);
  if (facts.klass === "plan") {
    if (ACTUAL_CUE.test(window) || facts.section[bi] === -1) return "actual";
    return "target";
  }
  if (facts.klass === "report") {
    if (isTaskLabel(f, s) || TARGET_CUE.test(window) || facts.section[bi] === 1) return "target";
    return "actual";
  }
  if (TARGET_CUE.test(window)) return "target";
  if (ACTUAL_CUE.test(window)) return "actual";
  return facts.section[bi] === 1 ? "target" : facts.section[bi] === -1 ? "actual" : null;
}

/** In a report: an item naming the task reported on ("Việc …"), or the label before the item's ":" when a result follows it. */
function isTaskLabel(f: string, s: number): boolean {
  const colon = f.indexOf(":");
  if (TASK_LABEL.test(f) && (colon < 0 || s < colon)) return true;
  if (colon < 0 || s > colon) return false;
  const rest = f.slice(colon + 1).trim();
  return rest.split(/\s+/u).length >= 3 && f.slice(0, colon).trim().split(/\s+/u).length >= 4;
}

/** Text before an offset back to the start of its sentence or ";" (at most `max` characters). */
function sentenceBefore(f: string, s: number, max: number): string {
  const pre = f.slice(Math.max(0, s - max), s);
  const k = Math.max(pre.lastIndexOf(";"), pre.search(/[.!?](?=\s[^.!?]*$)/u), pre.lastIndexOf("\n"));
  return k >= 0 ? pre.slice(k + 1) : pre;
}

/**
 * A paragraph's line breaks that only wrap it (text saved from web pages and converted files
 * breaks lines at a fixed width) as spaces — one character for one, so offsets hold: every
 * break except one after a sentence or clause end or before a list item ("- ", "+ ", "a) ").
 */
const SOFT_BREAK = /(?<![.;:!?])\n(?![ \t]*(?:[-–+•*]\s|[a-zđ]\)\s|\d+(?:\.\d+)*[.)]\s|\n))/gu;
const unwrapLines = (s: string) => (s.includes("\n") ? s.replace(SOFT_BREAK, " ") : s);

/** Comparison words as the registry lists them, lower case with single spaces (map keys). */
export const norm = (s: string) => foldForMatch(s).toLowerCase().replace(/\s+/g, " ").trim();
