/**
 * Where in a document time limits and figures can be read, shared by the deadline
 * and metric extractors and the consistency checks.
 *
 * Vietnamese administrative documents have fixed parts that state no limit or goal of
 * their own: the header (issuer, number, place and date, title word and trích yếu),
 * the signature, the recipients list ("Nơi nhận:"), footnotes (citation lists),
 * annex titles and their "(Kèm theo …)" notes, the closing formula ("Trên đây là …",
 * which repeats the title), citations of other documents with their descriptions,
 * and sentences that state the basis ("Thực hiện Công văn số … về việc …").
 *
 * The document's kind and date come from the metadata extractor when it has found
 * them, else from the header here, so that results do not depend on which extractor
 * ran first: the kind word printed as the title ("KẾ HOẠCH", "BÁO CÁO"), the
 * "<place>, ngày … tháng … năm YYYY" line, else the "(Kèm theo <kind> số …, ngày …)"
 * note of an annex.
 *
 * Also here: section classes from headings (results or looking ahead), table column
 * layouts, and a per-document word index (where numbers and the words extractors
 * start their patterns with occur) so that extractors skip stretches without them.
 * Everything is computed once per document and cached on the context.
 */
import type { Block, DocumentModel, Row, TableBlock } from "../../schemas/document.js";
import type { DocKind } from "../../schemas/extraction.js";
import { foldForMatch } from "../normalise/fold.js";
import type { ExtractContext } from "./context.js";
import { columnRoles, type ColumnRole } from "./registries/columns.js";
import {
  ANNEX_NOTE_OPENERS, ANNEX_TITLES, BASIS_OPENERS, BODY_OPENERS, CITED_KINDS, CLOSING_OPENERS, RECIPIENTS_LABELS,
  SUBJECT_LINE, TITLE_WORDS,
} from "./registries/document-layout.js";
import { PROBLEM_LABELS } from "./registries/deadline-phrases.js";
import { FORWARD_HEADINGS, PLAN_KINDS, REPORT_KINDS, RESULT_HEADINGS } from "./registries/metric-roles.js";
import { dayBefore, iso, isoPeriod, type Period } from "./vietnamese-dates.js";
import { appendAll } from "../large-arrays.js";

// ---------- phrase lists → regex sources ----------

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One phrase as a regex source: folded like the text, any run of spaces for a space. */
export const phrase = (p: string) => escape(foldForMatch(p)).replace(/ +/g, "\\s+");
/** Alternation of phrases, longest first so that "không dưới" is tried before "dưới". */
export const anyOf = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(phrase).join("|");
/** Not inside a word: JS `\b` does not see Vietnamese letters. */
export const WB = String.raw`(?<![\p{L}\p{N}])`;
export const WE = String.raw`(?![\p{L}\p{N}])`;

const MARKERS = String.raw`^[\s*_#>•\-+–]*`;
/** Folded text without leading list markers and emphasis, lower case (for "starts with" tests). */
export function leadText(folded: string): string {
  return folded.replace(/^[\s*_#>•\-+–]+/u, "").toLowerCase();
}
/** A test for "the block opens with one of these phrases", on folded text. */
export const opensWith = (list: readonly string[]) => new RegExp(`${MARKERS}(?:${anyOf(list)})${WE}`, "iu");

// ---------- document facts ----------

export type DocClass = "plan" | "report" | null;

/** Fixed parts of a document. Deadlines are read in none of them; figures in all but the signature and recipients. */
export const FIXED = { header: 1, signature: 2, footnote: 3, annex: 4 } as const;

export type DocFacts = {
  kind: DocKind | null;
  /** Plans set goals and limits; reports state results and the period they cover. */
  klass: DocClass;
  /** The document's own date as the days it covers ("2026-04" → all of April), or null. */
  date: Period | null;
  /** The first day of the month before the document's date (ISO), when the date is known. */
  monthBefore: string | null;
  year: number | null;
  /** Per block: which fixed part it is (FIXED), 0 for the body. */
  outside: Uint8Array;
  /** Per block: 1 for the closing formula ("Trên đây là …"). */
  closing: Uint8Array;
  /** Per block: 1 for a statement of problems ("- Khó khăn, vướng mắc: …") and the items under it. */
  problem: Uint8Array;
  /** Per block: the nearest classified section heading: 1 looks ahead (MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP), -1 results (KẾT QUẢ, TÌNH HÌNH), 0 none. */
  section: Int8Array;
  /** The title (trích yếu) as a pattern on folded text, to mask where the body repeats it. */
  title: RegExp | null;
};

const cache = new WeakMap<ExtractContext, DocFacts>();

export function documentFacts(ctx: ExtractContext): DocFacts {
  let f = cache.get(ctx);
  if (!f) cache.set(ctx, (f = computeFacts(ctx)));
  return f;
}

const HEADER_DATE = /ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/iu;
const NOTE_DATE = /ngày\s*(\d{1,2})?\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})|ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu;
const SUBJECT_LINE_RE = opensWith(SUBJECT_LINE);
const RECIPIENTS_RE = opensWith(RECIPIENTS_LABELS);
const ANNEX_TITLE_RE = opensWith(ANNEX_TITLES);
const ANNEX_NOTE_RE = new RegExp(`${MARKERS}(?:${anyOf(ANNEX_NOTE_OPENERS)})`, "iu");
const CLOSING_RE = opensWith(CLOSING_OPENERS);
// A label ending in ":" ("- Tồn tại, hạn chế:", "Khó khăn, vướng mắc:"), not a directive ("Hạn chế việc sử dụng …").
const PROBLEM_RE = new RegExp(`${MARKERS}(?:${anyOf(PROBLEM_LABELS)})(?:\\s*(?:,|và)\\s*(?:${anyOf(PROBLEM_LABELS)}))*\\s*:`, "iu");
const TITLE_KINDS = new Map(TITLE_WORDS.map((t) => [foldForMatch(t.words), t.kind]));
const TITLE_WORD_RE = new RegExp(`^(?:${anyOf(TITLE_WORDS.map((t) => t.words))})$`, "u");
const BODY_OPENER_RE = new RegExp(`^(?:${anyOf(BODY_OPENERS)})${WE}`, "iu");

function computeFacts(ctx: ExtractContext): DocFacts {
  const { doc } = ctx;
  const n = doc.blocks.length;
  const outside = new Uint8Array(n);
  const closing = new Uint8Array(n);
  const problem = new Uint8Array(n);

  // Header: everything up to the title word and its trích yếu, or up to the date line.
  let kindIdx = -1;
  let dateIdx = -1;
  let kind: DocKind | null = null;
  let headerDate: string | null = null;
  const titleParts: string[] = [];
  for (let i = 0; i < Math.min(n, 20); i++) {
    const b = doc.blocks[i];
    if (b.type === "table") break;
    if (!("text" in b)) continue;
    const lines = b.text.split("\n").map((l) => l.replace(/[*#_]/g, "").trim());
    const nl = b.text.indexOf("\n");
    const first = ctx.folded.slice(b.span.start, nl < 0 ? b.span.end : b.span.start + nl).replace(/[*#_]/g, "").trim().replace(/\s+/g, " ");
    if (kindIdx < 0 && TITLE_WORD_RE.test(first)) {
      kindIdx = i;
      kind = TITLE_KINDS.get(first) ?? null;
      appendAll(titleParts, lines.slice(1).filter(Boolean));
      continue;
    }
    if (kindIdx < 0 && SUBJECT_LINE_RE.test(ctx.folded.slice(b.span.start, b.span.end)) && b.text.length < 400) {
      kindIdx = i;
      kind = "cong-van";
      titleParts.push(b.text.replace(/^\s*(?:v\/v|về việc)\s*:?\s*/iu, ""));
      continue;
    }
    if (dateIdx < 0 && b.text.length < 120) {
      const m = HEADER_DATE.exec(b.text);
      if (m) {
        dateIdx = i;
        headerDate = iso({ year: Number(m[3]), month: m[2] ? Number(m[2]) : undefined, day: m[1] && m[2] ? Number(m[1]) : undefined });
      }
    }
  }
  let headerEnd = Math.max(dateIdx, kindIdx);
  if (kindIdx >= 0) {
    // The trích yếu: up to two short unnumbered blocks after the title word, before the body opens.
    // A second block continues the title only when it looks like one too (heading, bold, or a lower-case continuation).
    for (let i = kindIdx + 1, taken = 0; i < n && taken < 2; i++, taken++) {
      const b = doc.blocks[i];
      if ((b.type !== "heading" && b.type !== "paragraph") || b.numbering || b.text.length > 600) break;
      if (BODY_OPENER_RE.test(leadText(ctx.folded.slice(b.span.start, b.span.end)))) break;
      if (taken > 0 && !(b.type === "heading" || b.bold || /^\p{Ll}/u.test(b.text.trim())) ) break;
      if (taken > 0 && /[.;]\s*$/u.test(b.text)) break;
      titleParts.push(b.text);
      headerEnd = i;
    }
  }
  for (let i = 0; i <= headerEnd; i++) outside[i] = FIXED.header;

  const title = titleParts.join(" ").replace(/[*#_]/g, " ").replace(/\s+/g, " ").trim();
  const metaTitle = ctx.meta.title && ctx.meta.title.length >= 25 ? ctx.meta.title : null;
  const titleSource = metaTitle ?? (title.length >= 25 ? title : null);
  const titleRe = titleSource
    ? new RegExp(escape(foldForMatch(titleSource)).replace(/\s+/g, "\\s+"), "giu")
    : null;

  // Fixed parts of the body.
  let inRecipients = false;
  let afterAnnexTitle = 0;
  let problemDepth = -1;
  for (let i = headerEnd + 1; i < n; i++) {
    const b = doc.blocks[i];
    if (b.type === "signature" || b.type === "footnote") {
      outside[i] = b.type === "signature" ? FIXED.signature : FIXED.footnote;
      inRecipients = false;
      continue;
    }
    if (b.type === "table") {
      inRecipients = false;
      afterAnnexTitle = 0;
      problemDepth = -1;
      continue;
    }
    const text = b.text;
    const head = ctx.folded.slice(b.span.start, Math.min(b.span.end, b.span.start + 120));
    if (RECIPIENTS_RE.test(head)) {
      inRecipients = true;
      outside[i] = FIXED.signature;
      continue;
    }
    if (inRecipients) {
      const listLike = b.type === "list-item" || /^\s*[-+•]/u.test(text) || text.length < 150;
      if (b.type === "heading" || ANNEX_TITLE_RE.test(head) || !listLike) inRecipients = false;
      else {
        outside[i] = FIXED.signature;
        continue;
      }
    }
    if (ANNEX_TITLE_RE.test(head)) {
      outside[i] = FIXED.annex;
      afterAnnexTitle = 3;
      continue;
    }
    if (ANNEX_NOTE_RE.test(head) || (afterAnnexTitle > 0 && /^\s*[(*_]*\(/u.test(head))) {
      outside[i] = FIXED.annex;
      afterAnnexTitle--;
      continue;
    }
    afterAnnexTitle = 0;
    if (CLOSING_RE.test(head)) closing[i] = 1;
    // A problem statement, and the "+" items under a bare "- Tồn tại, hạn chế:" label.
    const depth = b.type === "list-item" ? b.depth + (b.marker === "+" ? 1 : 0) : -1;
    if (PROBLEM_RE.test(head)) {
      problem[i] = 1;
      problemDepth = /:\s*$/u.test(text) ? depth : -1;
    } else if (problemDepth >= 0 && b.type === "list-item" && depth > problemDepth) problem[i] = 1;
    else problemDepth = -1;
  }

  // The document's date: metadata, else the header line, else an annex note.
  let date: string | null = ctx.meta.date ?? headerDate;
  if (!date)
    for (let i = 0; i < n && !date; i++) {
      const b = doc.blocks[i];
      if (b.type === "table" || !("text" in b) || !ANNEX_NOTE_RE.test(ctx.folded.slice(b.span.start, Math.min(b.span.end, b.span.start + 120)))) continue;
      const m = NOTE_DATE.exec(b.text);
      if (m)
        date = m[3]
          ? iso({ year: Number(m[3]), month: Number(m[2]), day: m[1] ? Number(m[1]) : undefined })
          : iso({ year: Number(m[6]), month: Number(m[5]), day: m[4] ? Number(m[4]) : undefined });
    }
  const period = date ? isoPeriod(date) : null;
  const year = ctx.year ?? (period ? Number(period.start.slice(0, 4)) : null);

  kind = ctx.meta.kind ?? kind;
  const klass: DocClass = kind && REPORT_KINDS.includes(kind) ? "report" : kind && PLAN_KINDS.includes(kind) ? "plan" : null;
  const monthBefore = period ? `${dayBefore(`${period.start.slice(0, 8)}01`).slice(0, 8)}01` : null;
  return { kind, klass, date: period, monthBefore, year, outside, closing, problem, section: sectionClasses(doc, ctx.folded), title: titleRe };
}

const RESULT_RE = new RegExp(`${WB}(?:${anyOf(RESULT_HEADINGS)})${WE}`, "iu");
// Looking ahead only when the heading opens with it: "1. Về công tác chỉ đạo, điều hành và tổ chức thực hiện" reports.
const FORWARD_RE = new RegExp(`^[\\s*_#]*(?:[IVXLC]+\\.|\\d+(?:\\.\\d+)*\\.?|[a-zđ]\\)|\\(\\d+\\))?\\s*(?:${anyOf(FORWARD_HEADINGS)})${WE}`, "iu");

/** Each block's nearest classified heading: results win over looking ahead within one heading. */
function sectionClasses(doc: DocumentModel, folded: string): Int8Array {
  const out = new Int8Array(doc.blocks.length);
  const stack: { level: number; cls: number }[] = [];
  doc.blocks.forEach((b, i) => {
    const level = headingLevel(b);
    if (level !== null) {
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      const t = folded.slice(b.span.start, b.span.end);
      stack.push({ level, cls: RESULT_RE.test(t) ? -1 : FORWARD_RE.test(t) ? 1 : 0 });
    }
    for (let k = stack.length - 1; k >= 0; k--)
      if (stack[k].cls) {
        out[i] = stack[k].cls;
        break;
      }
  });
  return out;
}

function headingLevel(b: Block): number | null {
  if (b.type === "heading") return b.level;
  if (b.type === "paragraph" && b.bold && b.numbering && b.text.length < 250) {
    const n = b.numbering.replace(/\.$/, "");
    if (/^[IVXLC]+$/.test(n)) return 1;
    if (/^\d+(\.\d+)*$/.test(n)) return 1 + n.split(".").length;
    return 5;
  }
  return null;
}

// ---------- masks inside a stretch of text ----------

const CITED_KIND_SRC = anyOf(CITED_KINDS);
/** A document code: "41-KH/ĐU", "35/KH-UBND", "30/2020/NĐ-CP", "3216/UBND-KGVX". Case matters (the symbol is upper case). */
const CODE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.,])\d{1,5}(?:\/\d{4})?\s*[-/]\s*\p{Lu}[\p{Lu}\p{N}&][\p{L}\p{N}&]*(?:\s?[-/]\s?\p{Lu}[\p{L}\p{N}&]*)*`,
  "gu",
);
/** A code whose number is left blank: "Số: /KH-UBND", "số -KL/BCĐ". */
const BLANK_CODE_RE = new RegExp(String.raw`(?<=[sS]ố\s{0,3}:?\s{0,3})[-/]\p{Lu}[\p{Lu}\p{N}&][\p{L}\p{N}&]*(?:[-/]\p{Lu}[\p{L}\p{N}&]*)*`, "gu");
/** "số 06" after a document-type word ("Đề án số 06"); the type word is checked before it. */
const NAMED_RE = new RegExp(String.raw`${WB}số\s*:?\s*\d+${WE}`, "giu");
const KIND_ONLY_BEFORE_RE = new RegExp(`${WB}(?:${CITED_KIND_SRC})\\s*$`, "iu");
const KIND_BEFORE_RE = new RegExp(`${WB}(?:${CITED_KIND_SRC})(?:\\s+số)?\\s*:?\\s*$`, "iu");
const BASIS_RE = new RegExp(`^[\\s*_\\-+•(]*(?:${anyOf(BASIS_OPENERS)})${WE}`, "iu");
const SENTENCE_END_RE = /[.!?…](?:\/\.)?(?=\s+["“(*_]*[\p{Lu}\d]|\s*$)|\n/gu;

/** Sentence spans [start, end) of a stretch (relative offsets). */
export function sentences(s: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m; (m = SENTENCE_END_RE.exec(s)); ) {
    const end = m.index + m[0].length;
    if (end > start) out.push([start, end]);
    start = end;
    if (m[0].length === 0) SENTENCE_END_RE.lastIndex++;
  }
  if (start < s.length) out.push([start, s.length]);
  return out;
}

/**
 * Ranges of a stretch (relative offsets into `s`, a slice of the folded text) that
 * belong to other documents: each citation with its description up to the end of its
 * clause (";", the sentence end, or the ")" that closes a parenthesis around it), a
 * whole basis sentence ("Thực hiện Công văn số … về việc …"), and repetitions of the
 * title.
 */
export function foreignRanges(s: string, title: RegExp | null): [number, number][] {
  const out: [number, number][] = [];
  const cites: [number, number][] = [];
  for (const re of [CODE_RE, BLANK_CODE_RE, NAMED_RE]) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(s)); ) {
      if (re === NAMED_RE && !KIND_ONLY_BEFORE_RE.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
      const kindBefore = KIND_BEFORE_RE.exec(s.slice(Math.max(0, m.index - 40), m.index));
      const start = kindBefore ? m.index - (Math.min(40, m.index) - kindBefore.index) : m.index;
      cites.push([start, m.index + m[0].length]);
    }
  }
  if (!cites.length && !title) return out;
  const sents = sentences(s);
  for (const [cs, ce] of cites) {
    const sent = sents.find(([a, b]) => cs >= a && cs < b) ?? [0, s.length];
    if (BASIS_RE.test(s.slice(sent[0], cs)) && cs - sent[0] < 120) {
      out.push([sent[0], sent[1]]);
      continue;
    }
    let end = sent[1];
    const semi = s.indexOf(";", ce);
    if (semi >= 0 && semi < end) end = semi;
    const before = s.slice(sent[0], cs);
    if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) {
      const close = s.indexOf(")", ce);
      if (close >= 0 && close < end) end = close;
    }
    out.push([cs, end]);
  }
  if (title) {
    title.lastIndex = 0;
    for (let m; (m = title.exec(s)); ) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export const inRanges = (ranges: [number, number][], a: number, b: number) => ranges.some(([s, e]) => a < e && b > s);

// ---------- tables ----------

export type TableLayout = {
  /** Role of each column, by position after expanding column spans. */
  roles: (ColumnRole | null)[];
  /** Indicator table (Chỉ tiêu | Đơn vị tính | Mục tiêu | Kết quả). */
  indicator: boolean;
};

/** Column roles from the table's header row (the first row when none is marked). */
export function tableLayout(t: TableBlock): TableLayout {
  const header = t.rows.find((r) => r.header) ?? t.rows[0];
  const texts: string[] = [];
  for (const c of header?.cells ?? []) for (let k = 0; k < c.colspan; k++) texts.push(k ? "" : c.text.replace(/<[^>]+>/g, ""));
  const roles = columnRoles(texts);
  return { roles, indicator: roles.includes("indicator") || roles.includes("unit") };
}

/** The column index of each cell of a row (column spans shift later cells). */
export function cellColumns(row: Row): number[] {
  const cols: number[] = [];
  let col = 0;
  for (const c of row.cells) {
    cols.push(col);
    col += c.colspan;
  }
  return cols;
}

// ---------- word index ----------

/** Starts of the indexed words in a document, in order, for extractors that only look where a word they need occurs. */
export type WordIndex = {
  /** Word starts, ascending, and which word (id from indexWords) starts there. */
  pos: Int32Array;
  word: Uint8Array;
  /** Index of the first start at or after `offset`. */
  from(offset: number): number;
};
/** The start of a run of digits. */
export const DIGITS = "#";

/** Every word some extractor looks for; one index per document serves them all. */
const INDEX_WORDS: string[] = [DIGITS];
/**
 * Adds words (lower case; a space matches any white space; DIGITS for a number) to the
 * document word index and returns their ids. Extractor modules call it once when loaded.
 */
export function indexWords(words: readonly string[]): number[] {
  return words.map((w) => {
    let id = INDEX_WORDS.indexOf(w);
    if (id < 0) {
      id = INDEX_WORDS.push(w) - 1;
      if (id > 255) throw new Error("word index: more than 256 words");
    }
    return id;
  });
}

const indexCache = new WeakMap<ExtractContext, { size: number; index: WordIndex }>();
/** Letters and digits by code (any non-ASCII character above Latin-1 punctuation counts as a letter: Vietnamese letters). */
const wordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;

/**
 * Where the indexed words start in a document (not inside a longer word; a symbol such
 * as "%" may stand anywhere): two regex passes per document, digits and one
 * alternation of all words, so that stretches without any of them cost one lookup.
 */
export function wordIndex(ctx: ExtractContext): WordIndex {
  const cached = indexCache.get(ctx);
  if (cached && cached.size === INDEX_WORDS.length) return cached.index;
  const text = ctx.folded;
  const codes: number[] = [];
  const ids = new Map(INDEX_WORDS.map((w, id) => [w, id]));
  const digits = /\d+/g;
  for (let m; (m = digits.exec(text)); ) codes.push(m.index * 256);
  const plain = INDEX_WORDS.slice(1);
  if (plain.length) {
    const re = new RegExp(
      [...plain].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")).join("|"),
      "giu",
    );
    for (let m; (m = re.exec(text)); )
      if (m.index === 0 || !wordChar(m[0].charCodeAt(0)) || !wordChar(text.charCodeAt(m.index - 1)))
        codes.push(m.index * 256 + ids.get(m[0].toLowerCase().replace(/\s+/gu, " "))!);
  }
  const sorted = Float64Array.from(codes).sort();
  const pos = new Int32Array(sorted.length);
  const wordAt = new Uint8Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) {
    pos[k] = Math.floor(sorted[k] / 256);
    wordAt[k] = sorted[k] % 256;
  }
  const index: WordIndex = {
    pos,
    word: wordAt,
    from(offset) {
      let lo = 0;
      let hi = pos.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pos[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
  indexCache.set(ctx, { size: INDEX_WORDS.length, index });
  return index;
}
