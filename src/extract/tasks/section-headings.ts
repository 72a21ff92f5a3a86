/**
 * What a heading says about the directives under it: how deep it sits (its numbering,
 * articles and parts of a regulation included), whether its section assigns work (the
 * earliest section word in it: "Tổ chức thực hiện", "Nhiệm vụ" assign; "Mục đích", "Kết
 * quả", "Thành phần" do not), and which agencies it names ("2.3. Ủy ban Nhân dân xã",
 * "Trách nhiệm của Sở Y tế", "Điều 19. Trách nhiệm của Sở Khoa học và Công nghệ",
 * "Sở Nội vụ, Sở Tư pháp:"). Also whether a numbered paragraph reads as such a heading.
 */
import type { ParagraphBlock } from "../../../schemas/document.js";
import { foldForMatch } from "../../normalise/fold.js";
import { firstBoundary, leadingSubject, splitAgencies, trimmedEnd } from "./agency-lists.js";
import { agencyOpeningAt } from "./agency-words.js";
import { ASSIGN_VERBS, DIRECTIVE_SECTION_WORDS, HEADING_AGENCY_PREFIXES, INTRO_MARKERS, NON_DIRECTIVE_SECTION_WORDS } from "./phrases.js";

export type Scope = "directive" | "other";

export const L = "\\p{L}\\p{M}\\p{N}";
export const escape = (s: string) => foldForMatch(s).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
// Matched on lower-cased text: case-insensitive Unicode alternations are slow.
const words = (xs: readonly string[]) =>
  new RegExp(`(?<![${L}])(?:${[...xs].sort((a, b) => b.length - a.length).map((x) => escape(x.toLowerCase())).join("|")})(?![${L}])`, "u");
const INTRO_RE = words(INTRO_MARKERS);
// Section words by their first word, for a word-by-word scan of a heading's opening.
const SECTION_WORDS = new Map<string, { phrase: string; scope: Scope }[]>();
for (const [list, scope] of [[DIRECTIVE_SECTION_WORDS, "directive"], [NON_DIRECTIVE_SECTION_WORDS, "other"]] as const)
  for (const w of list) {
    const phrase = foldForMatch(w).toLowerCase();
    const first = phrase.split(" ")[0];
    SECTION_WORDS.set(first, [...(SECTION_WORDS.get(first) ?? []), { phrase, scope }].sort((a, b) => b.phrase.length - a.phrase.length));
  }
const PREFIX_RE = new RegExp(`^(?:${HEADING_AGENCY_PREFIXES.map((x) => escape(x.toLowerCase())).join("|")})\\s+`, "u");
export const ASSIGN_OPENING_RE = new RegExp(`^(?:${ASSIGN_VERBS.map(escape).join("|")})\\s+`, "iu");
export const NUMBERING_RE = /^\s*(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|\(\d+\)|\d+\))\s*/u;
/** A heading's numbering, articles and parts of a regulation included ("Điều 19. Trách nhiệm của Sở …"). */
const HEADING_NUMBERING_RE = /^\s*(?:(?:Điều|Chương|Phần|Mục)\s+[\dIVXLC]+[.:]?|[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|\(\d+\)|\d+\))\s*/u;
const ARTICLE_RANK_RE = /^(Chương|Phần|Mục|Điều)\s/iu;
const ARTICLE_RANKS: Record<string, number> = { "chương": 1, "phần": 1, "mục": 1.25, "điều": 1.5 };

/**
 * Depth of a numbering as printed: "II." 1, "2." 2, "2.1." 3, "a)" 5, "(1)" 6; in a
 * regulation "Chương IV" / "Phần II" 1, "Mục 2" 1.25, "Điều 19." 1.5 (its clauses "1." below it).
 */
export function rankOf(numbering: string | null): number | null {
  if (!numbering) return null;
  const n = numbering.trim();
  const part = ARTICLE_RANK_RE.exec(n);
  if (part) return ARTICLE_RANKS[part[1].toLowerCase()] ?? null;
  if (/^[IVXLC]+\.?$/.test(n)) return 1;
  if (/^\d+(?:\.\d+)*\.?$/.test(n)) return 1 + n.replace(/\.$/, "").split(".").length;
  if (/^[a-zđ]\)$/.test(n)) return 5;
  if (/^\(?\d+\)$/.test(n)) return 6;
  return null;
}

/** The scope a heading sets: that of the earliest section word in its opening (the rest of a long heading is its topic). */
export function classify(folded: string): Scope | null {
  const text = folded.slice(0, 120).toLowerCase().replace(/[\s,.;:()/"“”'-]+/g, " ");
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf(" ", at);
    if (end < 0) end = text.length;
    for (const { phrase, scope } of SECTION_WORDS.get(text.slice(at, end)) ?? [])
      if (text.startsWith(phrase, at) && (text.length === at + phrase.length || text[at + phrase.length] === " ")) return scope;
    at = end + 1;
  }
  return null;
}

/** The agencies a heading names, or null ("2.3. Ủy ban Nhân dân xã" → ["Ủy ban Nhân dân xã"]). */
export function headingAgencies(heading: string, headingFolded = foldForMatch(heading)): string[] | null {
  const numbering = HEADING_NUMBERING_RE.exec(heading);
  let at = numbering ? numbering[0].length : 0;
  const prefix = PREFIX_RE.exec(headingFolded.slice(at, at + 40).toLowerCase());
  if (prefix) at += prefix[0].length;
  const stop = trimmedEnd(heading, " \t\n:.");
  if (stop <= at) return null;
  const text = heading.slice(at, stop);
  const folded = headingFolded.slice(at, stop);
  if (!agencyOpeningAt(folded, 0) || INTRO_RE.test(folded.toLowerCase())) return null;
  const b = firstBoundary(folded, 1);
  if (b?.kind === "statement" || b?.kind === "assign") return null;
  const name = b ? text.slice(0, b.index) : text;
  if (name.trim().split(/\s+/).length > 25) return null;
  const list = splitAgencies(name, { folded: b ? folded.slice(0, b.index) : folded });
  return list.length ? list : null;
}

/**
 * A numbered paragraph that reads as a heading: no closing full stop, not too long,
 * and not itself a directive ("2. Phòng Văn hóa chủ trì …" without its full stop).
 */
export function headingLike(p: ParagraphBlock, folded: string): boolean {
  if (folded.length > 320 || /[.;]$/u.test(folded)) return false;
  const numbering = NUMBERING_RE.exec(folded);
  const t = numbering ? folded.slice(numbering[0].length) : folded;
  if (t.split(/\s+/).length > 40) return false;
  return !ASSIGN_OPENING_RE.test(t) && leadingSubject(t)?.kind !== "subject";
}
