/**
 * Names of issuing bodies as documents write them, and how to read one out of
 * running text.
 *
 * Shapes read by `readAgencyName` (from a position just after "của", or at a
 * subject):
 *   "Bộ Chính trị về …"                        → "Bộ Chính trị"
 *   "UBND tỉnh Thái Nguyên thực hiện …"        → "UBND tỉnh Thái Nguyên"
 *   "Ban Bí thư Trung ương Đảng phê duyệt …"   → "Ban Bí thư Trung ương Đảng"
 *   "Bộ Văn hóa, Thể thao và Du lịch; …"       → the whole name (a comma before a capital)
 *   "Ban Chỉ đạo về phát triển khoa học, …, chuyển đổi số tỉnh Thái Nguyên;"
 *       → a steering committee's name runs through its topic to its locality
 *   "Ban Chỉ đạo về Triển khai Phong trào “…” năm 2026" → "Ban Chỉ đạo" (no locality
 *       closes the topic within the clause: "về" starts the description)
 * A name starts with a registered head (Ủy ban nhân dân, Ban Thường vụ, Sở …) written
 * with a capital, and ends at a clause mark, at a lower-case word that starts a
 * description ("về", "thực hiện", "năm" …), or at the first lower-case word after a
 * locality's proper name ("xã Phú Thịnh …").
 */
import { foldForMatch } from "../../normalise/fold.js";
import {
  AGENCY_ABBREVIATIONS, BODY_HEADS, BODY_NOUNS, COMMUNE_UNITS, LOCALITY_UNITS, NAME_PART_ABBREVIATIONS, NATIONAL_BODY_HEADS,
  NOT_AGENCY,
} from "./agency-vocabulary.js";
import { KIND_WORD_PATTERN } from "./document-types.js";
import { anyOf, escapeRegExp as escape, lowerPhrase } from "./phrase-pattern.js";

export { COMMUNE_UNITS, LOCALITY_UNITS };

/**
 * Words that begin the name of an issuing or cited body: the bodies and generic body nouns of
 * the shared vocabulary, the national organs, the abbreviations, and "Chủ tịch" (who signs
 * decisions). Office holders other than that ("Giám đốc Sở …") are not issuers: the body
 * after them is.
 */
export const AGENCY_HEADS: readonly string[] = [
  ...NATIONAL_BODY_HEADS, ...BODY_HEADS, ...BODY_NOUNS, ...Object.keys(AGENCY_ABBREVIATIONS), "chủ tịch",
];

/** Steering bodies whose names continue with their topic: "Ban Chỉ đạo về phát triển … tỉnh X". */
export const STEERING_HEADS = ["ban chỉ đạo", "bcđ"];


/** Lower-case words that end an agency name: the description or the sentence goes on. */
export const NAME_ENDINGS = [
  "về", "ban hành", "thực hiện", "triển khai", "phê duyệt", "năm", "trên", "trong", "tại", "nhằm", "đối với",
  "theo", "quy định", "hướng dẫn", "đã", "đề ra", "giao", "ngày", "số", "đến", "cho", "với", "để", "là", "được",
  "khi", "lần", "giai đoạn", "kèm theo", "sửa đổi", "bổ sung", "thông báo", "kết luận", "báo cáo", "xây dựng",
  "tổ chức", "chủ trì", "phối hợp", "chỉ đạo", "lãnh đạo", "đề nghị", "yêu cầu", "gửi", "nay", "cũng", "sẽ",
  "đang", "vừa", "tiếp tục", "có", "không", "thì", "mà", "nêu", "ký", "ngay", "từ", "sau", "trước", "của", "thuộc",
  "các", "những", "nhiệm vụ", "phân công", "quán triệt", "cụ thể hóa", "hoặc",
];

/** The committee a Party organisation elects: "Đảng bộ xã X" → "Đảng ủy xã X", "Đảng bộ tỉnh X" → "Tỉnh ủy X". */
export const PARTY_COMMITTEES: { organisation: string; committee: string }[] = [
  { organisation: "đảng bộ tỉnh", committee: "Tỉnh ủy" },
  { organisation: "đảng bộ thành phố", committee: "Thành ủy" },
  { organisation: "đảng bộ huyện", committee: "Huyện ủy" },
  { organisation: "đảng bộ quận", committee: "Quận ủy" },
  { organisation: "đảng bộ thị xã", committee: "Thị ủy" },
  { organisation: "đảng bộ", committee: "Đảng ủy" },
];

/**
 * Organs printed without a locality under the body they belong to ("ĐẢNG BỘ XÃ X /
 * BAN THƯỜNG VỤ"): their full name appends that body's committee.
 */
export const SUBORDINATE_ORGANS = [
  "ban thường vụ", "thường trực", "ban chấp hành", "ủy ban kiểm tra", "văn phòng", "ban tuyên giáo",
  "ban tuyên giáo và dân vận", "ban tổ chức", "ban dân vận", "ban xây dựng đảng", "ban nội chính",
];

/** Display spelling of name parts, for header lines printed in capitals. */
export const NAME_DISPLAY = [
  "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam",
  "Ủy ban Mặt trận Tổ quốc", "Mặt trận Tổ quốc", "Đảng Cộng sản Việt Nam", "Ban Chấp hành Trung ương",
  "Đảng ủy", "Đảng bộ", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Ban Thường vụ", "Ban Chấp hành",
  "Ban Bí thư", "Bộ Chính trị", "Ban Chỉ đạo", "Chính phủ", "Thủ tướng Chính phủ", "Cơ quan Thường trực",
  "Thường trực", "Trung ương", "Ủy ban Kiểm tra", "Ban Tuyên giáo và Dân vận", "Ban Tuyên giáo", "Ban Tổ chức",
  "Ban Dân vận", "Ban Xây dựng Đảng", "Tổ giúp việc", "Văn phòng", "Việt Nam", "Khoa học và Công nghệ",
  "Ban Chỉ huy Quân sự", "Công an", "Sở", "Phòng", "Bộ", "Hội nghị",
];

/** Abbreviations kept in capitals when a line printed in capitals is given its display case. */
export const NAME_ABBREVIATIONS: readonly string[] = [
  ...Object.keys(AGENCY_ABBREVIATIONS).filter((a) => !a.includes(" ")), ...NAME_PART_ABBREVIATIONS,
];

const fold = (s: string) => foldForMatch(s).toLowerCase();
const alternation = (xs: readonly string[]) => anyOf(xs, lowerPhrase);

/** A unit word in lower case or with a capital ("xã", "Xã"); the proper name after it must be capitalised, so no `i` flag. */
const UNIT_ANY_CASE = [...new Set(LOCALITY_UNITS.flatMap((u) => [fold(u), fold(u)[0].toUpperCase() + fold(u).slice(1)]))]
  .map((u) => escape(u).replace(/ /g, "\\s+"))
  .sort((a, b) => b.length - a.length)
  .join("|");
/** "Tỉnh ủy", "Huyện ủy": a unit word followed by "ủy" names the Party committee, not a place. */
const NOT_COMMITTEE = "(?!\\s+(?:ủy|Ủy|ỦY)(?![\\p{L}\\p{M}]))";
const HEAD_AT = new RegExp(`(?:${alternation(AGENCY_HEADS)})(?![\\p{L}\\p{M}])`, "iuy");
const LOCALITY_AT = new RegExp(`(?:${alternation(LOCALITY_UNITS)})(?![\\p{L}\\p{M}])${NOT_COMMITTEE}`, "iuy");
// "Hội nghị", "Ban hành", "Tổ chức": an agency word that opens no name (shared with the task reader).
const NOT_AGENCY_AT = new RegExp(`(?:${alternation(NOT_AGENCY)})(?![\\p{L}\\p{M}])`, "iuy");
const ENDING_AT = new RegExp(`(?:${alternation(NAME_ENDINGS)})(?![\\p{L}\\p{M}])`, "uy");
const STEERING_END = new RegExp(`(?:${alternation(STEERING_HEADS)})$`, "iu");
const TOKEN = /[ \u00a0]*([^\s,;:()"“”.\t]+)/uy;
const PROPER = /^\p{Lu}/u;
/** What a steering committee's topic may not contain: another clause, a quotation, a date, a place reference. */
const TOPIC_BREAK = /[;:()"“”\n\t]|\.(?:\s|$)|\d|trên địa bàn|(?<![\p{L}])(?:ngày|năm|tại)(?![\p{L}])/iu;
const TOPIC_LOCALITY = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${UNIT_ANY_CASE})${NOT_COMMITTEE}\\s+\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,3}|(?<![\\p{L}\\p{M}])Trung\\s+ương(?![\\p{L}\\p{M}])`,
  "u",
);

export type AgencyName = { start: number; end: number };

/** Whether a registered agency head starts at `at` in folded text (any case, capital first letter). */
export function agencyHeadAt(folded: string, at: number): number {
  HEAD_AT.lastIndex = at;
  const m = HEAD_AT.exec(folded);
  if (!m || !PROPER.test(folded[at])) return 0;
  NOT_AGENCY_AT.lastIndex = at;
  return NOT_AGENCY_AT.test(folded) ? 0 : m[0].length;
}

/**
 * Reads the agency name that starts at `at` (see the shapes above). Works on the
 * folded text; the span is shared with the display text. Null when no registered
 * head starts there.
 */
export function readAgencyName(folded: string, at: number, limit = folded.length): AgencyName | null {
  const headLength = agencyHeadAt(folded, at);
  if (!headLength) return null;
  let end = at + headLength;
  let localityOpen = false; // after "xã"/"tỉnh" only a place's capitalised words belong to the name
  for (let n = 0; n < 16; n++) {
    if (STEERING_END.test(folded.slice(at, end))) {
      const topic = steeringTopicEnd(folded, end, limit);
      if (topic) return { start: at, end: topic };
    }
    const next = nextNameToken(folded, end, limit);
    if (!next) break;
    const { start: ts, end: te, word } = next;
    const proper = PROPER.test(word);
    // After "xã Phú Thịnh" or a bare "xã", a lower-case word is the sentence going on.
    if (localityOpen && !proper) break;
    if (!proper) {
      ENDING_AT.lastIndex = ts;
      if (ENDING_AT.test(folded)) break;
      if (/^\d/u.test(word)) break;
      // "… Ban Chỉ đạo và Nghị quyết số …", "… Tỉnh ủy và UBND tỉnh": "và" starts the next item.
      if (word === "và" && startsNewItem(folded, te)) break;
    }
    LOCALITY_AT.lastIndex = ts;
    const unit = LOCALITY_AT.exec(folded);
    if (unit) {
      localityOpen = true;
      end = ts + unit[0].length;
      continue;
    }
    end = te;
  }
  return end > at ? { start: at, end: trimConnectors(folded, at, end) } : null;
}

const NEW_ITEM = new RegExp(`\\s+(?:${KIND_WORD_PATTERN})(?![\\p{L}\\p{M}])`, "iuy");

function startsNewItem(folded: string, at: number): boolean {
  NEW_ITEM.lastIndex = at;
  if (NEW_ITEM.test(folded)) return true;
  const next = /^\s+/u.exec(folded.slice(at, at + 4));
  return next !== null && agencyHeadAt(folded, at + next[0].length) > 0;
}

/** Next word of a name; crosses a comma only when a capitalised word that is not a new agency follows. */
function nextNameToken(folded: string, from: number, limit: number): { start: number; end: number; word: string } | null {
  let pos = from;
  const comma = /^,[ ]+/u.exec(folded.slice(pos, pos + 3));
  if (comma) {
    const after = pos + comma[0].length;
    if (!PROPER.test(folded[after] ?? "") || agencyHeadAt(folded, after) || /^\d/u.test(folded[after])) return null;
    pos = after;
  }
  TOKEN.lastIndex = pos;
  const m = TOKEN.exec(folded);
  if (!m || m.index !== pos || pos + m[0].length > limit) return null;
  const start = pos + m[0].length - m[1].length;
  return { start, end: pos + m[0].length, word: m[1] };
}

function steeringTopicEnd(folded: string, from: number, limit: number): number | null {
  const window = folded.slice(from, Math.min(limit, from + 220));
  const place = TOPIC_LOCALITY.exec(window);
  if (!place) return null;
  if (TOPIC_BREAK.test(window.slice(0, place.index))) return null;
  return from + place.index + place[0].length;
}

function trimConnectors(folded: string, start: number, end: number): number {
  const m = /(?:\s+(?:và|của|các))+$/iu.exec(folded.slice(start, end));
  return m ? end - m[0].length : end;
}

const HEAD_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternation(AGENCY_HEADS)})(?![\\p{L}\\p{M}])`, "giu");

/** Every agency name between `from` and `to`, in order, none overlapping. */
export function findAgencyNames(folded: string, from: number, to: number): AgencyName[] {
  const out: AgencyName[] = [];
  // The region is short (a clause, a header): slicing keeps the scan inside it.
  const region = folded.slice(from, to);
  HEAD_ANYWHERE.lastIndex = 0;
  for (let m = HEAD_ANYWHERE.exec(region); m; m = HEAD_ANYWHERE.exec(region)) {
    const name = readAgencyName(folded, from + m.index, to);
    if (name) {
      out.push(name);
      HEAD_ANYWHERE.lastIndex = Math.max(name.end - from, m.index + 1);
    }
  }
  return out;
}

const LOCALITY_IN_NAME = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${UNIT_ANY_CASE})${NOT_COMMITTEE}\\s+\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,3}`,
  "u",
);

/** The locality a name carries ("UBND xã Phú Thịnh" → "xã Phú Thịnh"); null when it names none ("Tỉnh ủy"). */
export function localityOf(name: string): string | null {
  const m = LOCALITY_IN_NAME.exec(foldForMatch(name));
  return m ? name.slice(m.index, m.index + m[0].length) : null;
}

// Agency openings used to split task lead/support lists, and the abbreviation map the store expands.
export {
  AGENCY_ABBREVIATIONS, AGENCY_COLLECTIVE_NOUNS, AGENCY_DETERMINERS, JOINT_NAMES, NOT_AGENCY,
} from "./agency-vocabulary.js";
export { AGENCY_HEAD_WORDS, AGENCY_NAME_HEADS, agencyOpeningAt, jointNameSpans, type AgencyOpening } from "../tasks/agency-words.js";
