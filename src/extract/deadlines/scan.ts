/** Where deadlines are read: time cells of task tables (a row with a filled time cell takes its limits from it), else prose minus citations, qualifiers and periods already over. */
import type { TableBlock } from "../../../schemas/document.js";
import type { Deadline } from "../../../schemas/extraction.js";
import type { ExtractContext } from "../context.js";
import { cellColumns, foreignRanges, inRanges, tableLayout, titleMask, wordIndex, type DocFacts } from "../document-zones.js";
import { at, findAtoms, period, trimEnd } from "./atoms.js";
import { ATTRIBUTE, FORWARD, HORIZON, NEGATION, PERIOD_START, QUALIFIER, SCHEDULE_VERB } from "./patterns.js";
import { Found, resolve } from "./resolve.js";

export function scanTable(ctx: ExtractContext, facts: DocFacts, t: TableBlock, bi: number, out: Deadline[]): void {
  const layout = tableLayout(t);
  if (layout.indicator) return;
  for (const row of t.rows) {
    if (row.header) continue;
    const cols = cellColumns(row);
    const timeCells = row.cells.filter((c, k) => !c.spanned && layout.roles[cols[k]] === "deadline");
    for (const c of timeCells) scanCell(ctx, facts, c.span.start, c.text, out);
    if (timeCells.some((c) => c.text.trim())) continue;
    row.cells.forEach((c, k) => {
      const role = layout.roles[cols[k]];
      if (c.spanned || !(role === "content" || role === "output" || role === "notes" || role === null)) return;
      if (role === null && k === 0) return; // ordinal column without a recognised header
      scanProse(ctx, facts, bi, c.span.start, c.span.end, out);
    });
  }
}

/** A time cell, piece by piece (line breaks, ";", sentence ends). */
export function scanCell(ctx: ExtractContext, facts: DocFacts, start: number, text: string, out: Deadline[]): void {
  const pieces: [number, number][] = [];
  let s = 0;
  const cut = /\n|;|\.(?=\s)/g;
  for (let m; (m = cut.exec(text)); ) {
    const e = m[0] === "." ? m.index + 1 : m.index;
    pieces.push([s, e]);
    s = m.index + 1;
  }
  pieces.push([s, text.length]);
  for (const [ps, pe] of pieces) {
    const f = ctx.folded.slice(start + ps, start + pe);
    if (!f.trim()) continue;
    const found = resolve(f, findAtoms(f, start + ps, "cell", wordIndex(ctx)), "cell", facts.year);
    if (found.length === 1) {
      const lead = f.length - f.trimStart().length;
      const trail = f.length - f.trimEnd().length;
      emit(ctx, found[0], start + ps + lead, start + pe - trail, out);
    } else for (const d of found) emit(ctx, d, start + ps + d.s, start + ps + d.e, out);
  }
}

export function scanProse(ctx: ExtractContext, facts: DocFacts, bi: number, start: number, end: number, out: Deadline[]): void {
  const words = wordIndex(ctx);
  const first = words.from(start);
  if (first >= words.pos.length || words.pos[first] >= end) return; // no time word here
  const f = ctx.folded.slice(start, end);
  const atoms = findAtoms(f, start, "prose", words);
  if (!atoms.length) return;
  const found = resolve(f, atoms, "prose", facts.year);
  if (!found.length) return;
  const foreign = found.some((d) => d.weak) ? foreignRanges(f, titleMask(facts)) : [];
  const qualifiers = qualifierRanges(f);
  found.forEach((d, i) => {
    if (d.kind === "recurring" || d.kind === "on-request") {
      if (facts.problem[bi]) return;
      if (d.kind === "recurring") {
        const before = clauseBefore(f, d.s, 30);
        if (NEGATION.test(before)) return;
        if (ATTRIBUTE.test(f.slice(d.s, d.e)) && !SCHEDULE_VERB.test(before.trim() ? before : "")) return;
      }
      const [ts, te] = phraseClause(f, d.s, d.e, i ? found[i - 1].e : 0, found[i + 1]?.s ?? f.length);
      emit(ctx, d, start + ts, start + te, out);
      return;
    }
    if (d.weak) {
      if (facts.closing[bi] || facts.problem[bi]) return;
      if (inRanges(foreign, d.s, d.e) || inRanges(qualifiers, d.s, d.e)) return;
      if (HORIZON.test(f.slice(Math.max(0, d.s - 12), d.s))) return;
      if (!stillAhead(facts, bi, d, f)) return;
    }
    emit(ctx, d, start + d.s, start + d.e, out);
  });
}

/**
 * Whether a prose period can still be a limit at the document's date: not over
 * before it; in a report or under a results heading, not the period reported on (one
 * the document's date falls in or follows) unless the clause or section looks ahead.
 */
export function stillAhead(facts: DocFacts, bi: number, d: Found, f: string): boolean {
  const span = d.span;
  if (!span) return true;
  const date = facts.date;
  if (date) {
    // A start of a run may lie a month before the document (plans are dated after work began); an end may not.
    if (d.kind === "from" && d.end === null ? span.start < facts.monthBefore! : span.end < date.start) return false;
  }
  // A report, or a plan's section of results ("I. KẾT QUẢ THỰC HIỆN NĂM 2025"), looks back.
  if (facts.klass !== "report" && facts.section[bi] !== -1) return true;
  if (facts.section[bi] === 1 || FORWARD.test(clauseBefore(f, d.s, 30))) return true;
  return date ? span.start > date.end : false;
}

/** Text of the clause before an offset (back to ",", ";", ".", ":" or `max` characters). */
export function clauseBefore(f: string, at: number, max: number): string {
  const pre = f.slice(Math.max(0, at - max), at);
  const k = Math.max(pre.lastIndexOf(","), pre.lastIndexOf(";"), pre.lastIndexOf("."), pre.lastIndexOf(":"), pre.lastIndexOf("("));
  return k >= 0 ? pre.slice(k + 1) : pre;
}

/** "Đối với …" clauses, up to the comma that ends them (list commas between periods do not). */
export function qualifierRanges(f: string): [number, number][] {
  const out: [number, number][] = [];
  QUALIFIER.lastIndex = 0;
  for (let m; (m = QUALIFIER.exec(f)); ) {
    let k = m.index + m[0].length;
    for (;;) {
      const stop = f.slice(k).search(/[,;.:]/u);
      if (stop < 0) {
        k = f.length;
        break;
      }
      k += stop;
      if (f[k] === "," && PERIOD_START.test(f.slice(k + 1, k + 12))) {
        k++;
        continue;
      }
      break;
    }
    out.push([m.index, k]);
  }
  return out;
}

/** A repetition or on-request phrase with the words it qualifies, within its clause (at most 8 words each side). */
export function phraseClause(f: string, s: number, e: number, floor: number, ceiling: number): [number, number] {
  let stop = e;
  while (stop < ceiling && !CLAUSE_MARK.has(f[stop])) stop++;
  const after = f.slice(e, stop).replace(CONJ_END, "");
  const ma = /^(?:\s+\S+){1,8}/u.exec(after);
  if (ma) return [s, trimEnd(f, s, e + ma[0].length)];
  let from = s;
  while (from > floor && !CLAUSE_MARK.has(f[from - 1])) from--;
  const before = f.slice(from, s).replace(CONJ_START, "");
  const mb = /(?:\S+\s+){1,12}$/u.exec(before.slice(-120));
  return [mb ? s - mb[0].length : s, e];
}
export const CLAUSE_MARK = new Set([",", ";", ".", ":", "(", ")", "\n"]);
export const CONJ_END = /(?:\s+(?:và|hoặc))+\s*$/iu;
export const CONJ_START = /^\s*(?:(?:và|hoặc)\s+)+/iu;

export function emit(ctx: ExtractContext, d: Found, s: number, e: number, out: Deadline[]): void {
  const raw = ctx.doc.text.slice(s, e);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim().replace(/\s+/g, " ");
  if (!text) return;
  const start = s + lead;
  out.push({ text, kind: d.kind, start: d.start, end: d.end, page: ctx.pageAt(start), span: { start, end: start + raw.trim().length } });
}
