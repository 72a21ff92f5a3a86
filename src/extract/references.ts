/**
 * References: every other document the text cites by number and symbol, once per
 * distinct code, with its kind, date, issuer, mention count and relation.
 *
 * Citation shapes accepted (on ctx.folded; words match any case, symbols are capitals):
 *   "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về …"   Party code, date, issuer
 *   "Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024"                    no "số", long date
 *   "Kế hoạch số 144/KH-UBND ngày 09/4/2026 của UBND tỉnh Thái Nguyên" state code
 *   "Công văn số 3216/UBND-KGVX"                                       công văn (no type part)
 *   "Nghị định số 30/2020/NĐ-CP", "Luật Đất đai số 31/2024/QH15"      normative, year inside
 *   "Chương trình hành động số 62-CTr/TU", "Thông báo kết luận số 13-TB/CQTT"
 *   "Kế hoạch số: 12/KH-UBND", "SỐ 13-TB/CQTT NGÀY 01/4/2026"          colon, capitals
 *   "13-TB/CQTT; 41-KH/TU; 35/KH-UBND"                                  bare codes (table cells)
 *   "57- NQ/TW", "35/KH- UBND" (a cell's line break)                    blanks inside a code
 *   "…; 70-KH/ĐU …, 90-KH/ĐU … của Đảng ủy xã X"                        a list sharing its issuer
 *   "UBND xã X đã ban hành Kế hoạch số 39/KH-UBND …"                   the subject issued it
 *   "của Ban Chỉ đạo" after "Ban Chỉ đạo … xã X (sau đây gọi tắt là Ban Chỉ đạo)" → the full name
 * Not references: the document's own code (also where an annex repeats it); a number
 * without symbol ("Đề án số 06"); "Số: /KH-UBND"; dates, ranges, versions ("19/6/2025",
 * "2026-2030", "4.0"); capitals without a number ("TH&THCS", "KT-XH").
 *
 * Relations: the words before a citation (registries/relations.ts); a citation inside
 * another one's description ("Kế hoạch số 80-KH/ĐU … về triển khai thực hiện Đề án số
 * 22-ĐA/TU") is recorded on the outer one as `implements`, and cites for this document.
 */
import type { DocKind, Reference, Relation } from "../../schemas/extraction.js";
import type { HeadingBlock, Span, TableBlock } from "../../schemas/document.js";
import type { ExtractContext } from "./context.js";
import { columnRoles } from "./registries/columns.js";
import { CODE_PATTERN, canonicalCode, kindFromCode, parseCode, type ParsedCode } from "./registries/document-codes.js";
import { GENERIC_WORD_PATTERN, KIND_QUALIFIER_PATTERN, KIND_WORD_PATTERN, kindFromWord } from "./registries/document-types.js";
import { findAgencyNames, readAgencyName } from "./registries/agencies.js";
import { nameFitsIssuerCode } from "./registries/issuers.js";
import { BASIS_HEADINGS, RELATION_CUES, RELATION_STRENGTH } from "./registries/relations.js";
import { LONG_DATE, NUMERIC_DATE, iso } from "./vietnamese-dates.js";
import { foldForMatch } from "../normalise/fold.js";
import { appendAll } from "../large-arrays.js";

type Mention = {
  code: string;
  parsed: ParsedCode;
  start: number;
  end: number;
  kindWord: DocKind | null;
  date: string | null;
  issuer: string | null;
  /** The issuer came from this mention's own "của …". */
  ownIssuer: boolean;
  /** Written with "số" ("Nghị quyết số 57-NQ/TW"), the full citation form. */
  numberWord: boolean;
  relation: Relation;
  depth: number;
  /** Nothing but a date and issuer follows the code before the next citation. */
  bare: boolean;
  /** Citations of one sentence, line or cell share a group. */
  group: number;
  /** "X đã ban hành …" before the group: the body that issued its citations. */
  subject: string | null;
  implements: string[];
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phrase = (s: string) => escape(foldForMatch(s).toLowerCase()).replace(/ /g, "\\s+");
const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{M}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{M}])";

const CODE_RE = new RegExp(CODE_PATTERN, "gu");
const NUMBER_WORD = `số(?:\\s+hiệu)?\\s*[:.]?\\s*`;
/** Kind words anywhere in the short window before a code; the last one is checked against what follows it. */
const KIND_IN_WINDOW = new RegExp(`${NOT_WORD_BEFORE}(?:${KIND_WORD_PATTERN}|${GENERIC_WORD_PATTERN})${NOT_WORD_AFTER}`, "giu");
/** What may stand between the kind word and the code: "hành động số ", "số: ", nothing. */
const KIND_TO_CODE = new RegExp(`^(?:\\s+(?:${KIND_QUALIFIER_PATTERN}))?\\s*(?:${NUMBER_WORD})?$`, "iu");
/** A kind word that only qualifies the one before it ("Thông báo kết luận"). */
const QUALIFIER_ONLY = new RegExp(`^(?:${KIND_QUALIFIER_PATTERN})$`, "iu");
/** … or a name: "Luật Khoa học, công nghệ và đổi mới sáng tạo số ". */
const NAME_TO_CODE = new RegExp(`^\\s+\\p{Lu}[^;.\\n\\t]{0,100}?\\s${NUMBER_WORD}$`, "u");
const NUMBER_WORD_BEFORE = new RegExp(`${NOT_WORD_BEFORE}${NUMBER_WORD}$`, "iu");
/** Kind word, qualifier and "số" fit in this many characters before a code; a named law needs more. */
const LOOKBACK = 48;
const NAMED_LOOKBACK = 160;
/** How far back a citation's leading words are read when no sentence boundary comes first. */
const MAX_LEAD = 300;

/** ", ngày 22/12/2024", " ngày 22 tháng 12 năm 2024", " ban hành ngày …"; "ngày" may end a block cut by a page break. */
const TAIL_DATE = new RegExp(`[ ]*,?[ ]*\\(?[ ]*(?:ban hành[ ]+)?ngày\\s*(?:${NUMERIC_DATE}|${LONG_DATE})`, "iuy");
/** ", 22/12/2024" without "ngày": only the numeric form, which cannot be anything else. */
const TAIL_BARE_DATE = new RegExp(`[ ]*,?[ ]*${NUMERIC_DATE}`, "uy");
const TAIL_OF = /[ ]*,?[ ]*của\s+/iuy;
/** Between two citations: only punctuation and a conjunction, so the second is a sibling. */
const SIBLING_GAP = /^[\s,]*(?:(?:và|hoặc|cùng|cũng như)(?![\p{L}\p{M}])[\s,]*)?(?:các\s+)?$/iu;
const CONJUNCTION_START = /^[\s,]*(?:và|hoặc|cùng|cũng như)(?![\p{L}\p{M}])/iu;
/**
 * A new sentence, block, list item or cell: citations on either side are not related.
 * A lone line break inside a block is a wrapped line, not a boundary.
 */
const BOUNDARY = /\t|\n(?=[ ]*(?:[-+•*–]|\d{1,2}[.)])\s)|\n[ ]*\n|[.!?](?=\s+["“(]?\p{Lu})/gu;
/** Cue phrases start a syllable wherever they occur (syllables are blank-separated), so no lookbehind is needed. */
const CUE_RE = new RegExp(
  RELATION_CUES.map(({ relation, cues }) => `(?<${relation.replace("-", "_")}>(?:${cues.map(phrase).join("|")})${NOT_WORD_AFTER})`).join("|"),
  "giu",
);
const ISSUING_VERB_BEFORE = /(?:ban hành|phê duyệt)\s+(?:các\s+)?$/iu;
const ISSUED_BY_SUBJECT = /^\s*(?:đã|vừa)?\s*(?:ban hành|xây dựng và ban hành|phê duyệt)\s+(?:các\s+)?$/iu;
const CLAUSE_END = /[;\n\t]|\.(?=\s|$)/u;
const BASIS_HEADING = new RegExp(`^(?:[\\dIVXLC]+[.)]\\s*)*(?:${BASIS_HEADINGS.map(phrase).join("|")})${NOT_WORD_AFTER}`, "iu");
const ALIAS_GAP = /\(\s*(?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là\s*[:“"]?\s*$/iu;
const ALIAS_RE = /\((?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là\s*[:“"]?\s*([^)”"\n]{2,60}?)\s*[”"]?\s*\)/iuy;

export function extractReferences(ctx: ExtractContext): Reference[] {
  const { folded } = ctx;
  const own = ctx.meta.code ? codeKey(ctx.meta.code) : null;
  const aliases = readAliases(ctx);
  const defaults = relationDefaults(ctx);
  const mentions: Mention[] = [];
  CODE_RE.lastIndex = 0;
  for (let m = CODE_RE.exec(folded); m; m = CODE_RE.exec(folded)) {
    const codeStart = m.index;
    const codeEnd = m.index + m[0].length;
    const parsed = parseCode(ctx.doc.text.slice(codeStart, codeEnd));
    if (!parsed) continue;
    const before = kindBefore(folded, codeStart);
    if (!parsed.strong && !before) continue;
    if (own && codeKey(parsed.code) === own) continue;
    const mention = readMention(ctx, parsed, before?.start ?? codeStart, codeEnd, before?.kind ?? null, aliases);
    mention.numberWord = before?.numberWord ?? false;
    relate(ctx, mention, mentions, defaults);
    mentions.push(mention);
  }
  shareListIssuers(mentions);
  clauseFinalIssuers(ctx, mentions);
  return mergeByCode(ctx, mentions);
}

const codeKey = (code: string) => canonicalCode(code).toUpperCase();

/** The kind word (and "số") written right before a code, if any. */
function kindBefore(folded: string, codeStart: number): { start: number; kind: DocKind | null; numberWord: boolean } | null {
  const from = Math.max(0, codeStart - LOOKBACK);
  const near = folded.slice(from, codeStart);
  const n = NUMBER_WORD_BEFORE.exec(near);
  const direct = lastKindWord(near);
  if (direct && KIND_TO_CODE.test(near.slice(direct.end)))
    return { start: from + direct.start, kind: kindFromWord(direct.word), numberWord: n !== null };
  if (n) {
    // "Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15": the kind word is further back.
    const wideFrom = Math.max(0, codeStart - NAMED_LOOKBACK);
    const wide = folded.slice(wideFrom, codeStart);
    const named = lastKindWord(wide);
    if (named && NAME_TO_CODE.test(wide.slice(named.end)))
      return { start: wideFrom + named.start, kind: kindFromWord(named.word), numberWord: true };
    return { start: from + n.index, kind: null, numberWord: true };
  }
  return null;
}

type KindWordAt = { start: number; end: number; word: string };

/**
 * The last kind word in a window. A kind word that only qualifies the one right before
 * it ("Thông báo kết luận", "Kế hoạch hành động") leaves the kind to that earlier word.
 */
function lastKindWord(window: string): KindWordAt | null {
  let last: KindWordAt | null = null;
  let before: KindWordAt | null = null;
  KIND_IN_WINDOW.lastIndex = 0;
  for (let m = KIND_IN_WINDOW.exec(window); m; m = KIND_IN_WINDOW.exec(window)) {
    before = last;
    last = { start: m.index, end: m.index + m[0].length, word: m[0] };
  }
  if (last && before && QUALIFIER_ONLY.test(last.word) && /^\s+$/u.test(window.slice(before.end, last.start)))
    return { start: before.start, end: last.end, word: before.word };
  return last;
}

/** The date and issuer after a code, in either order: ", ngày 22/12/2024 của Bộ Chính trị". */
function readMention(
  ctx: ExtractContext,
  parsed: ParsedCode,
  start: number,
  codeEnd: number,
  kindWord: DocKind | null,
  aliases: Map<string, string>,
): Mention {
  const { folded, doc } = ctx;
  let end = codeEnd;
  let date: string | null = null;
  let issuer: string | null = null;
  for (let step = 0; step < 2; step++) {
    if (!date) {
      const d = stickyAt(TAIL_DATE, folded, end) ?? stickyAt(TAIL_BARE_DATE, folded, end);
      if (d) {
        date = dateOf(d);
        end = d.index + d[0].length;
        continue;
      }
    }
    if (!issuer) {
      TAIL_OF.lastIndex = end;
      const of = TAIL_OF.exec(folded);
      const name = of ? readAgencyName(folded, of.index + of[0].length, clauseLimit(folded, of.index + of[0].length)) : null;
      if (name) {
        issuer = resolveAlias(doc.text.slice(name.start, name.end), folded.slice(name.start, name.end), aliases);
        end = name.end;
        continue;
      }
    }
    break;
  }
  return {
    code: parsed.code, parsed, start, end, kindWord, date, issuer, ownIssuer: issuer !== null,
    numberWord: false, relation: "cites", depth: 0, bare: true, group: 0, subject: null, implements: [],
  };
}

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Groups 1–3: day, month, year of a numeric date; 4–6: of a long one (day may be blank). */
function dateOf(m: RegExpExecArray): string | null {
  const [, d1, m1, y1, d2, m2, y2] = m;
  if (y1) return iso({ day: Number(d1), month: Number(m1), year: Number(y1) });
  return y2 ? iso({ day: d2 ? Number(d2) : undefined, month: Number(m2), year: Number(y2) }) : null;
}

/** An issuer's name never runs past its line or cell. */
function clauseLimit(folded: string, from: number): number {
  const stop = folded.slice(from, from + 300).search(/[\n\t]/u);
  return stop < 0 ? Math.min(folded.length, from + 300) : from + stop;
}

/**
 * Places a mention among the ones before it: a new sentence starts a new group whose
 * relation comes from its leading words; a list continues the group; a citation in
 * the previous one's description is nested in it.
 */
function relate(ctx: ExtractContext, mention: Mention, earlier: Mention[], defaults: RelationDefaults): void {
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
function lastTopLevel(earlier: Mention[]): Mention | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].depth === 0) return earlier[i];
  return undefined;
}

/** Start of the text after the last sentence/line/cell boundary in [from, to), or null if none. */
function lastBoundary(folded: string, from: number, to: number): number | null {
  const window = folded.slice(from, to);
  let last: number | null = null;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(window); m; m = BOUNDARY.exec(window)) last = from + m.index + m[0].length;
  return last;
}

function lastCue(lead: string): Exclude<Relation, "cites"> | null {
  let found: Exclude<Relation, "cites"> | null = null;
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(lead); m; m = CUE_RE.exec(lead)) {
    const hit = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined);
    if (hit) found = hit[0].replace("_", "-") as Exclude<Relation, "cites">;
  }
  return found;
}

/** "UBND xã X đã ban hành Kế hoạch số …": the subject is the issuer when the symbol agrees. */
function takeSubjectIssuer(ctx: ExtractContext, mention: Mention, leadStart: number): void {
  if (!ISSUING_VERB_BEFORE.test(ctx.folded.slice(Math.max(leadStart, mention.start - 40), mention.start))) return;
  const names = findAgencyNames(ctx.folded, leadStart, mention.start);
  const last = names[names.length - 1];
  if (!last || !ISSUED_BY_SUBJECT.test(ctx.folded.slice(last.end, mention.start))) return;
  mention.subject = ctx.doc.text.slice(last.start, last.end).replace(/\s+/g, " ");
  adoptSubject(mention);
}

function inheritSubjectIssuer(mention: Mention, head: Mention): void {
  mention.subject = head.subject;
  adoptSubject(mention);
}

function adoptSubject(mention: Mention): void {
  if (mention.subject && !mention.issuer && mention.parsed.issuer && nameFitsIssuerCode(mention.subject, mention.parsed.issuer))
    mention.issuer = mention.subject;
}

/**
 * "Kế hoạch số 70-KH/ĐU ngày 06/02/2026, Kế hoạch số 90-KH/ĐU ngày 23/3/2026 của Đảng ủy
 * xã X": the issuer written after the last of a list belongs to the bare codes before
 * it that carry the same issuer symbol.
 */
function shareListIssuers(mentions: Mention[]): void {
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
function clauseFinalIssuers(ctx: ExtractContext, mentions: Mention[]): void {
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
function readAliases(ctx: ExtractContext): Map<string, string> {
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

function resolveAlias(name: string, foldedName: string, aliases: Map<string, string>): string {
  const clean = name.replace(/\s+/g, " ").trim();
  return aliases.size ? (aliases.get(foldedName.replace(/\s+/g, " ").trim().toLowerCase()) ?? clean) : clean;
}

type RelationDefaults = { at: (offset: number) => Relation };

/**
 * Relations that come from where a citation sits: codes in a "Văn bản giao nhiệm vụ"
 * column are what the task implements; citations under a "Căn cứ …" heading are a basis.
 * Mentions arrive in text order, so one forward pointer walks the zones and a table's
 * columns are read only when a citation falls inside it.
 */
function relationDefaults(ctx: ExtractContext): RelationDefaults {
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
function insideAny(spans: Span[], offset: number): boolean {
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

const sourceCellCache = new WeakMap<TableBlock, Span[]>();

/** Spans of the cells under a "Văn bản giao nhiệm vụ" header (registries/columns.ts). */
function sourceCells(table: TableBlock): Span[] {
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

/** One reference per code (per code and date when two documents share a local code). */
function mergeByCode(ctx: ExtractContext, mentions: Mention[]): Reference[] {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = codeKey(m.code);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const out: { at: number; ref: Reference }[] = [];
  for (const group of groups.values())
    for (const cluster of splitByDate(group)) out.push({ at: cluster[0].start, ref: toReference(ctx, cluster) });
  return out.sort((a, b) => a.at - b.at).map((x) => x.ref);
}

function splitByDate(group: Mention[]): Mention[][] {
  const dates = [...new Set(group.map((m) => m.date).filter((d): d is string => d !== null))];
  if (dates.length < 2) return [group];
  const clusters = dates.map((d) => group.filter((m) => m.date === d));
  appendAll(clusters[0], group.filter((m) => m.date === null));
  clusters[0].sort((a, b) => a.start - b.start);
  return clusters;
}

function toReference(ctx: ExtractContext, cluster: Mention[]): Reference {
  const first = cluster[0];
  // The fullest mention is shown: a date, an issuer written with it, the kind word, "số".
  const score = (m: Mention) =>
    (m.date ? 2 : 0) + (m.issuer ? 1 : 0) + (m.ownIssuer ? 0.5 : 0) + (m.kindWord ? 0.5 : 0) + (m.numberWord ? 0.25 : 0);
  const best = cluster.reduce((a, b) => (score(b) > score(a) ? b : a));
  const kindWord = best.kindWord ?? cluster.find((m) => m.kindWord)?.kindWord ?? null;
  const relation = RELATION_STRENGTH.find((r) => cluster.some((m) => m.relation === r)) ?? "cites";
  const implementsCodes = [...new Set(cluster.flatMap((m) => m.implements))];
  const ref: Reference = {
    kind: kindWord ?? kindFromCode(best.parsed),
    code: best.code,
    date: best.date ?? cluster.find((m) => m.date)?.date ?? null,
    issuer: best.issuer ?? cluster.find((m) => m.issuer)?.issuer ?? null,
    text: ctx.doc.text.slice(best.start, best.end).replace(/\s+/g, " ").trim(),
    mentions: cluster.length,
    relation,
    mentionSpans: cluster.map((m) => ({ start: m.start, end: m.end })),
    page: ctx.pageAt(first.start),
    span: { start: first.start, end: first.end },
  };
  if (implementsCodes.length) ref.implements = implementsCodes;
  return ref;
}
