/**
 * Agency wording for task lists: the words a Vietnamese administrative text uses to
 * open the name of a body or an office holder. Task extraction uses it to tell where
 * one agency in a list ends and the next begins, and whether a heading or a sentence
 * opens by naming an agency; registries/agencies.ts re-exports the data for the store.
 *
 * Four kinds of opening are recognised (all matched on `foldForMatch` text, so
 * "Uỷ ban" and "Ủy ban" are one word):
 *   - AGENCY_HEAD_WORDS — a name on its own: "Ủy ban nhân dân xã", "Công an xã",
 *     "Văn phòng Đảng ủy", "Thường trực HĐND", "Bí thư Đảng ủy", "Thủ trưởng các cơ quan";
 *   - AGENCY_NAME_HEADS — generic nouns that are a name only when a proper name
 *     follows: "Phòng Văn hóa - Xã hội", "Trường Mầm non …", "Trạm Y tế", "Sở Nội vụ",
 *     "Tổ Công nghệ số" (but not "phòng chống", "tổ chức", "hội nghị");
 *   - a determiner + AGENCY_COLLECTIVE_NOUNS: "các cơ quan, đơn vị", "các tổ chức
 *     chính trị - xã hội", "các trường học", "các thành viên Ban Chỉ đạo";
 *   - an abbreviation from AGENCY_ABBREVIATIONS: "UBND xã", "BCĐ", "UB MTTQ".
 * NOT_AGENCY lists the verb and noun phrases that begin with one of those words but
 * name no body ("Tổ chức thực hiện", "Ban hành", "Hội nghị", "Đoàn kết").
 * JOINT_NAMES are single bodies whose name contains an agency word after "và" or a
 * comma, so a list is never split inside them. The words are data in
 * registries/agency-vocabulary.ts, shared with the issuer reader (registries/agencies.ts).
 */
import { foldForMatch } from "../../normalise/fold.js";
import {
  AGENCY_ABBREVIATIONS, AGENCY_COLLECTIVE_NOUNS, AGENCY_DETERMINERS, BODY_HEADS, BODY_NOUNS, JOINT_NAMES, NOT_AGENCY,
  OFFICE_HOLDER_HEADS, PEOPLE_NOUNS,
} from "../registries/agency-vocabulary.js";

export { AGENCY_ABBREVIATIONS, AGENCY_COLLECTIVE_NOUNS, AGENCY_DETERMINERS, JOINT_NAMES, NOT_AGENCY };

/** Openings that name a body or an office holder on their own (any case). */
export const AGENCY_HEAD_WORDS: readonly string[] = [...BODY_HEADS, ...OFFICE_HOLDER_HEADS];

/** Generic nouns that open a name only before a proper name (a capitalised word) or in capitals. */
export const AGENCY_NAME_HEADS: readonly string[] = [...BODY_NOUNS, ...PEOPLE_NOUNS];

// ---------------------------------------------------------------------------------
// Compiled matchers (sticky, on folded text).

const NOT_LETTER = "(?![\\p{L}\\p{M}\\p{N}])";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (xs: readonly string[]) =>
  [...xs].map((x) => foldForMatch(x)).sort((a, b) => b.length - a.length).map(escape).join("|").replace(/ /g, "\\s+");

const HEAD_RE = new RegExp(`(?:${alternation(AGENCY_HEAD_WORDS)})${NOT_LETTER}`, "iuy");
const NAME_HEAD_RE = new RegExp(`(?:${alternation(AGENCY_NAME_HEADS)})${NOT_LETTER}`, "iuy");
const COLLECTIVE_RE = new RegExp(
  `(?:${alternation(AGENCY_DETERMINERS)})\\s+(?:${alternation(AGENCY_COLLECTIVE_NOUNS)})${NOT_LETTER}`, "iuy");
// Abbreviations are written in capitals; matched case-sensitively so "bch" in prose is not one.
const ABBR_RE = new RegExp(`(?:${alternation(Object.keys(AGENCY_ABBREVIATIONS))})${NOT_LETTER}`, "uy");
const NOT_AGENCY_RE = new RegExp(`(?:${alternation(NOT_AGENCY)})${NOT_LETTER}`, "iuy");
const JOINT_RE = new RegExp(alternation(JOINT_NAMES), "giu");
const PROPER_NEXT_RE = /\s+(?:[\p{Lu}\p{N}]|[\p{L}]+[&-])/uy;
// First letters any opening can start with: most positions are rejected without running a regex.
const FIRST_LETTERS = new Set(
  [...AGENCY_HEAD_WORDS, ...AGENCY_NAME_HEADS, ...AGENCY_DETERMINERS, ...Object.keys(AGENCY_ABBREVIATIONS)]
    .flatMap((w) => { const c = foldForMatch(w)[0]; return [c.toLowerCase(), c.toUpperCase()]; }),
);

export type AgencyOpening = {
  /** Characters of the opening word(s). */
  length: number;
  kind: "head" | "name" | "collective" | "abbreviation";
  /** The opening word is written with a capital letter ("Phòng", "Các", "UBND"). */
  capital: boolean;
  /** A capitalised word (a proper name) follows the opening word. */
  properNext: boolean;
};

function at(re: RegExp, s: string, i: number): number {
  re.lastIndex = i;
  const m = re.exec(s);
  return m ? m[0].length : -1;
}

/**
 * Whether `folded` names an agency at offset `i`. Generic nouns ("Phòng", "Tổ") count
 * only before a proper name or in capitals — or anywhere with `loose`, for the object of
 * "giao" ("giao Phòng chuyên môn"); verbs and events in NOT_AGENCY never count.
 */
export function agencyOpeningAt(folded: string, i: number, loose = false): AgencyOpening | null {
  if (!FIRST_LETTERS.has(folded[i])) return null;
  const capital = /\p{Lu}/u.test(folded[i] ?? "");
  const properAfter = (len: number) => at(PROPER_NEXT_RE, folded, i + len) > 0;
  let len = at(COLLECTIVE_RE, folded, i);
  if (len > 0) return { length: len, kind: "collective", capital, properNext: properAfter(len) };
  len = at(ABBR_RE, folded, i);
  if (len > 0) return { length: len, kind: "abbreviation", capital: true, properNext: true };
  if (at(NOT_AGENCY_RE, folded, i) > 0) return null;
  len = at(HEAD_RE, folded, i);
  if (len > 0) return { length: len, kind: "head", capital, properNext: properAfter(len) };
  len = at(NAME_HEAD_RE, folded, i);
  if (len > 0) {
    const word = folded.slice(i, i + len);
    const shouting = word === word.toUpperCase() && word !== word.toLowerCase();
    const properNext = properAfter(len);
    if (properNext || shouting || loose) return { length: len, kind: "name", capital, properNext };
  }
  return null;
}

/** Spans of JOINT_NAMES in `folded`, inside which a list is never split. */
export function jointNameSpans(folded: string): [number, number][] {
  const out: [number, number][] = [];
  JOINT_RE.lastIndex = 0;
  for (let m = JOINT_RE.exec(folded); m; m = JOINT_RE.exec(folded)) out.push([m.index, m.index + m[0].length]);
  return out;
}
