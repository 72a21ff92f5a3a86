/**
 * Tasks written as prose: one task per directive paragraph or list item.
 *
 * Where: only in the parts of a document that assign work. Each heading (and each
 * numbered paragraph that reads as a heading — no closing full stop, not itself a
 * directive) is classified by the earliest section word in it (phrases.ts: "Tổ chức
 * thực hiện", "Nhiệm vụ, giải pháp" assign; "Căn cứ", "Mục đích, yêu cầu", "Kết quả",
 * "Tồn tại, hạn chế" do not); unclassified headings inherit. Unclassified sections
 * assign work except in reports (Báo cáo, Tờ trình); the lines before the first
 * section only in a conclusion (Kết luận, Thông báo, Quyết định …), whose body is its
 * directives, or in a plan that has no numbered sections at all. Nothing from "Trên đây là …" / "Nơi nhận" / the signature on counts;
 * footnotes and tables never do here.
 *
 * Shapes, and whose task it is:
 *   - "Giao Văn phòng Đảng ủy …", "UBND phường giao Phòng … triển khai …", "Đề nghị
 *     Ủy ban MTTQ xã …", "Yêu cầu Thủ trưởng các cơ quan …" → the agency after the verb
 *     (read everywhere in the body, reports included);
 *   - "Văn phòng Đảng uỷ tập trung …", "3. Thủ trưởng các cơ quan, đơn vị chịu trách
 *     nhiệm …", "Điều 3. Chánh Văn phòng … chịu trách nhiệm …", "Căn cứ …, các cơ quan
 *     … tổ chức …" → the agency the sentence opens with, after any article number or
 *     leading adverbial clause (not "X là cơ quan …" / "X đã …": statements);
 *   - "Công an xã: chủ trì …" → the agency of the run-in label;
 *   - any other directive under a heading — or under a line "Phòng Văn hóa - Xã hội:" —
 *     that names an agency ("2.3. Ủy ban Nhân dân xã", "Trách nhiệm của Công an xã",
 *     "4. Ủy ban MTTQ … và các tổ chức chính trị - xã hội") → those agencies;
 *   - "phối hợp với Y …", "(chủ trì), phối hợp với Y" → Y supports, unless another
 *     agency is the subject of that "phối hợp" ("chỉ đạo Ban A, Ủy ban B phối hợp với Y").
 * Paragraphs that end with ":" introduce what follows and are not tasks; neither is a
 * paragraph with no agency to give it to. `section` is the nearest heading as printed.
 */
import type { Block, HeadingBlock, Span } from "../../../schemas/document.js";
import type { Task } from "../../../schemas/extraction.js";
import type { ExtractContext } from "../context.js";
import { foldForMatch } from "../../normalise/fold.js";
import { documentFacts, FIXED } from "../document-zones.js";
import { agencyPhraseAt, firstBoundary, leadingSubject, splitAgencies } from "./agency-lists.js";
import { agencyOpeningAt } from "./agency-words.js";
import { ADVERBIAL_OPENERS, ARTICLE_WORDS, ASSIGN_VERBS, CLOSING_MARKERS, KIND_GROUPS, SUPPORT_MARKERS } from "./phrases.js";
import {
  ASSIGN_OPENING_RE, classify, escape, headingAgencies, headingLike, L, NUMBERING_RE, rankOf, type Scope,
} from "./section-headings.js";

type Frame = { rank: number; text: string; scope: Scope | null; agencies: string[] | null; label?: boolean };


const ADVERBIAL_RE = new RegExp(`^(?:${ADVERBIAL_OPENERS.map(escape).join("|")})(?![${L}])`, "iu");
// Any assignment verb in a paragraph's opening: reports are searched for nothing else.
const ASSIGN_WORDS = ASSIGN_VERBS.map((x) => foldForMatch(x).toLowerCase());
const CLOSING_RE = new RegExp(`^\\W*(?:${CLOSING_MARKERS.map(escape).join("|")})(?![${L}])`, "iu");
const SUPPORT_RE = new RegExp(`(?<![${L}])(?:${[...SUPPORT_MARKERS].sort((a, b) => b.length - a.length).map(escape).join("|")})(?![${L}])`, "giu");
const KIND_TITLES = KIND_GROUPS.map(({ group, titles }) => ({ group, re: new RegExp(`^(?:${titles.map(escape).join("|")})$`, "iu") }));
const THREE_WORDS = /\S\s+\S+\s+\S/u;
const HAS_SUPPORT = /phối\s+hợp/iu;
const ARTICLE_RE = new RegExp(`^\\s*((?:${ARTICLE_WORDS.map(escape).join("|")})\\s+\\d+[.:])\\s*`, "iu");
// "Công an xã: chủ trì …" — an agency as a run-in label before its directives.
const LABEL_RE = /^([^:;.]{3,160}):\s+\S/u;


function kindGroup(ctx: ExtractContext): "report" | "conclusion" | null {
  if (ctx.meta.kind) return KIND_GROUPS.find((g) => g.kinds.includes(ctx.meta.kind!))?.group ?? null;
  for (const b of ctx.doc.blocks.slice(0, 12)) {
    if (b.type !== "heading" && b.type !== "paragraph") continue;
    const first = ctx.folded.slice(b.span.start, Math.min(b.span.end, b.span.start + 40)).split("\n")[0].replace(/[*#\s]+$/u, "").trim();
    const hit = KIND_TITLES.find((k) => k.re.test(first));
    if (hit) return hit.group;
  }
  return null;
}

/** Where the subject starts after a leading adverbial clause: the first comma followed by an agency. */
function afterAdverbial(folded: string, from: number, end: number): number {
  const limit = Math.min(end, from + 200);
  for (let i = from; i < limit; i++) {
    const ch = folded[i];
    if (ch === ";" || ch === "." || ch === ":") break;
    if (ch !== ",") continue;
    let j = i + 1;
    while (j < limit && folded[j] === " ") j++;
    if (agencyOpeningAt(folded, j)) return j;
    // ", chủ trì tổng hợp …": the clause goes on with its verb, the subject left out (the heading's agency).
    if (firstBoundary(folded, j, j + 1)?.kind === "predicate") break;
  }
  return from;
}

/** The text of a paragraph or list item without its numbering, as a slice of the document. */
function body(ctx: ExtractContext, block: Block): { start: number; end: number } {
  let start = block.span.start;
  const end = block.span.end;
  const numbering = block.type === "paragraph" ? block.numbering : null;
  if (numbering) {
    const m = NUMBERING_RE.exec(ctx.doc.text.slice(start, Math.min(end, start + 20)));
    if (m) start += m[0].length;
  }
  return { start, end };
}

/** Support agencies of one paragraph (`raw` / `folded` are the paragraph's own text, offsets local). */
function supportOf(raw: string, folded: string, start: number, lead: string[], ownSubject: boolean): string[] {
  const out: string[] = [];
  if (!HAS_SUPPORT.test(folded)) return out;
  const leads = new Set(lead.map((l) => l.toLowerCase()));
  SUPPORT_RE.lastIndex = start;
  for (let m = SUPPORT_RE.exec(folded); m; m = SUPPORT_RE.exec(folded)) {
    // Another agency as the subject of this "phối hợp" makes it that agency's coordination.
    let clause = m.index;
    while (clause > start && !/[,;.:]/u.test(folded[clause - 1])) clause--;
    while (clause < m.index && /\s/u.test(folded[clause])) clause++;
    if (clause < m.index && agencyOpeningAt(folded, clause) && !(ownSubject && clause === start)) continue;
    const phrase = agencyPhraseAt(folded, m.index + m[0].length);
    if (!phrase) continue;
    for (const a of splitAgencies(raw.slice(phrase[0], phrase[1]), { folded: folded.slice(phrase[0], phrase[1]) }))
      if (!leads.has(a.toLowerCase()) && !out.includes(a)) out.push(a);
  }
  return out;
}

export function narrativeTasks(ctx: ExtractContext): Task[] {
  const tasks: Task[] = [];
  const group = kindGroup(ctx);
  // Unclassified sections assign work except in reports; the lines before the first
  // section do so only in a conclusion, whose body is its directives.
  const defaultScope: Scope = group === "report" ? "other" : "directive";
  // A plan without numbered sections is all directives, like a conclusion's body.
  const sectioned = ctx.doc.blocks.some((b) => b.type === "heading" && b.numbering !== null);
  const preambleScope: Scope = group === "conclusion" || (group !== "report" && !sectioned) ? "directive" : "other";
  const stack: Frame[] = [];
  let closed = false;

  const enter = (rank: number, block: Block) => {
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
    const { raw, folded } = own(block);
    stack.push({ rank, text: raw, scope: classify(folded), agencies: headingAgencies(raw, folded) });
  };
  // A block's display text and match text, trimmed alike.
  const own = (block: Block) => {
    const raw = ctx.doc.text.slice(block.span.start, block.span.end);
    const lead = raw.length - raw.trimStart().length;
    const end = raw.trimEnd().length;
    return { raw: raw.slice(lead, end), folded: ctx.folded.slice(block.span.start + lead, block.span.start + end) };
  };
  const scope = (): Scope => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].scope) return stack[i].scope!;
    return stack.some((f) => f.rank > 0) ? defaultScope : preambleScope;
  };
  const headingAgency = (): string[] | null => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].agencies) return stack[i].agencies;
    return null;
  };

  const facts = documentFacts(ctx);
  for (const [bi, block] of ctx.doc.blocks.entries()) {
    // A part issued with the document after its signature ("QUY ĐỊNH (Ban hành kèm theo …)", "PHỤ LỤC") is read afresh.
    if (closed && facts.outside[bi] === FIXED.annex) {
      closed = false;
      stack.length = 0;
    }
    if (block.type === "signature") closed = true;
    if (closed || block.type === "table" || block.type === "footnote" || block.type === "signature") continue;
    if (CLOSING_RE.test(ctx.folded.slice(block.span.start, Math.min(block.span.end, block.span.start + 40)))) {
      closed = true;
      continue;
    }
    if (block.type === "heading") {
      enterHeading(block);
      continue;
    }
    if (block.type === "paragraph" && block.numbering) {
      const rank = rankOf(block.numbering);
      if (rank !== null) {
        if (headingLike(block, own(block).folded)) {
          enter(rank, block);
          continue;
        }
        while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
      }
    }
    // "Phòng Văn hóa - Xã hội:" on its own introduces that agency's directives, like a heading.
    if (block.type === "paragraph" && !block.numbering && block.text.trimEnd().endsWith(":")) {
      const { raw, folded } = own(block);
      const agencies = raw.length < 200 ? headingAgencies(raw, folded) : null;
      if (agencies) {
        const base = [...stack].reverse().find((f) => !f.label)?.rank ?? 0;
        while (stack.length && stack[stack.length - 1].rank > base) stack.pop();
        stack.push({ rank: base + 0.5, text: raw, scope: null, agencies, label: true });
        continue;
      }
    }
    const task = taskOf(block);
    if (task) tasks.push(task);
  }
  return tasks;

  function enterHeading(h: HeadingBlock): void {
    const rank = rankOf(h.numbering);
    if (rank !== null) return enter(rank, h);
    const caps = h.text === h.text.toUpperCase();
    enter(caps ? 0 : (stack[stack.length - 1]?.rank ?? 0) + 0.5, h);
    // An unnumbered line in capitals that names a body is a letterhead, enacting or signature line
    // ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), or a specimen of one: no one's duties follow it.
    if (caps) stack[stack.length - 1].agencies = null;
  }

  function taskOf(block: Block): Task | null {
    const { start, end } = body(ctx, block);
    // The paragraph's own text: every search below stays inside it.
    const raw = ctx.doc.text.slice(start, end);
    const folded = ctx.folded.slice(start, end);
    const text = raw.trim();
    if (!THREE_WORDS.test(text) || text.endsWith(":") || (text.startsWith("(") && text.endsWith(")"))) return null;
    let lead: string[] = [];
    let ownSubject = false;
    const article = ARTICLE_RE.exec(raw);
    const from = article ? article[0].length : /^\s*/u.exec(raw)![0].length;

    const directive = scope() === "directive";
    if (!directive) {
      const opening = folded.slice(from, from + 300).toLowerCase();
      if (!ASSIGN_WORDS.some((w) => opening.includes(w))) return null;
    }
    const assigned = ASSIGN_OPENING_RE.exec(folded.slice(from));
    // The subject may follow a leading adverbial clause ("Căn cứ …, các cơ quan … tổ chức …").
    const subjectAt = ADVERBIAL_RE.test(folded.slice(from, from + 40)) ? afterAdverbial(folded, from, folded.length) : from;
    const subject = leadingSubject(folded, subjectAt);
    const assignAt = assigned ? from + assigned[0].length : subject?.kind === "assign" ? subject.verbEnd : -1;
    if (assignAt >= 0) {
      const phrase = agencyPhraseAt(folded, assignAt);
      if (phrase && agencyOpeningAt(folded, phrase[0], true)) lead = splitAgencies(raw.slice(phrase[0], phrase[1]), { folded: folded.slice(phrase[0], phrase[1]) });
    }
    if (!lead.length) {
      if (!directive) return null;
      if (subject?.kind === "subject") {
        lead = splitAgencies(raw.slice(subjectAt, subject.end), { folded: folded.slice(subjectAt, subject.end) });
        ownSubject = lead.length > 0 && subjectAt === from;
      }
      const colon = raw.indexOf(":", from);
      const label = lead.length || colon < 0 || colon - from > 160 ? null : LABEL_RE.exec(raw.slice(from));
      // "Đảng uỷ quân sự: ĐUQS" is a glossary line, not a duty: a directive after the label has a few words.
      if (label && !THREE_WORDS.test(raw.slice(from + label[1].length + 1).split(/[;.]/u)[0].trim())) return null;
      if (label) lead = headingAgencies(label[1], folded.slice(from, from + label[1].length)) ?? [];
      if (!lead.length) lead = headingAgency() ?? [];
    }
    if (!lead.length) return null;
    const span: Span = block.span;
    // A document or appendix title (rank 0) is not a section.
    const frame = [...stack].reverse().find((f) => f.rank > 0);
    return {
      text,
      ordinal: block.type === "paragraph" && block.numbering ? block.numbering : article ? article[1] : null,
      section: frame ? frame.text.replace(/\s+/gu, " ") : null,
      lead,
      support: supportOf(raw, folded, from, lead, ownSubject),
      output: null,
      deadline: null,
      sources: [],
      status: null,
      statusText: null,
      origin: "narrative",
      page: block.page,
      span,
    };
  }
}
