/** How a mention relates to this document (basis, implements, annex-of, cites), from its sentence, heading, table column and the mentions before it; issuers shared along a list. */
import type { Relation } from "../../../schemas/extraction.js";
import type { HeadingBlock, Span, TableBlock } from "../../../schemas/document.js";
import type { ExtractContext } from "../context.js";
import { columnRoles } from "../registries/columns.js";
import { findAgencyNames } from "../registries/agencies.js";
import { nameFitsIssuerCode } from "../registries/issuers.js";
import { foldForMatch } from "../../normalise/fold.js";
import { BASIS_HEADING, BOUNDARY, CLAUSE_END, CONJUNCTION_START, CUE_RE, ISSUED_BY_SUBJECT, ISSUING_VERB_BEFORE, MAX_LEAD, Mention, SIBLING_GAP, codeKey } from "./mention.js";

export const ALIAS_GAP = /\(\s*(?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là\s*[:“"]?\s*$/iu;
export const ALIAS_RE = /\((?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là\s*[:“"]?\s*([^)”"\n]{2,60}?)\s*[”"]?\s*\)/iuy;

/**
 * Places a mention among the ones before it: a new sentence starts a new group whose
 * relation comes from its leading words; a list continues the group; a citation in
 * the previous one's description is nested in it.
 */
export function relate(ctx: ExtractContext, mention: Mention, earlier: Mention[], defaults: RelationDefaults): void {
  const { folded } = ctx;
  const prev = earlier[earlier.length - 1];
  const reach = Math.max(0, mention.start - MAX_LEAD);
  const leadStart = lastBoundary(folded, prev ? Math.max(prev.end, reach) : reach, mention.start);
  if (!prev || leadStart !== null || prev.end < reach || prev.end > mention.start) {
    mention.group = prev ? prev.group + 1 : 0;
    mention.relation = lastCue(folded.slice(leadStart ?? reach, mention.start)) ?? defaults.at(mention.start);
    takeSubjectIssuer(ctx, mention, leadStart ?? reach);
    return;
  }
  mention.group = prev.group;
  const gap = folded.slice(prev.end, mention.start);
  if (ALIAS_GAP.test(gap)) {
    // "… (gọi tắt là Nghị quyết số 71/NQ-CP)": another name of the citation before, not a new one.
    mention.depth = prev.depth;
    return;
  }
  const groupHead = lastTopLevel(earlier) ?? prev;
  if (gap.includes(";")) {
    const clause = gap.slice(gap.lastIndexOf(";") + 1);
    mention.depth = 0;
    mention.relation = lastCue(clause) ?? groupHead.relation;
    inheritSubjectIssuer(mention, groupHead);
    prev.bare = prev.bare && SIBLING_GAP.test(gap.replace(/;/g, ","));
    return;
  }
  if (SIBLING_GAP.test(gap) || CONJUNCTION_START.test(gap)) {
    mention.depth = prev.depth;
    mention.relation = prev.depth === 0 ? groupHead.relation : "cites";
    if (prev.depth === 0) inheritSubjectIssuer(mention, groupHead);
    prev.bare = prev.bare && SIBLING_GAP.test(gap);
    return;
  }
  // Words between: the previous citation's description names this document.
  prev.bare = false;
  mention.depth = prev.depth + 1;
  mention.relation = "cites";
  if (codeKey(prev.code) !== codeKey(mention.code) && !prev.implements.includes(mention.code)) prev.implements.push(mention.code);
}

/** The last citation of the current group at the top level (the group's first one is always there). */
export function lastTopLevel(earlier: Mention[]): Mention | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].depth === 0) return earlier[i];
  return undefined;
}

/** Start of the text after the last sentence/line/cell boundary in [from, to), or null if none. */
export function lastBoundary(folded: string, from: number, to: number): number | null {
  const window = folded.slice(from, to);
  let last: number | null = null;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(window); m; m = BOUNDARY.exec(window)) last = from + m.index + m[0].length;
  return last;
}

export function lastCue(lead: string): Exclude<Relation, "cites"> | null {
  let found: Exclude<Relation, "cites"> | null = null;
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(lead); m; m = CUE_RE.exec(lead)) {
    const hit = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined);
    if (hit) found = hit[0].replace("_", "-") as Exclude<Relation, "cites">;
  }
  return found;
}

/** "UBND xã X đã ban hành Kế hoạch số …": the subject is the issuer when the symbol agrees. */
export function takeSubjectIssuer(ctx: ExtractContext, mention: Mention, leadStart: number): void {
  if (!ISSUING_VERB_BEFORE.test(ctx.folded.slice(Math.max(leadStart, mention.start - 40), mention.start))) return;
  const names = findAgencyNames(ctx.folded, leadStart, mention.start);
  const last = names[names.length - 1];
  if (!last || !ISSUED_BY_SUBJECT.test(ctx.folded.slice(last.end, mention.start))) return;
  mention.subject = ctx.doc.text.slice(last.start, last.end).replace(/\s+/g, " ");
  adoptSubject(mention);
}

export function inheritSubjectIssuer(mention: Mention, head: Mention): void {
  mention.subject = head.subject;
  adoptSubject(mention);
}

export function adoptSubject(mention: Mention): void {
  if (mention.subject && !mention.issuer && mention.parsed.issuer && nameFitsIssuerCode(mention.subject, mention.parsed.issuer))
    mention.issuer = mention.subject;
}

/**
 * "Kế hoạch số 70-KH/ĐU ngày 06/02/2026, Kế hoạch số 90-KH/ĐU ngày 23/3/2026 của Đảng ủy
 * xã X": the issuer written after the last of a list belongs to the bare codes before
 * it that carry the same issuer symbol.
 */
export function shareListIssuers(mentions: Mention[]): void {
  for (let i = 1; i < mentions.length; i++) {
    const m = mentions[i];
    if (!m.ownIssuer || !m.parsed.issuer) continue;
    for (let j = i - 1; j >= 0; j--) {
      const p = mentions[j];
      if (p.issuer || !p.bare || p.group !== m.group || p.depth !== m.depth || p.parsed.issuer !== m.parsed.issuer) break;
      if (mentions[j + 1].depth !== m.depth) break;
      p.issuer = m.issuer;
    }
  }
}

/**
 * "Kế hoạch số 42-KH/ĐU ngày 15/01/2026 về … năm 2026 của Đảng ủy phường X.": an issuer
 * that closes the citation's own clause, when no other citation comes between and
 * the name is one the symbol's issuer part is known to stand for.
 */
export function clauseFinalIssuers(ctx: ExtractContext, mentions: Mention[]): void {
  const { folded, doc } = ctx;
  mentions.forEach((m, i) => {
    if (m.issuer || !m.parsed.issuer) return;
    const rest = folded.slice(m.end, m.end + 400);
    const stop = rest.search(CLAUSE_END);
    if (stop < 0 || !rest.slice(0, stop).includes("của")) return;
    const clauseEnd = m.end + stop;
    const next = mentions[i + 1];
    if (next && next.start < clauseEnd) return;
    const names = findAgencyNames(folded, m.end, clauseEnd);
    const last = names[names.length - 1];
    if (!last || !/^[\s.,/]*$/u.test(folded.slice(last.end, clauseEnd)) || !/của\s+$/iu.test(folded.slice(m.end, last.start))) return;
    const name = doc.text.slice(last.start, last.end).replace(/\s+/g, " ");
    if (nameFitsIssuerCode(name, m.parsed.issuer, false)) m.issuer = name;
  });
}

/** "Ban Chỉ đạo … xã Phú Thịnh (sau đây gọi tắt là Ban Chỉ đạo)": short name → full name. */
export function readAliases(ctx: ExtractContext): Map<string, string> {
  const { folded, doc } = ctx;
  const out = new Map<string, string>();
  // Every "(" is a cheap place to try the sticky pattern; a scan for the Vietnamese phrase is slower.
  for (let open = folded.indexOf("("); open >= 0; open = folded.indexOf("(", open + 1)) {
    ALIAS_RE.lastIndex = open;
    const m = ALIAS_RE.exec(folded);
    if (!m) continue;
    const alias = m[1].trim();
    if (/\d/u.test(alias)) continue; // "(gọi tắt là Nghị quyết số 71/NQ-CP)" names a document
    const from = lastBoundary(folded, Math.max(0, open - 300), open) ?? Math.max(0, open - 300);
    const before = folded.slice(from, open).toLowerCase();
    const found = before.lastIndexOf(alias.toLowerCase());
    if (found < 0) continue;
    const full = doc.text.slice(from + found, open).trim().replace(/[,\s]+$/u, "");
    if (full.length > alias.length) out.set(foldForMatch(alias).toLowerCase(), full);
  }
  return out;
}

export function resolveAlias(name: string, foldedName: string, aliases: Map<string, string>): string {
  const clean = name.replace(/\s+/g, " ").trim();
  return aliases.size ? (aliases.get(foldedName.replace(/\s+/g, " ").trim().toLowerCase()) ?? clean) : clean;
}

export type RelationDefaults = { at: (offset: number) => Relation };

/**
 * Relations that come from where a citation sits: codes in a "Văn bản giao nhiệm vụ"
 * column are what the task implements; citations under a "Căn cứ …" heading are a basis.
 * Mentions arrive in text order, so one forward pointer walks the zones and a table's
 * columns are read only when a citation falls inside it.
 */
export function relationDefaults(ctx: ExtractContext): RelationDefaults {
  const blocks = ctx.doc.blocks;
  const basis: Span[] = [];
  const tables: TableBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === "table") tables.push(b);
    if (b.type !== "heading" || !BASIS_HEADING.test(ctx.folded.slice(b.span.start, b.span.end))) continue;
    let j = i + 1;
    while (j < blocks.length && !(blocks[j].type === "heading" && (blocks[j] as HeadingBlock).level <= b.level)) j++;
    basis.push({ start: b.span.end, end: j < blocks.length ? blocks[j].span.start : ctx.doc.text.length });
  }
  let bi = 0;
  let ti = 0;
  return {
    at(offset: number) {
      while (ti < tables.length && tables[ti].span.end <= offset) ti++;
      const table = tables[ti];
      if (table && table.span.start <= offset && insideAny(sourceCells(table), offset)) return "implements";
      while (bi < basis.length && basis[bi].end <= offset) bi++;
      return basis[bi] && basis[bi].start <= offset ? "basis" : "cites";
    },
  };
}

/** Binary search over spans in text order. */
export function insideAny(spans: Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

export const sourceCellCache = new WeakMap<TableBlock, Span[]>();

/** Spans of the cells under a "Văn bản giao nhiệm vụ" header (registries/columns.ts). */
export function sourceCells(table: TableBlock): Span[] {
  const cached = sourceCellCache.get(table);
  if (cached) return cached;
  const header = table.rows.find((r) => r.header) ?? table.rows[0];
  const spans: Span[] = [];
  if (header) {
    const roles = columnRoles(header.cells.map((c) => c.text));
    if (roles.includes("sources"))
      for (const row of table.rows) if (row !== header) row.cells.forEach((cell, k) => roles[k] === "sources" && spans.push(cell.span));
  }
  sourceCellCache.set(table, spans);
  return spans;
}
