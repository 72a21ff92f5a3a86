/**
 * Figures in tables.
 *
 * Indicator tables — a label column (Chỉ tiêu / Nội dung) beside value columns whose
 * headers say what the values are — give one metric per target or result cell:
 *
 *   TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Thực hiện 2025 | % so với KH | So với cùng kỳ (%)
 *   I  | Trồng trọt
 *   1  | Diện tích lúa | ha | 1.250 | 1.262,5 | 101 | 98,5
 *   -  | Năng suất | tạ/ha | 60 | 61,2 …
 *
 *   role     from the value column's header, read from its deepest header row up ("Năm 2025"
 *            over "Kế hoạch | Thực hiện"): Kế hoạch / Chỉ tiêu … / Mục tiêu → "target"; Thực hiện /
 *            Kết quả / Ước đạt / Lũy kế → "actual"; "% so với kế hoạch", "so với cùng kỳ" → the
 *            row's result as a percentage of its target or of the period before: role "actual",
 *            unit "%", `compares` "target" | "previous"; "Đến năm 2030" → "target"; a bare period
 *            ("Năm 2026", "2026 - 2030") → "target" in a plan, "actual" in a report;
 *   unit     the unit column, else the header's parentheses ("Sản lượng (tấn)", "Kế hoạch (%)"),
 *            else the label's ("Thu nhập bình quân (triệu đồng)"), else "%" when the cell has one;
 *   subject  the row label; a short one ("Năng suất", "- Lúa", "Trong đó: …") is completed with
 *            the label of the nearest group row above ("Trồng trọt: Năng suất");
 *   value    cell-values.ts (numbers, comparisons, ranges, `a/b` ratios); a sentence in a result
 *            cell is read as prose with the column's role.
 * Group rows (a label, no figure) give no metric. A table is an indicator table when it has
 * such value columns and a unit column, an indicator ("Chỉ tiêu") column, a comparison column
 * or both a target and a result column, and at least one cell holding a bare figure.
 *
 * Other tables (task lists): the task's content, output and target cells state goals, status
 * and result cells results; their figures are read as prose with that role.
 */
import type { Cell, TableBlock } from "../../../schemas/document.js";
import type { Metric } from "../../../schemas/extraction.js";
import type { ExtractContext } from "../context.js";
import { cellColumns, tableLayout, type DocFacts } from "../document-zones.js";
import { columnRole, type ColumnRole } from "../registries/columns.js";
import { INDICATOR_ACTUAL_HEADERS, INDICATOR_RATIO_HEADERS, INDICATOR_TARGET_HEADERS } from "../registries/metric-roles.js";
import { anyOf, WB, WE } from "../registries/phrase-pattern.js";
import { COUNTED_NOUNS, MEASURE_UNITS } from "../registries/units.js";
import { remembered } from "../remembered.js";
import { tableGrid, type Grid } from "../table-grid.js";
import { foldForMatch } from "../../normalise/fold.js";
import { cellFigure } from "./cell-values.js";
import { proseMetrics } from "./prose-metrics.js";

type ValueRole = { role: "target" | "actual"; compares?: "target" | "previous" };
type Column = ValueRole | "label" | "unit" | null;

const IND_ACTUAL = new RegExp(`^(?:${anyOf(INDICATOR_ACTUAL_HEADERS)})${WE}`, "iu");
const IND_TARGET = new RegExp(`^(?:${anyOf(INDICATOR_TARGET_HEADERS)})${WE}`, "iu");
const RATIOS = INDICATOR_RATIO_HEADERS.map(({ compares, phrases }) => ({ compares, re: new RegExp(`${WB}(?:${anyOf(phrases)})${WE}|%\\s*(?:${anyOf(phrases)})`, "iu") }));
const UNIT_WORDS = new Set([...MEASURE_UNITS, ...COUNTED_NOUNS].map((u) => foldForMatch(u).toLowerCase()));
const PARENTHESES_UNIT = /\(([^()]{1,24})\)\s*$|(?:đvt|đơn vị tính|đơn vị)\s*:\s*([^,;()]{1,24})$/iu;
// A sub-item ("- Lúa", "Trong đó: …", a lower-case continuation): no "i" flag, or \p{Ll} would match any letter.
const SHORT_LABEL = /^(?:[-+•–*]|[Tt]rong đó|[Gg]ồm|[Bb]ao gồm|\p{Ll})/u;

const clean = (s: string) => s.replace(/<[^>]+>/g, "").replace(/[*_]/g, "").replace(/\s+/g, " ").trim();
const fold = (s: string) => foldForMatch(clean(s)).toLowerCase();

// "Năm 2026", "2030", "Giai đoạn 2026 - 2030": a period only — a plan's goal for it, a report's result in it.
const PERIOD_HEADER = /^(?:năm|giai đoạn)?\s*\d{4}(?:\s*[-–]\s*\d{4})?$/u;
const BY_YEAR_HEADER = /^đến\s+năm\s+\d{4}$/u;

/** What one header part says a column holds; a comparison first (it names the target too). */
function valueRole(part: string, klass: DocFacts["klass"] = null): ValueRole | null {
  return ROLES_BY_CLASS[klass ?? "none"](part);
}
// Header wordings repeat across tables and documents.
const ROLES_BY_CLASS = {
  plan: remembered((part) => readValueRole(part, "plan")),
  report: remembered((part) => readValueRole(part, "report")),
  none: remembered((part) => readValueRole(part, null)),
};

function readValueRole(part: string, klass: DocFacts["klass"]): ValueRole | null {
  const h = fold(part);
  for (const { compares, re } of RATIOS) if (re.test(h)) return { role: "actual", compares };
  const r = columnRole(part);
  if (r === "target" || IND_TARGET.test(h) || BY_YEAR_HEADER.test(h)) return { role: "target" };
  if (r === "actual" || r === "status" || IND_ACTUAL.test(h)) return { role: "actual" };
  if (klass && PERIOD_HEADER.test(h)) return { role: klass === "plan" ? "target" : "actual" };
  return null;
}

/** A unit named in a header or label: "(ha)", "(tạ/ha)", "ĐVT: tấn". */
export function unitIn(text: string): string | null {
  const m = PARENTHESES_UNIT.exec(clean(text));
  const unit = (m?.[1] ?? m?.[2] ?? "").trim();
  return unit && UNIT_WORDS.has(foldForMatch(unit).toLowerCase()) ? unit : null;
}

export function tableMetrics(ctx: ExtractContext, facts: DocFacts, t: TableBlock, bi: number, out: Metric[]): void {
  const { rows, width } = tableGrid(t);
  let headerCount = 0;
  while (headerCount < rows.length && rows[headerCount].row.header) headerCount++;
  if (!headerCount) headerCount = 1;
  // A sub-header row of value words under a merged parent ("Năm 2025" over "Kế hoạch | Thực hiện").
  while (headerCount < rows.length - 1 && subHeader(rows[headerCount])) headerCount++;
  const headers = Array.from({ length: width }, (_, col) => {
    const parts: string[] = [];
    for (let r = 0; r < headerCount; r++) {
      const text = clean(rows[r].cells[col]?.text ?? "");
      if (text && !parts.includes(text)) parts.push(text);
    }
    return parts;
  });
  const columns = headers.map((parts): Column => {
    for (let k = parts.length - 1; k >= 0; k--) {
      const v = valueRole(parts[k], facts.klass);
      if (v) return v;
    }
    const role = parts.length ? columnRole(parts[0]) : null;
    return role === "unit" ? "unit" : role === "indicator" || role === "content" ? "label" : null;
  });
  if (!isIndicatorTable(rows.slice(headerCount), headers, columns)) return taskTableMetrics(ctx, facts, t, bi, out);
  const labelCol = columns.indexOf("label") >= 0 ? columns.indexOf("label") : firstTextColumn(rows.slice(headerCount), columns);
  const unitCol = columns.indexOf("unit");
  let group = "";
  for (const g of rows.slice(headerCount)) {
    const label = clean(g.cells[labelCol]?.text ?? "");
    const valued = columns.some((c, i) => typeof c === "object" && c !== null && /\d/.test(g.cells[i]?.text ?? "") && !g.cells[i]?.spanned);
    if (!valued) {
      if (label) group = label.replace(/^[IVXLC]+\.\s*|^\d+(?:\.\d+)*\.\s*/u, "");
      continue;
    }
    if (!label) continue;
    const short = label.split(/\s+/u).length <= 2 || SHORT_LABEL.test(label);
    const own = label.replace(/^[-+•–*]\s*/u, "");
    const subject = short && group && group !== label ? `${group}: ${own}` : own;
    if (!short) group = own;
    const rowUnit = clean(g.cells[unitCol]?.text ?? "").replace(/[()]/g, "");
    const text = [...new Set(g.cells.filter((c): c is Cell => !!c))].map((c) => clean(c.text)).join(" | ");
    const seen = new Set<Cell>();
    columns.forEach((c, i) => {
      const cell = g.cells[i];
      if (typeof c !== "object" || c === null || !cell || cell.spanned || seen.has(cell)) return;
      seen.add(cell);
      const figure = cellFigure(cell.text);
      const base = { text, subject, role: c.role, page: ctx.pageAt(cell.span.start), span: cell.span, ...(c.compares ? { compares: c.compares } : {}) };
      if (!figure) {
        // A sentence in a result cell: its percentages and ratios, with this row's subject.
        const found: Metric[] = [];
        proseMetrics(ctx, cell.span.start, cell.span.end, c.role, found);
        for (const x of found) out.push({ ...x, subject, text });
        return;
      }
      const unit = c.compares ? "%" : rowUnit || unitIn(headers[i].join(" ")) || unitIn(label) || (figure.percent ? "%" : "");
      const metric: Metric = { ...base, value: figure.value, unit, comparator: figure.comparator };
      if (figure.max !== undefined) metric.max = figure.max;
      if (figure.numerator !== undefined) Object.assign(metric, { numerator: figure.numerator, denominator: figure.denominator });
      out.push(metric);
    });
  }
}

/** A row under the header whose cells only name value columns or number them ("(1) | (2)", "A | B | 1 | 2"). */
function subHeader(g: Grid[number]): boolean {
  const texts = [...new Set(g.cells.filter((c): c is Cell => !!c && !c.spanned))].map((c) => clean(c.text)).filter(Boolean);
  if (!texts.length) return false;
  return texts.every((t) => valueRole(t) !== null || columnRole(t) === "unit") || (texts.length >= 3 && texts.every((t) => /^\(?(?:\d{1,2}|[A-Z])\)?$/u.test(t)));
}

function isIndicatorTable(body: Grid, headers: string[][], columns: Column[]): boolean {
  const values = columns.flatMap((c, i) => (typeof c === "object" && c !== null ? [i] : []));
  if (!values.length) return false;
  const ratio = columns.some((c) => typeof c === "object" && c?.compares);
  const both = columns.some((c) => typeof c === "object" && c?.role === "target") && columns.some((c) => typeof c === "object" && c?.role === "actual" && !c.compares);
  const indicator = headers.some((parts) => parts.some((p) => columnRole(p) === "indicator"));
  if (!(columns.includes("unit") || indicator || ratio || both)) return false;
  return body.some((g) => values.some((i) => g.cells[i] && !g.cells[i]!.spanned && cellFigure(g.cells[i]!.text)));
}

/** Without an indicator column: the first column (not ordinal, unit or value) that holds text in most rows. */
function firstTextColumn(body: Grid, columns: Column[]): number {
  for (let i = 0; i < columns.length; i++) {
    if (columns[i] !== null) continue;
    const filled = body.filter((g) => /\p{L}{2}/u.test(g.cells[i]?.text ?? "")).length;
    if (filled * 2 >= body.length) return i;
  }
  return 0;
}

/** Figures in the cells of a task table, with the role its column gives them. */
function taskTableMetrics(ctx: ExtractContext, facts: DocFacts, t: TableBlock, bi: number, out: Metric[]): void {
  const { roles } = tableLayout(t);
  for (const row of t.rows) {
    if (row.header) continue;
    const cols = cellColumns(row);
    row.cells.forEach((c, k) => {
      if (c.spanned) return;
      const role = cellRole(roles[cols[k]]);
      if (role !== undefined) proseMetrics(ctx, c.span.start, c.span.end, role ?? { facts, bi }, out);
    });
  }
}

/**
 * Task-table columns: a task's content, output and goals state targets (an "indicator"
 * column of a table with no figure columns is its content: "TT | Chỉ tiêu | Chủ trì"), its
 * status and results what was done; notes and unnamed columns read like prose (null);
 * agencies, sources, dates and documents hold no figures (undefined).
 */
function cellRole(role: ColumnRole | null): Metric["role"] | undefined {
  switch (role) {
    case "content":
    case "indicator":
    case "output":
    case "target":
      return "target";
    case "status":
    case "actual":
      return "actual";
    case "notes":
    case null:
      return null;
    default:
      return undefined;
  }
}
