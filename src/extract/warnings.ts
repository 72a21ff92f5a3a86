/**
 * Consistency checks: arithmetic a reader would do, reported as warnings that name
 * the page and the span of the statement they question. Nothing is corrected.
 *
 * Checks and the shapes they read (folded text, case-insensitive; numbers per
 * vietnamese-numbers.ts; phrases in registries/task-counts.ts):
 *   ratio and percentage  "1.247/1.484, tỷ lệ: 84,03%", "100% … tại 48/48 tổ dân phố": a ratio metric and the
 *                         percentage metric next to it in the same line, within one unit of the last printed decimal
 *   count and percentage  "Tổng số nhiệm vụ được giao: 12 … Số nhiệm vụ đã hoàn thành: 6, tỷ lệ 50%": a count with
 *                         a rate, against the nearest earlier total of the same noun ("nhiệm vụ", "hồ sơ")
 *   total and its parts   "Tổng số hồ sơ đã tiếp nhận: 6.576 hồ sơ (Tiếp nhận trực tiếp 110 hồ sơ; trực tuyến 6.316 hồ sơ)",
 *                         "Tổng số TTHC: 414; toàn trình: 35, một phần: 379, trực tiếp: 0" (parts must add up), and
 *                         "…: 180 hồ sơ. Trong đó:" followed by "+ …: 135" items (parts may not exceed the total,
 *                         since such lists need not be complete)
 *   tasks by status       "Số nhiệm vụ đã hoàn thành: 6", "Tổng số nhiệm vụ được giao: 12", "Số nhiệm vụ quá hạn: 0"
 *                         against the task-status annex (table tasks with a status), when it has at least three rows
 */
import type { Extraction, ExtractionMessage, Metric, TaskStatus } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
import { documentFacts } from "./document-zones.js";
import { anyOf, WB, WE } from "./registries/phrase-pattern.js";
import { PARTS_OPENERS, TASK_COUNT_PHRASES, TASK_COUNT_QUALIFIERS, TOTAL_WORDS } from "./registries/task-counts.js";
import { COUNT_WORDS } from "./registries/units.js";
import { warningText } from "./warning-text.js";
import { decimalsOf, NUMBER, NUMBER_START, parseViNumber } from "./vietnamese-numbers.js";

const N = `(${NUMBER})`;
const LABEL = String.raw`([^:;.()\n]{2,80}?)`;
const TOTAL = `(?:${anyOf(TOTAL_WORDS)})`;
const COUNT = `(?:${anyOf(COUNT_WORDS)})`;

const COUNT_WITH_RATE = new RegExp(String.raw`${WB}${COUNT}\s+${LABEL}\s*:\s*${NUMBER_START}${N}(?!\s*\/)\s*(?:\p{L}+\s*){0,2}[,;]?\s*tỷ\s*lệ\s*:?\s*${N}\s*%`, "giu");
const TOTAL_OF = new RegExp(String.raw`${WB}${TOTAL}\s+${LABEL}\s*:\s*${NUMBER_START}${N}(?!\s*\/)`, "giu");
const TOTAL_PAREN = new RegExp(String.raw`${WB}${TOTAL}\s+${LABEL}\s*:\s*${NUMBER_START}${N}\s*(?:\p{L}+\s*){0,2}\(([^()]{3,300})\)`, "giu");
const TOTAL_LIST = new RegExp(String.raw`${WB}${TOTAL}\s+${LABEL}\s*:\s*${NUMBER_START}${N}\s*(?:\p{L}+\s*){0,2};((?:\s*[^:;.()\n]{1,80}:\s*${NUMBER}\s*(?:\p{L}+\s*){0,2},?){2,})`, "giu");
const PARTS_AFTER = new RegExp(String.raw`:\s*${NUMBER_START}${N}\s*(?:\p{L}+\s*){0,3}[.,]?\s*(?:${anyOf(PARTS_OPENERS)})\s*:?\s*$`, "iu");
const FIRST_COUNT = new RegExp(String.raw`:\s*${NUMBER_START}${N}(?!\s*\/)`, "u");
const NUMBER_IN = new RegExp(String.raw`${NUMBER_START}${N}(?!\s*\/)`, "gu");
const TASK_COUNT = new RegExp(String.raw`${WB}(?:${TOTAL}|số)\s+nhiệm\s+vụ${WE}\s*([^:;,.()\n]{0,60}?)\s*:\s*${NUMBER_START}(\d+)${WE}`, "giu");
const TASK_PHRASES = [...TASK_COUNT_PHRASES].sort((a, b) => b.phrase.length - a.phrase.length);
const QUALIFIER = new RegExp(`^\\s*(?:${anyOf(TASK_COUNT_QUALIFIERS)})${WE}`, "iu");

export function checkConsistency(x: Extraction, ctx: ExtractContext): string[] {
  return consistencyMessages(x, ctx).map(warningText);
}

export function consistencyMessages(x: Extraction, ctx: ExtractContext): ExtractionMessage[] {
  const out: ExtractionMessage[] = [];
  const quote = (s: number, e: number) => `"${ctx.doc.text.slice(s, e).replace(/\s+/g, " ").trim()}"`;
  const warn = (s: number, e: number, why: string) =>
    out.push({ code: "consistency", message: `${quote(s, e)} ${why}`, page: ctx.pageAt(s), span: { start: s, end: e }, severity: "warning" });

  ratioAndPercent(ctx, x.metrics, warn);
  const facts = documentFacts(ctx);
  ctx.doc.blocks.forEach((b, bi) => {
    if (facts.outside[bi] || b.type === "table" || b.type === "signature") return;
    const start = b.span.start;
    const f = ctx.folded.slice(start, b.span.end);
    // Every count, rate and total shape has a figure after a colon: most blocks have neither.
    if (!/\d/.test(f) || !f.includes(":")) return;
    countAndRate(ctx, start, f, warn);
    totalsAndParts(ctx, bi, start, f, warn);
  });
  tasksByStatus(ctx, x, warn);
  return out;
}

type Warn = (s: number, e: number, why: string) => void;

/** One unit in the last printed decimal place of a percentage (authors round and truncate). */
const tolerance = (printed: string) => 10 ** -decimalsOf(printed) + 1e-9;
const fmt = (v: number) => (Math.round(v * 100) / 100).toString().replace(".", ",");

function ratioAndPercent(ctx: ExtractContext, metrics: Metric[], warn: Warn): void {
  const pcts = metrics.filter((m) => m.unit === "%" && m.span && m.max === undefined && m.numerator === undefined);
  for (const r of metrics) {
    if (r.numerator === undefined || !r.denominator || !r.span) continue;
    const near = pcts
      .map((p) => ({ p, d: p.span!.start >= r.span!.end ? p.span!.start - r.span!.end : r.span!.start - p.span!.end }))
      .filter(({ p, d }) => d >= 0 && d <= 80 && !ctx.doc.text.slice(Math.min(p.span!.end, r.span!.end), Math.max(p.span!.start, r.span!.start)).includes("\n"))
      .sort((a, b) => (a.p.span!.start >= r.span!.end ? 0 : 1) - (b.p.span!.start >= r.span!.end ? 0 : 1) || a.d - b.d)[0];
    if (!near) continue;
    const printed = /[\d.,]+/.exec(ctx.doc.text.slice(near.p.span!.start, near.p.span!.end))?.[0] ?? String(near.p.value);
    const expected = (100 * r.numerator) / r.denominator;
    if (Math.abs(expected - near.p.value) > tolerance(printed)) {
      const s = Math.min(r.span.start, near.p.span!.start);
      const e = Math.max(r.span.end, near.p.span!.end);
      warn(s, e, `states ${printed}% but ${r.numerator}/${r.denominator} is ${fmt(expected)}%`);
    }
  }
}

/** The noun a count or total counts: its label without count words, first two words ("nhiệm vụ", "hồ sơ"). */
const headNoun = (label: string) =>
  label.toLowerCase().replace(new RegExp(`^\\s*(?:${COUNT}\\s+|lượng\\s+)*`, "iu"), "").trim().split(/\s+/u).slice(0, 2).join(" ");

function countAndRate(ctx: ExtractContext, start: number, f: string, warn: Warn): void {
  COUNT_WITH_RATE.lastIndex = 0;
  for (let m; (m = COUNT_WITH_RATE.exec(f)); ) {
    const count = parseViNumber(m[2]);
    const rate = parseViNumber(m[3]);
    if (count === null || rate === null) continue;
    const noun = headNoun(m[1]);
    // The nearest earlier total of the same noun, within the last 1500 characters.
    const at = start + m.index;
    const before = ctx.folded.slice(Math.max(0, at - 1500), at + m[0].length);
    let total: number | null = null;
    TOTAL_OF.lastIndex = 0;
    for (let t; (t = TOTAL_OF.exec(before)); ) if (headNoun(t[1]) === noun) total = parseViNumber(t[2]);
    if (!total) continue;
    const expected = (100 * count) / total;
    if (Math.abs(expected - rate) > tolerance(m[3]))
      warn(at, at + m[0].length, `states ${m[3]}% but ${count} of the total ${total} is ${fmt(expected)}%`);
  }
}

function sumOf(parts: string[]): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (const p of parts) {
    const nums = [...p.matchAll(NUMBER_IN)].map((k) => parseViNumber(k[1]));
    if (nums.length !== 1 || nums[0] === null) return { sum: NaN, n: 0 };
    sum += nums[0];
    n++;
  }
  return { sum, n };
}

function totalsAndParts(ctx: ExtractContext, bi: number, start: number, f: string, warn: Warn): void {
  for (const re of [TOTAL_PAREN, TOTAL_LIST]) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(f)); ) {
      const total = parseViNumber(m[2]);
      const list = re === TOTAL_PAREN ? m[3].split(";") : m[3].split(/,(?=[^,]*:)/u);
      const { sum, n } = sumOf(list.map((p) => (re === TOTAL_LIST ? p.slice(p.indexOf(":") + 1) : p)));
      if (total === null || n < 2 || Number.isNaN(sum) || sum === total) continue;
      warn(start + m.index, start + m.index + m[0].length, `gives a total of ${m[2]} but its parts add up to ${sum}`);
    }
  }
  // "…: 180 hồ sơ. Trong đó:" and the "+" items that follow.
  const head = PARTS_AFTER.exec(f);
  if (!head) return;
  const total = parseViNumber(head[1]);
  if (total === null) return;
  const blocks = ctx.doc.blocks;
  const lead = blocks[bi];
  const leadDepth = lead.type === "list-item" ? lead.depth + (lead.marker === "+" ? 1 : 0) : -1;
  let sum = 0;
  let n = 0;
  let end = lead.span.end;
  for (let k = bi + 1; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.type !== "list-item" || b.depth + (b.marker === "+" ? 1 : 0) <= leadDepth) break;
    const m = FIRST_COUNT.exec(ctx.folded.slice(b.span.start, b.span.end));
    const v = m ? parseViNumber(m[1]) : null;
    if (v === null) break;
    sum += v;
    n++;
    end = b.span.end;
  }
  if (n >= 2 && sum > total) warn(lead.span.start, end, `lists parts adding up to ${sum}, more than the total ${head[1]}`);
}

function tasksByStatus(ctx: ExtractContext, x: Extraction, warn: Warn): void {
  const annex = x.tasks.filter((t) => t.origin === "table" && t.status);
  if (annex.length < 3) return;
  const count = (statuses: TaskStatus[] | "all") => (statuses === "all" ? annex.length : annex.filter((t) => statuses.includes(t.status!)).length);
  const facts = documentFacts(ctx);
  ctx.doc.blocks.forEach((b, bi) => {
    if (facts.outside[bi] || b.type === "table" || b.type === "signature") return;
    const start = b.span.start;
    const f = ctx.folded.slice(start, b.span.end);
    if (!f.includes(":")) return; // "Tổng số nhiệm vụ …: 12" has one
    TASK_COUNT.lastIndex = 0;
    for (let m; (m = TASK_COUNT.exec(f)); ) {
      const label = m[1].toLowerCase().trim();
      const entry = TASK_PHRASES.find((p) => label === p.phrase || label.startsWith(`${p.phrase} `));
      if (!entry) continue;
      if (entry.statuses !== "all" && entry.statuses[0] === "done" && QUALIFIER.test(label.slice(entry.phrase.length))) continue;
      const stated = Number(m[2]);
      const annexed = count(entry.statuses);
      if (stated !== annexed) {
        const names = entry.statuses === "all" ? "tasks" : `tasks ${entry.statuses.join("/")}`;
        warn(start + m.index, start + m.index + m[0].length, `but the task-status annex lists ${annexed} ${names}`);
      }
    }
  });
}
