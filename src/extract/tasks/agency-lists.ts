/**
 * Agency lists: one agency per entry, names kept as written.
 *
 * Shapes read:
 *   - a list cell or heading: "A; B; C", one agency per line, "- A\n- B", "+ A",
 *     "A, B và C" — split on ";" and bullets always; on line breaks unless the break
 *     wraps one name ("Ủy ban\nMặt trận …", "Phòng Văn hóa\n- Xã hội"); on "," / "và"
 *     only where the next chunk opens a new agency (agency-words.ts): "Phòng Văn hóa,
 *     Thể thao và Du lịch" and "Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy"
 *     stay whole, "Hội đồng nhân dân, Ủy ban nhân dân" splits;
 *   - a lead cell written as sentences ("- Văn phòng Đảng ủy tổng hợp, tham mưu báo
 *     cáo …"): the agency that opens each bullet or sentence (the predicate is cut off);
 *   - the subject of a directive sentence ("Ban Xây dựng Đảng | chủ trì …");
 *   - an agency phrase inside running text ("phối hợp với | các cơ quan chuyên môn |
 *     trong việc …"), which ends at a preposition, a predicate or punctuation.
 * Trailing "." and list bullets are dropped; a trailing role note "(chủ trì)" too.
 */
import { foldForMatch } from "../../normalise/fold.js";
import { AGENCY_COLLECTIVE_NOUNS, agencyOpeningAt, jointNameSpans } from "./agency-words.js";
import { ASSIGN_VERBS, NAME_CONTINUES_AFTER, NON_DIRECTIVE_VERBS, PHRASE_STOPS, PREDICATES } from "./phrases.js";

const L = "\\p{L}\\p{M}\\p{N}";
const escape = (s: string) => foldForMatch(s).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const guarded = (xs: readonly { phrase: string; notAfter?: readonly string[] }[]) =>
  [...xs]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map(({ phrase, notAfter }) => `${(notAfter ?? []).map((n) => `(?<!${escape(n)}\\s)`).join("")}${escape(phrase)}`)
    .join("|");

/** Predicate / statement / assignment words, lower case only (see phrases.ts). */
const BOUNDARY_RE = new RegExp(
  `(?<![${L}])(?:(?<statement>${NON_DIRECTIVE_VERBS.map(({ phrase, notBefore }) => `${escape(phrase)}${notBefore ? `(?!\\s+(?:${notBefore.map(escape).join("|")}))` : ""}`).join("|")})|(?<assign>${ASSIGN_VERBS.map(escape).join("|")})|(?<predicate>${guarded(PREDICATES)}))(?![${L}])`,
  "gu",
);
const STOP_RE = new RegExp(`(?<![${L}])(?:${guarded(PHRASE_STOPS)})(?![${L}])`, "gu");
// A line break ends a phrase only before a list item: inside a paragraph it is a wrap ("phối hợp với Công an\nthành phố").
const HARD_STOP_RE = /[;:.()…"“”]|\n(?=\s*(?:[-–+•*]\s|\n))/gu;
const SEPARATOR_RE = /\s*\n\s*(?:[-–+•*]\s+)?|;|(?<=[.;:!?])\s*[-–+•*]\s+|(?<=[.!?])\s+(?=[\p{Lu}])/gu;
const CONTINUES = new Set(NAME_CONTINUES_AFTER.map((w) => foldForMatch(w).toLowerCase()));

/**
 * Whether a line break in a cell separates entries. Cells from PDF layout keep some
 * wraps, so a break inside a name is not one: after a word that cannot end a name,
 * before a lower-case word, or before a "- " that continues a name in a cell that is
 * not a bulleted list ("Phòng Văn hóa\n- Xã hội").
 */
function lineBreakSeparates(folded: string, at: number, match: string, bulleted: boolean): boolean {
  let end = at;
  while (end > 0 && /\s/u.test(folded[end - 1])) end--;
  if (end === 0) return true;
  if (/[.;:,]/u.test(folded[end - 1])) return true;
  if (/[-–+•*]\s+$/u.test(match)) return bulleted;
  const next = folded[at + match.length] ?? "";
  if (/\p{Ll}/u.test(next)) return false;
  const lastWord = /[^\s]+$/u.exec(folded.slice(Math.max(0, end - 30), end))?.[0].toLowerCase() ?? "";
  return !CONTINUES.has(lastWord);
}
const COMMA_OR_AND_RE = /\s*,\s*(?:và\s+)?|\s+(?:và|cùng)\s+/gu;
const BARE_COLLECTIVE_RE = new RegExp(
  `(?:${[...AGENCY_COLLECTIVE_NOUNS, "cá nhân"].map(escape).join("|")})(?![${L}])`, "iuy");
const LEADING_MARK_RE = /^(?:[\s\-–+•*]+|\(?\d+[.)]\s+|[a-zđ]\)\s+)+/u;
const TRAILING_NOTE_RE = /\s*\((?:[^()]*)\)\s*$/u;

export type Boundary = { index: number; end: number; kind: "statement" | "assign" | "predicate" };

/** First predicate-like word in folded[from, to). */
export function firstBoundary(folded: string, from: number, to = folded.length): Boundary | null {
  BOUNDARY_RE.lastIndex = from;
  const m = BOUNDARY_RE.exec(folded);
  if (!m || m.index >= to) return null;
  const g = m.groups ?? {};
  return { index: m.index, end: m.index + m[0].length, kind: g.statement ? "statement" : g.assign ? "assign" : "predicate" };
}

/** A chunk after "," or "và" starts a new agency of the list. */
function opensNewAgency(folded: string, i: number): boolean {
  const op = agencyOpeningAt(folded, i);
  if (!op) return false;
  return op.kind === "collective" || op.kind === "abbreviation" || op.capital || op.properNext;
}

/** A chunk after "," continues an agency phrase read from running text ("các cơ quan, đơn vị liên quan"). */
function continuesPhrase(folded: string, i: number): boolean {
  if (agencyOpeningAt(folded, i)) return true;
  BARE_COLLECTIVE_RE.lastIndex = i;
  return BARE_COLLECTIVE_RE.test(folded);
}

/** Length of `s` without trailing characters from `chars`. */
export function trimmedEnd(s: string, chars: string): number {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end;
}

function clean(s: string): string {
  let t = s.trim();
  if (/^[-–+•*(\dvcđa-z]/u.test(t)) t = t.replace(LEADING_MARK_RE, "").replace(/^(?:và|cùng)\s+/u, "");
  if (t.endsWith(")")) t = t.replace(TRAILING_NOTE_RE, "");
  t = t.slice(0, trimmedEnd(t, " \t\n.,;:"));
  return /\s\s|[\n\t]/u.test(t) ? t.replace(/\s+/gu, " ") : t;
}

/** Split one segment (no ";" or bullets left) on the commas / "và" that start a new agency. */
function splitSegment(text: string, folded: string, start: number, end: number, out: string[]): void {
  const joints = jointNameSpans(folded.slice(start, end)).map(([a, b]) => [a + start, b + start]);
  let from = start;
  COMMA_OR_AND_RE.lastIndex = start;
  for (let m = COMMA_OR_AND_RE.exec(folded); m && m.index < end; m = COMMA_OR_AND_RE.exec(folded)) {
    const next = m.index + m[0].length;
    if (next >= end || joints.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    if (!opensNewAgency(folded, next)) continue;
    push(text.slice(from, m.index), out);
    from = next;
  }
  push(text.slice(from, end), out);
}

function push(raw: string, out: string[]): void {
  const name = clean(raw);
  if (name && /\p{L}/u.test(name) && !out.includes(name)) out.push(name);
}

/**
 * Agencies of a list cell or heading. With `prose`, each bullet / sentence is read as
 * "AGENCY predicate …" and only the agency is kept.
 */
export function splitAgencies(text: string, options: { prose?: boolean; folded?: string } = {}): string[] {
  const folded = options.folded ?? foldForMatch(text);
  const out: string[] = [];
  let from = 0;
  const segment = (a: number, b: number) => {
    let start = a;
    while (start < b && /[\s\-–+•*]/u.test(folded[start])) start++;
    let end = b;
    if (options.prose) {
      const cut = firstBoundary(folded, start + 1, b);
      if (cut) end = cut.index;
    }
    if (end > start) splitSegment(text, folded, start, end, out);
  };
  const bulleted = /^\s*[-–+•*]\s/u.test(folded);
  SEPARATOR_RE.lastIndex = 0;
  for (let m = SEPARATOR_RE.exec(folded); m; m = SEPARATOR_RE.exec(folded)) {
    if (m[0].length === 0) {
      SEPARATOR_RE.lastIndex++;
      continue;
    }
    if (m[0].includes("\n") && !lineBreakSeparates(folded, m.index, m[0], bulleted)) continue;
    segment(from, m.index);
    from = m.index + m[0].length;
  }
  segment(from, folded.length);
  return out;
}

/** Whether a cell reads as sentences rather than a bare list of names. */
export function looksLikeProse(text: string, folded = foldForMatch(text)): boolean {
  // Cheap shape tests first: bullets, or a segment longer than a name list entry.
  if (/(?:^|[.;:]\s*|\n\s*)[-–+•]\s+\p{L}/u.test(folded)) return firstBoundary(folded, 1) !== null;
  let start = 0;
  let words = 0;
  for (let i = 0; i <= folded.length; i++) {
    const ch = folded[i];
    if (i === folded.length || ch === ";" || ch === "\n") {
      if (words > 12 && firstBoundary(folded.slice(start, i), 1) !== null) return true;
      start = i + 1;
      words = 0;
    } else if (ch !== " " && (i === start || folded[i - 1] === " ")) words++;
  }
  return false;
}

/**
 * The agency phrase that starts at `from` in running text, up to the first
 * preposition, predicate or punctuation; commas and "và" continue it only before
 * another agency. Returns [start, end) or null.
 */
export function agencyPhraseAt(folded: string, from: number, limit = folded.length): [number, number] | null {
  let start = from;
  while (start < limit && /\s/u.test(folded[start])) start++;
  let end = Math.min(limit, start + 240);
  HARD_STOP_RE.lastIndex = start;
  const hard = HARD_STOP_RE.exec(folded);
  if (hard && hard.index < end) end = hard.index;
  STOP_RE.lastIndex = start + 1;
  const stop = STOP_RE.exec(folded);
  if (stop && stop.index < end) end = stop.index;
  const pred = firstBoundary(folded, start + 1, end);
  if (pred) end = pred.index;
  COMMA_OR_AND_RE.lastIndex = start;
  for (let m = COMMA_OR_AND_RE.exec(folded); m && m.index < end; m = COMMA_OR_AND_RE.exec(folded)) {
    const next = m.index + m[0].length;
    // A capitalised word after "và" / "," in running text goes on with a proper name ("Sở Khoa học và Công nghệ").
    if (!continuesPhrase(folded, next) && !/\p{Lu}/u.test(folded[next] ?? "")) {
      end = m.index;
      break;
    }
  }
  while (end > start && /[\s,]/u.test(folded[end - 1])) end--;
  return end > start ? [start, end] : null;
}

export type Subject =
  | { kind: "subject"; end: number }
  | { kind: "assign"; verbEnd: number }
  | { kind: "statement" };

/**
 * A sentence that opens by naming its subject agency: "Văn phòng Đảng uỷ tập trung …"
 * (subject), "UBND xã giao Phòng … " (assignment to someone else), "Văn phòng Đảng ủy
 * là cơ quan …" / "UBND xã đã ban hành …" (a statement, not a directive). Null when the
 * sentence does not open with an agency or no predicate follows in its first clause.
 */
export function leadingSubject(folded: string, start = 0, end = folded.length): Subject | null {
  const op = agencyOpeningAt(folded, start);
  if (!op) return null;
  let limit = Math.min(end, start + 220);
  const stop = /[.;:!?]|\n(?=\s*(?:[-–+•*]\s|\n))/u.exec(folded.slice(start, limit));
  if (stop) limit = start + stop.index;
  const b = firstBoundary(folded, start + op.length, limit);
  if (!b) return null;
  if (b.kind === "statement") return { kind: "statement" };
  if (b.kind === "assign") return { kind: "assign", verbEnd: b.end };
  const subject = folded.slice(start, b.index).trim();
  if (subject.split(/\s+/).length > 25) return null;
  return { kind: "subject", end: b.index };
}

