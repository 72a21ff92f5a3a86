/**
 * Metrics: every percentage, every count ratio and every target/result cell of an
 * indicator table, one per occurrence (contract, "Metrics").
 *
 * Shapes accepted (folded text, case-insensitive; numbers per vietnamese-numbers.ts,
 * words per registries/comparators.ts, units.ts, metric-roles.ts):
 *   percentage  "100% cán bộ …" "đạt 95%" "tỷ lệ: 84,03%" "đạt trên 70%" "tối thiểu 90%" "từ 98% trở lên"
 *               "chưa đủ 3%" "chưa hoàn thành 100%" "không quá 5%" "khoảng 62%" "≥ 98%" "$\geq 98$%" "50 phần trăm"
 *   range       "0,2–0,3%" "0,2% - 0,3%" "từ 0,2 đến 0,3%" → value 0.2, ">=", max 0.3
 *   ratio       "1.247/1.484" "1410/1411 hồ sơ" "48/48 tổ dân phố" → numerator, denominator, value = numerator,
 *               unit = the counted noun after it (or in its label), "" when none
 *   table       Chỉ tiêu | Đơn vị tính | Mục tiêu | Kết quả …: each numeric target or result cell ("90", "72,5",
 *               "≥ 98", "$\geq 98$", "Trên 70", "0,2-0,3") with the unit column's unit and the indicator as
 *               subject; a result cell without a number ("Không phát sinh …") gives none.
 * Read everywhere but the signature and the recipients (a title or a footnote can state a figure).
 * Not metrics: dates and document codes ("12/7/2026", "15/4", "4/2026", "35/KH-UBND", "30/2020/NĐ-CP"),
 * day/month pairs without a counted noun ("24/7"); plain counts and money (optional in the
 * contract, and every unmatched one would be a false positive) are left out.
 *
 * comparator: the words right before the figure in its clause, or "trở lên"/"trở xuống" after it.
 * role: in a plan (ke-hoach, ket-luan, …) figures are goals unless their clause reports a result
 * ("đã đạt", "hiện nay", "đến nay") or they sit under a results heading; in a report figures are
 * results unless they name the task reported on (an item opened by "Việc …", or the label
 * before the item's ":"), follow a goal word ("phấn đấu", "mục tiêu", "kế hoạch") or sit under a
 * heading that looks ahead. Table cells: the task's content and output columns are goals, status
 * columns results; indicator tables by column. Unknown document kinds: cue words only, else null.
 * subject: the noun phrase after a leading figure ("100% văn bản được xử lý trên môi trường số"),
 * else the clause before it ("Tỷ lệ số hóa hồ sơ … đạt 95%"), completed from the item's label
 * when that is only "tỷ lệ" ("số lượng hồ sơ trực tuyến toàn trình: 1247/1484, tỷ lệ: 84,03%").
 */
import type { Row, TableBlock } from "../../schemas/document.js";
import type { Metric } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
import { anyOf, cellColumns, documentFacts, FIXED, indexWords, leadText, tableLayout, WB, WE, wordIndex, type DocFacts } from "./document-zones.js";
import type { ColumnRole } from "./registries/columns.js";
import { COMPARATORS } from "./registries/comparators.js";
import {
  ACTUAL_CUES, INDICATOR_ACTUAL_HEADERS, INDICATOR_TARGET_HEADERS, TARGET_CUES, TASK_LABEL_OPENERS,
} from "./registries/metric-roles.js";
import {
  COUNT_WORDS, COUNTED_NOUNS, PERCENT, SUBJECT_AFTER_SKIP, SUBJECT_LEADERS, SUBJECT_STOPS, SUBJECT_TRAILERS,
} from "./registries/units.js";
import { NUMBER, NUMBER_START, parseViNumber, RANGE_SEPARATOR } from "./vietnamese-numbers.js";
import { foldForMatch } from "../normalise/fold.js";

type Comparator = Metric["comparator"];
type Role = Metric["role"];

// ---------- patterns ----------

const PCT_UNIT = String.raw`\s*\$?\s*(?:${anyOf(PERCENT)})`;
const RANGE_PCT = new RegExp(String.raw`${NUMBER_START}(${NUMBER})\s*(?:%\s*)?${RANGE_SEPARATOR}(${NUMBER})${PCT_UNIT}`, "giu");
const PCT = new RegExp(String.raw`${NUMBER_START}(${NUMBER})${PCT_UNIT}`, "giu");
// No "i" flag: with it \p{Lu} would match any letter, and a code's symbol ("35/KH-UBND") is upper case.
const RATIO = new RegExp(String.raw`${NUMBER_START}(${NUMBER})\s*\/\s*(${NUMBER})(?![\p{N}]|\s*\/\s*\d|[.,]\d|\s*%|\s*-?\s*\p{Lu})`, "gu");
const RATIO_NOT_AFTER = /(?:ngày|tháng|năm|số|quý|kỳ|tỷ lệ|giờ)\s*:?\s*$/iu;
const COUNTED = new RegExp(`^\\s*(?:${anyOf(COUNTED_NOUNS)})${WE}`, "iu");
const COUNTED_ANY = new RegExp(`${WB}(?:${anyOf(COUNTED_NOUNS)})${WE}`, "iu");

const CMP_MAP = new Map<string, NonNullable<Comparator>>();
for (const c of COMPARATORS) for (const p of c.before) CMP_MAP.set(foldForMatch(p).toLowerCase().replace(/\s+/g, " "), c.comparator);
const CMP_BEFORE = new RegExp(String.raw`(?<![\p{L}\\])(${anyOf(COMPARATORS.flatMap((c) => c.before))})\s*:?\s*\$?\s*$`, "iu");
const CMP_AFTER = new RegExp(String.raw`^\s*\$?\s*(${anyOf(COMPARATORS.flatMap((c) => c.after))})${WE}`, "iu");
const AFTER_MAP = new Map<string, NonNullable<Comparator>>();
for (const c of COMPARATORS) for (const p of c.after) AFTER_MAP.set(foldForMatch(p).toLowerCase().replace(/\s+/g, " "), c.comparator);

const TARGET_CUE = new RegExp(`${WB}(?:${anyOf(TARGET_CUES)})${WE}`, "iu");
const ACTUAL_CUE = new RegExp(`${WB}(?:${anyOf(ACTUAL_CUES)})${WE}`, "iu");
const TASK_LABEL = new RegExp(`^[\\s*_#>•\\-+–]*(?:\\(?\\d+\\)\\s*)?(?:${anyOf(TASK_LABEL_OPENERS)})${WE}`, "iu");

const STOP_AFTER = new RegExp(`(?:[;.:\\n]|,\\s*(?:${anyOf(SUBJECT_STOPS)})${WE}|\\s(?:${anyOf(SUBJECT_STOPS)})${WE})`, "iu");
const SKIP_AFTER = new RegExp(`^\\s*(?:(?:${anyOf([...SUBJECT_AFTER_SKIP, ...COMPARATORS.flatMap((c) => c.after)])})${WE}\\s*)+`, "iu");
const VERB_AFTER = /^\s*(?:đã|được|đạt|là|và|so|với|cho|thì|nhưng|tuy|trong|của|tại|trên|,|$)/iu;
const TRAILERS = new RegExp(`(?:\\s*(?:${anyOf([...SUBJECT_TRAILERS, ...COMPARATORS.flatMap((c) => c.before)])})${WE}|\\s*[:\\-–])+\\s*$`, "iu");
/** TRAILERS on the end of a string only (an end-anchored pattern is tried from every position). */
const stripTrailers = (s: string) => (s.length <= 48 ? s.replace(TRAILERS, "") : s.slice(0, -48) + s.slice(-48).replace(TRAILERS, ""));
const TRAILER_WORDS = anyOf([...SUBJECT_TRAILERS, ...COMPARATORS.flatMap((c) => c.before)]);
/** Nothing but a figure and its verb between a label's ":" or "(" and the figure ("Tái sử dụng dữ liệu: 97,25%", "(đạt 96,43%)"). */
const ONLY_FIGURE = new RegExp(`^[\\s\\d.,/%]*(?:${TRAILER_WORDS})?\\s*$`, "iu");
const LEADERS = new RegExp(`^\\s*(?:[-+•*]\\s*|\\(\\d+\\)\\s*|(?:${anyOf(SUBJECT_LEADERS)})${WE}\\s*,?\\s*)+`, "iu");
// "Số hóa" (digitise) is a verb, not a count.
const COUNT_LEAD = new RegExp(`^(?:${anyOf(COUNT_WORDS)})\\s+(?!hóa${WE})`, "iu");

// ---------- the document ----------

type Hint = { role: Role } | null;

export function extractMetrics(ctx: ExtractContext): Metric[] {
  const facts = documentFacts(ctx);
  const out: Metric[] = [];
  ctx.doc.blocks.forEach((b, bi) => {
    // Titles, footnotes and annex titles can state figures; the signature and recipients cannot.
    if (facts.outside[bi] === FIXED.signature) return;
    if (b.type === "table") return scanTable(ctx, facts, b, bi, out);
    if (b.type === "signature") return;
    scanText(ctx, facts, bi, b.span.start, b.span.end, null, out);
  });
  return out;
}

function scanTable(ctx: ExtractContext, facts: DocFacts, t: TableBlock, bi: number, out: Metric[]): void {
  const layout = tableLayout(t);
  const roles = layout.indicator ? indicatorRoles(t, layout.roles) : layout.roles;
  for (const row of t.rows) {
    if (row.header) continue;
    const cols = cellColumns(row);
    if (layout.indicator) {
      indicatorRow(ctx, row, cols, roles, out);
      continue;
    }
    row.cells.forEach((c, k) => {
      if (c.spanned) return;
      const role = roles[cols[k]];
      const hint = cellHint(role);
      if (hint) scanText(ctx, facts, bi, c.span.start, c.span.end, hint, out);
    });
  }
}

/** Roles of task-table cells: a task's content and output state goals, its status a result. */
function cellHint(role: ColumnRole | null): Hint | undefined {
  switch (role) {
    case "content":
    case "output":
    case "target":
      return { role: "target" };
    case "status":
    case "actual":
      return { role: "actual" };
    case "notes":
    case null:
      return null;
    default:
      return undefined; // agencies, sources, dates, documents: no figures of their own
  }
}

// ---------- indicator tables ----------

const IND_ACTUAL = new RegExp(`^(?:${anyOf(INDICATOR_ACTUAL_HEADERS)})${WE}`, "iu");
const IND_TARGET = new RegExp(`^(?:${anyOf(INDICATOR_TARGET_HEADERS)})${WE}`, "iu");

function indicatorRoles(t: TableBlock, roles: (ColumnRole | null)[]): (ColumnRole | null)[] {
  const header = t.rows.find((r) => r.header) ?? t.rows[0];
  const texts: string[] = [];
  for (const c of header?.cells ?? []) for (let k = 0; k < c.colspan; k++) texts.push(k ? "" : leadText(foldForMatch(c.text.replace(/<[^>]+>/g, ""))));
  return roles.map((r, i) => (r !== null ? r : IND_ACTUAL.test(texts[i] ?? "") ? "actual" : IND_TARGET.test(texts[i] ?? "") ? "target" : null));
}

const CELL_VALUE = new RegExp(
  String.raw`^\s*(?:(${anyOf(COMPARATORS.flatMap((c) => c.before))})\s*)?(${NUMBER})\s*(%)?\s*(?:(${anyOf(COMPARATORS.flatMap((c) => c.after))}))?\s*$`,
  "iu",
);
const CELL_RANGE = new RegExp(String.raw`^\s*(?:từ\s*)?(${NUMBER})\s*%?${RANGE_SEPARATOR}(${NUMBER})\s*(%)?\s*$`, "iu");
const CELL_RATIO = new RegExp(String.raw`^\s*(${NUMBER})\s*\/\s*(${NUMBER})\s*$`, "u");

/** LaTeX and symbol spellings of comparisons as converters leave them ("$\geq 98$"). */
function plainCell(s: string): string {
  return foldForMatch(s)
    .replace(/<[^>]+>/g, "")
    .replace(/\$/g, " ")
    .replace(/\\(?:geq|ge)(?![a-z])/g, "≥")
    .replace(/\\(?:leq|le)(?![a-z])/g, "≤")
    .replace(/\\gt(?![a-z])/g, ">")
    .replace(/\\lt(?![a-z])/g, "<");
}

function indicatorRow(ctx: ExtractContext, row: Row, cols: number[], roles: (ColumnRole | null)[], out: Metric[]): void {
  const at = (role: ColumnRole) => row.cells.find((c, k) => roles[cols[k]] === role);
  const indicator = at("indicator")?.text.replace(/\s+/g, " ").trim() ?? "";
  const unitCell = at("unit")?.text.replace(/[()]/g, "").replace(/\s+/g, " ").trim() ?? "";
  if (!indicator) return;
  const text = row.cells.map((c) => c.text.replace(/\s+/g, " ").trim()).join(" | ");
  row.cells.forEach((c, k) => {
    const role = roles[cols[k]];
    if (role !== "target" && role !== "actual" && role !== "status") return;
    const value = plainCell(c.text).trim();
    if (!/\d/.test(value)) return;
    const unit = unitCell || (value.includes("%") ? "%" : (/\(([^()]{1,20})\)\s*$/u.exec(indicator)?.[1] ?? ""));
    const base = { text, subject: indicator, unit, role: (role === "target" ? "target" : "actual") as Role, page: ctx.pageAt(c.span.start), span: c.span };
    let m = CELL_VALUE.exec(value);
    if (m) {
      const v = parseViNumber(m[2]);
      if (v === null) return;
      const cmp = m[4] ? AFTER_MAP.get(norm(m[4]))! : m[1] ? CMP_MAP.get(norm(m[1])) ?? "=" : "=";
      out.push({ ...base, value: v, comparator: cmp });
      return;
    }
    if ((m = CELL_RANGE.exec(value))) {
      const a = parseViNumber(m[1]);
      const b = parseViNumber(m[2]);
      if (a !== null && b !== null && a <= b) out.push({ ...base, value: a, comparator: ">=", max: b });
      return;
    }
    if ((m = CELL_RATIO.exec(value))) {
      const a = parseViNumber(m[1]);
      const b = parseViNumber(m[2]);
      if (a !== null && b) out.push({ ...base, value: a, comparator: "=", numerator: a, denominator: b });
      return;
    }
    // A sentence in a result cell: read its percentages and ratios like prose.
    const found: Metric[] = [];
    scanFigures(ctx, c.span.start, c.span.end, base.role, found);
    for (const x of found) out.push({ ...x, subject: indicator, text });
  });
}

const norm = (s: string) => foldForMatch(s).toLowerCase().replace(/\s+/g, " ").trim();

// ---------- prose ----------

type Figure = { s: number; e: number; value: number; unit: string; comparator: Comparator; max?: number; numerator?: number; denominator?: number; ratio: boolean };

function scanText(ctx: ExtractContext, facts: DocFacts, bi: number, start: number, end: number, hint: Hint, out: Metric[]): void {
  scanFigures(ctx, start, end, hint ? hint.role : { facts, bi }, out);
}

/** Where figures can be: a percent sign or word, or a slash (ratios). */
const FIGURE_IDS = new Set(indexWords([...PERCENT.map((p) => foldForMatch(p).toLowerCase()), "/"]));

/** Percentages, ranges and ratios of one stretch, with comparator, subject and text. */
function scanFigures(ctx: ExtractContext, start: number, end: number, role: Role | { facts: DocFacts; bi: number }, out: Metric[]): void {
  const words = wordIndex(ctx);
  let k = words.from(start);
  while (k < words.pos.length && words.pos[k] < end && !FIGURE_IDS.has(words.word[k])) k++;
  if (k >= words.pos.length || words.pos[k] >= end) return;
  const f = ctx.folded.slice(start, end);
  if (!/\d\s*\$?\s*(?:%|phần)|\d\s*\/\s*\d/u.test(f)) return;
  const t = ctx.doc.text.slice(start, end);
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

// ---------- subject and text ----------

function subjectOf(t: string, f: string, x: Figure): string | null {
  const afterRaw = t.slice(x.e, x.e + 200);
  const skip = SKIP_AFTER.exec(afterRaw)?.[0].length ?? 0;
  const after = afterRaw.slice(skip);
  const stop = after.search(STOP_AFTER);
  let np = (stop >= 0 ? after.slice(0, stop) : after).trim();
  if (/^,/u.test(after.trimStart())) np = "";
  const close = unbalancedClose(np);
  if (close >= 0) np = np.slice(0, close);
  const aside = np.search(/\((?=[^()]*[\d%])/u); // "(đạt 96,43%)": a figure of its own, not part of the name
  if (aside >= 0) np = np.slice(0, aside);
  if (!/^\p{L}/u.test(np)) np = "";
  np = np.split(/\s+/u).slice(0, 18).join(" ").replace(/[,\s]+$/u, "");
  const verbAfter = VERB_AFTER.test(after) && !skip;
  let subject: string;
  if (np && !verbAfter) subject = np;
  else {
    let before = subjectBefore(t, x.s);
    if (/^tỷ lệ$/iu.test(foldForMatch(before))) {
      const label = stripTrailers(labelBefore(t, x.s)).replace(LEADERS, "").trim().replace(COUNT_LEAD, "");
      if (label) before = `${before} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
    } else if (x.ratio) before = before.replace(COUNT_LEAD, "");
    if (x.ratio && x.unit && before && !foldForMatch(before).toLowerCase().includes(foldForMatch(x.unit).toLowerCase())) before = `${before} ${x.unit}`;
    if (verbAfter && np && before) subject = `${before} ${np}`;
    else subject = before || np;
  }
  subject = subject.replace(/[*_]/g, "").replace(/^[\s,;:.\-–+]+|[\s,;:.\-–]+$/gu, "").replace(/\s+/g, " ");
  if (!subject || !/\p{L}/u.test(subject)) return null;
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

/** Offset of the first ")" that closes no "(" of `s`, or -1. */
function unbalancedClose(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth < 0) return i;
  }
  return -1;
}

/**
 * The words before a figure that name it: its clause back to ";", ":", "(" or the
 * sentence start, taking comma-separated pieces from the figure backwards until they
 * hold four words (a noun phrase can contain commas: "người dân, doanh nghiệp"), never
 * taking a piece that is only a number ("…: 6, tỷ lệ 50%").
 */
function subjectBefore(t: string, s: number): string {
  const pre = t.slice(Math.max(0, s - 240), s);
  const k = Math.max(pre.lastIndexOf(";"), pre.lastIndexOf(":"), pre.lastIndexOf("("), pre.lastIndexOf("\n"), pre.search(/[.!?](?=\s[^.!?]*$)/u));
  // "Tái sử dụng dữ liệu: 97,25%": the figure opens its clause, the label before ":" names it.
  if (k >= 0 && (pre[k] === ":" || pre[k] === "(") && ONLY_FIGURE.test(pre.slice(k + 1)))
    return subjectBefore(t, s - (pre.length - k));
  const clause = k >= 0 ? pre.slice(k + 1) : pre;
  // A rate names itself: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 95%" — the subject starts at "tỷ lệ".
  const rate = clause.toLowerCase().lastIndexOf("tỷ lệ");
  if (rate >= 0 && !/[\d%]/u.test(clause.slice(rate))) {
    const named = stripTrailers(clause.slice(rate)).trim();
    if (named.split(/\s+/u).length <= 24) return named;
  }
  const pieces = clause.split(",");
  const taken: string[] = [];
  let words = 0;
  for (let i = pieces.length - 1; i >= 0 && words < 4; i--) {
    const piece = (i === pieces.length - 1 ? stripTrailers(pieces[i]) : pieces[i]).replace(LEADERS, "").trim();
    if (/^[\d.,/%\s]+(?:\S+\s*){0,2}$/u.test(piece)) break; // a count ("6", "1409/1483 hồ sơ"), not a name
    if (!piece) continue;
    taken.unshift(piece);
    words += piece.split(/\s+/u).length;
  }
  return stripTrailers(taken.join(", ")).replace(LEADERS, "").trim();
}

/** The label of the item a figure belongs to: the text before the last ":" that precedes the figure's own clause. */
function labelBefore(t: string, s: number): string {
  const pre = t.slice(Math.max(0, s - 200), s);
  const own = Math.max(pre.lastIndexOf(","), pre.lastIndexOf(";"));
  const head = own >= 0 ? pre.slice(0, own) : pre;
  const colon = head.lastIndexOf(":");
  if (colon < 0) return "";
  const start = Math.max(head.lastIndexOf(";", colon), head.lastIndexOf(".", colon), head.lastIndexOf(",", colon), head.lastIndexOf("\n", colon));
  return head.slice(start + 1, colon);
}

const [SEMI, NL, SPACE] = [59, 10, 32];
const isSentenceMark = (c: number) => c === 46 || c === 33 || c === 63; // . ! ?
const CAPITAL_OR_DIGIT = /^[\p{Lu}\d(+-]/u;

/** The sentence (or ";"-clause) around a figure, at most about 300 characters. */
function clauseText(t: string, s: number, e: number): string {
  // Back to ";", a line break, or ". " before a capital; forward to ";", a line break or a sentence end.
  let a = s;
  const floor = Math.max(0, s - 300);
  while (a > floor) {
    const c = t.charCodeAt(a - 1);
    if (c === SEMI || c === NL || (c === SPACE && isSentenceMark(t.charCodeAt(a - 2)) && CAPITAL_OR_DIGIT.test(t[a] ?? ""))) break;
    a--;
  }
  let b = e;
  const ceiling = Math.min(t.length, e + 300);
  while (b < ceiling) {
    const c = t.charCodeAt(b);
    if (c === SEMI || c === NL) break;
    if (isSentenceMark(c)) {
      const n = t.charCodeAt(b + 1);
      if (b + 1 >= t.length || n === SPACE || n === NL) break;
    }
    b++;
  }
  if (b < t.length && isSentenceMark(t.charCodeAt(b))) b++;
  let text = t.slice(a, b).replace(/\s+/g, " ").trim();
  if (text.length > 300) {
    const rel = s - a;
    text = t.slice(Math.max(a, a + rel - 150), Math.min(b, a + rel + 150)).replace(/\s+/g, " ").trim();
  }
  return text;
}
