/**
 * Per-document facts the deadline and metric extractors share: kind, class (plan or
 * report), date, and per block which fixed part it is (header, signature and
 * recipients, footnote, annex note), the closing formula, problem statements and the
 * section class from headings. Computed once per document and cached on the context.
 */
import type { Block, DocumentModel } from "../../../schemas/document.js";
import type { DocKind } from "../../../schemas/extraction.js";
import { foldForMatch } from "../../normalise/fold.js";
import type { ExtractContext } from "../context.js";
import {
  ANNEX_NOTE_OPENERS, ANNEX_TITLES, BODY_OPENERS, CLOSING_OPENERS, SUBJECT_LINE, TITLE_WORDS,
} from "../registries/document-layout.js";
import { PROBLEM_LABELS } from "../registries/deadline-phrases.js";
import { FORWARD_HEADINGS, PLAN_KINDS, REPORT_KINDS, RESULT_HEADINGS } from "../registries/metric-roles.js";
import { anyOf, escapeRegExp, WB, WE } from "../registries/phrase-pattern.js";
import { dayBefore, iso, isoPeriod, type Period } from "../vietnamese-dates.js";
import { leadText, MARKERS, opensWith, RECIPIENTS_RE } from "./openers.js";
import { appendAll } from "../../large-arrays.js";

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
  /** The title (trích yếu), folded, to mask where the body repeats it (titleMask compiles it). */
  title: string | null;
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
    const nl = b.text.indexOf("\n");
    const first = ctx.folded.slice(b.span.start, nl < 0 ? b.span.end : b.span.start + nl).replace(/[*#_]/g, "").trim().replace(/\s+/g, " ");
    if (kindIdx < 0 && TITLE_WORD_RE.test(first)) {
      kindIdx = i;
      kind = TITLE_KINDS.get(first) ?? null;
      appendAll(titleParts, b.text.split("\n").slice(1).map((l) => l.replace(/[*#_]/g, "").trim()).filter(Boolean));
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
  return { kind, klass, date: period, monthBefore, year, outside, closing, problem, section: sectionClasses(doc, ctx.folded), title: titleSource ? foldForMatch(titleSource) : null };
}

const titleMasks = new WeakMap<DocFacts, RegExp | null>();
/**
 * The title as a pattern on folded text, compiled when first asked for: only a weak
 * deadline needs it, and most documents have none (a pattern of its own per document).
 */
export function titleMask(facts: DocFacts): RegExp | null {
  let re = titleMasks.get(facts);
  if (re === undefined) {
    re = facts.title ? new RegExp(escapeRegExp(facts.title).replace(/\s+/g, "\\s+"), "giu") : null;
    titleMasks.set(facts, re);
  }
  return re;
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
