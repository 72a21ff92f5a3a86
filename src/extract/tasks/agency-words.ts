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
 * comma, so a list is never split inside them.
 */
import { foldForMatch } from "../../normalise/fold.js";

/** Openings that name a body or an office holder on their own (any case). */
export const AGENCY_HEAD_WORDS: readonly string[] = [
  "ủy ban nhân dân", "ủy ban mặt trận tổ quốc", "ủy ban kiểm tra", "ủy ban",
  "hội đồng nhân dân", "hội đồng", "mặt trận tổ quốc", "mặt trận",
  "văn phòng", "công an", "ban chỉ huy quân sự", "ban chỉ huy", "ban chỉ đạo",
  "ban thường vụ", "ban chấp hành", "ban xây dựng đảng", "ban tuyên giáo", "ban dân vận",
  "ban tổ chức", "ban kinh tế", "ban quản lý", "ban công tác mặt trận",
  "đảng ủy", "đảng bộ", "chi ủy", "chi bộ", "cấp ủy", "tỉnh ủy", "huyện ủy", "thành ủy",
  "thường trực", "thường vụ", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch",
  "thủ trưởng", "người đứng đầu", "trưởng ban", "phó trưởng ban", "trưởng phòng",
  "giám đốc", "tổ trưởng", "trưởng thôn", "trưởng xóm", "trưởng công an",
  "chỉ huy trưởng", "chi đoàn", "chi hội", "đoàn thanh niên", "hội nông dân",
  "hội liên hiệp phụ nữ", "hội phụ nữ", "hội cựu chiến binh", "hội người cao tuổi",
  "hội chữ thập đỏ", "liên đoàn lao động", "công đoàn", "trạm y tế",
  "trung tâm phục vụ hành chính công", "tổ công nghệ số", "tổ giúp việc", "tổ công tác",
  "đoàn kiểm tra", "đoàn giám sát", "cơ quan thường trực", "cơ quan chuyên môn",
  "cơ quan tham mưu", "bộ phận một cửa", "chánh văn phòng", "chánh thanh tra", "trưởng các", "ủy viên",
];

/** Generic nouns that open a name only before a proper name (a capitalised word) or in capitals. */
export const AGENCY_NAME_HEADS: readonly string[] = [
  "ban", "phòng", "trung tâm", "trường", "trạm", "sở", "bộ", "tổ", "hội", "đoàn", "đội",
  "viện", "cục", "chi cục", "cơ quan", "bệnh viện", "ngân hàng", "bưu điện", "kho bạc",
  "quỹ", "chi nhánh", "công ty", "hợp tác xã", "lãnh đạo", "cán bộ", "công chức", "thanh tra",
];

/** Words that make the following noun a set of bodies: "các cơ quan", "toàn thể đảng viên". */
export const AGENCY_DETERMINERS: readonly string[] = ["tất cả các", "toàn thể", "các", "những", "mọi"];

/** Nouns that name bodies after a determiner ("các cơ quan", "các tổ chức chính trị - xã hội"). */
export const AGENCY_COLLECTIVE_NOUNS: readonly string[] = [
  "cơ quan", "đơn vị", "ban", "ngành", "phòng", "tổ chức", "đoàn thể", "hội", "chi bộ",
  "đảng bộ", "chi hội", "chi đoàn", "trường", "thành viên", "xóm", "thôn", "tổ dân phố",
  "tổ", "địa phương", "sở", "bộ", "cấp ủy", "đồng chí", "doanh nghiệp", "nhà cung cấp",
  "cơ sở", "trạm", "trung tâm", "bộ phận", "cán bộ", "công chức", "tập thể", "ủy viên",
  "hợp tác xã", "nhà trường", "lực lượng",
];

/** Abbreviations of bodies and their full wording (the scorer and the store expand the same ones). */
export const AGENCY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  UBND: "Ủy ban nhân dân",
  HĐND: "Hội đồng nhân dân",
  MTTQ: "Mặt trận Tổ quốc",
  UBMTTQ: "Ủy ban Mặt trận Tổ quốc",
  "UB MTTQ": "Ủy ban Mặt trận Tổ quốc",
  BCĐ: "Ban Chỉ đạo",
  BCH: "Ban Chấp hành",
  BCHQS: "Ban Chỉ huy Quân sự",
  BTV: "Ban Thường vụ",
  UBKT: "Ủy ban Kiểm tra",
  VHXH: "Văn hóa - Xã hội",
  "VH-XH": "Văn hóa - Xã hội",
  TTPVHCC: "Trung tâm Phục vụ hành chính công",
  ĐTN: "Đoàn Thanh niên",
  HLHPN: "Hội Liên hiệp Phụ nữ",
  HND: "Hội Nông dân",
  HCCB: "Hội Cựu chiến binh",
  BXDĐ: "Ban Xây dựng Đảng",
  PCT: "Phó Chủ tịch",
};

/** Phrases that start with an agency word but name no body (verbs, events, common nouns). */
export const NOT_AGENCY: readonly string[] = [
  "tổ chức", "tổ quốc", "ban hành", "ban đầu", "ban ngày", "hội nghị", "hội thảo", "hội thi",
  "hội viên", "hội nhập", "hội đủ", "đoàn kết", "đoàn viên", "bộ máy", "bộ phận", "bộ chỉ số",
  "bộ tiêu chí", "trường hợp", "phòng chống", "phòng, chống", "phòng ngừa", "phòng họp",
  "phòng tránh", "sở hữu", "sở dĩ", "đội ngũ", "cục bộ", "quỹ đất", "lãnh đạo, chỉ đạo",
  "cán bộ, công chức", "công chức, viên chức",
];

/** Single bodies whose names contain "và" or a comma before another agency word. */
export const JOINT_NAMES: readonly string[] = [
  "Văn phòng HĐND và UBND", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
  "Văn phòng Đảng ủy và UBND", "Ủy ban Mặt trận Tổ quốc Việt Nam",
];

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
