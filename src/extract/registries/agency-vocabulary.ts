/**
 * The one vocabulary of agency names, as data: which words open the name of a body or
 * an office holder, the abbreviations written inside names, and the administrative
 * units a locality is named with. Both readers build on it:
 *
 *   - tasks/agency-words.ts — where an agency opens in a task's lead/support cell or a
 *     directive sentence (bodies and office holders: "Công an xã", "Bí thư Đảng ủy",
 *     "Thủ trưởng các cơ quan", "các cơ quan, đơn vị", "UBND xã");
 *   - registries/agencies.ts — the issuing body after "của" in a citation and in a
 *     letterhead (bodies and the national organs that sign: "Bộ Chính trị", "Chính phủ");
 *   - src/link/agency-resolution.ts — one canonical agency for the many spellings of a
 *     name (abbreviations expanded, a bare level word given the document's place), which
 *     the store keys agencies by and `query tasks --agency` matches against.
 *
 * Words are written in any case; matchers fold them (foldForMatch), so "Uỷ ban" and
 * "Ủy ban" are one word.
 */

/** Bodies whose opening names them on its own ("Ủy ban nhân dân xã", "Công an xã", "Văn phòng Đảng ủy"). */
export const BODY_HEADS: readonly string[] = [
  "ủy ban nhân dân", "ủy ban mặt trận tổ quốc", "ủy ban kiểm tra", "ủy ban",
  "hội đồng nhân dân", "hội đồng", "mặt trận tổ quốc", "mặt trận",
  "văn phòng", "công an", "ban chỉ huy quân sự", "ban chỉ huy", "ban chỉ đạo",
  "ban thường vụ", "ban chấp hành", "ban xây dựng đảng", "ban tuyên giáo", "ban dân vận",
  "ban tổ chức", "ban kinh tế", "ban quản lý", "ban công tác mặt trận",
  "đảng ủy", "đảng bộ", "chi ủy", "chi bộ", "cấp ủy", "tỉnh ủy", "huyện ủy", "thành ủy",
  "thường trực", "thường vụ", "chi đoàn", "chi hội", "đoàn thanh niên", "hội nông dân",
  "hội liên hiệp phụ nữ", "hội phụ nữ", "hội cựu chiến binh", "hội người cao tuổi",
  "hội chữ thập đỏ", "liên đoàn lao động", "công đoàn", "trạm y tế",
  "trung tâm phục vụ hành chính công", "tổ công nghệ số", "tổ giúp việc", "tổ công tác",
  "đoàn kiểm tra", "đoàn giám sát", "cơ quan thường trực", "cơ quan chuyên môn",
  "cơ quan tham mưu", "bộ phận một cửa",
];

/** Office holders, named by their post ("Bí thư Đảng ủy", "Thủ trưởng các cơ quan", "Chánh Văn phòng"). */
export const OFFICE_HOLDER_HEADS: readonly string[] = [
  "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "thủ trưởng", "người đứng đầu", "trưởng ban", "phó trưởng ban",
  "trưởng phòng", "giám đốc", "tổ trưởng", "trưởng thôn", "trưởng xóm", "trưởng công an", "chỉ huy trưởng",
  "chánh văn phòng", "chánh thanh tra", "trưởng các", "ủy viên",
];

/** Generic nouns of bodies that open a name only before a proper name ("Sở Nội vụ", "Trường Mầm non …", "Phòng Văn hóa - Xã hội"). */
export const BODY_NOUNS: readonly string[] = [
  "ban", "phòng", "trung tâm", "trường", "trạm", "sở", "bộ", "tổ", "hội", "đoàn", "đội",
  "viện", "cục", "chi cục", "cơ quan", "bệnh viện", "ngân hàng", "bưu điện", "kho bạc",
  "quỹ", "chi nhánh", "công ty", "hợp tác xã", "thanh tra",
];

/** Generic nouns of people that name an agency before a proper name ("Lãnh đạo UBND xã", "Cán bộ Tư pháp"). */
export const PEOPLE_NOUNS: readonly string[] = ["lãnh đạo", "cán bộ", "công chức"];

/** National and judicial organs that issue or are cited, beyond the bodies above ("Bộ Chính trị", "Chính phủ", "Tòa án"). */
export const NATIONAL_BODY_HEADS: readonly string[] = [
  "thường trực hội đồng nhân dân", "thường trực hđnd", "ủy ban mttq", "quận ủy", "thị ủy", "ban bí thư", "bộ chính trị",
  "trung ương", "chính phủ", "thủ tướng", "quốc hội", "ủy ban thường vụ quốc hội", "tổng cục", "kiểm toán", "tòa án",
  "viện kiểm sát", "bảo hiểm xã hội", "liên đoàn",
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

/** Abbreviations of bodies and posts and their full wording (the store expands the same ones). */
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

/**
 * Short forms written only inside agency names ("VP Đảng ủy", "VP ĐU", "UBMT xã"), with
 * their full wording: they open no name on their own, so the task reader leaves them out
 * of its openers; agency resolution expands them with AGENCY_ABBREVIATIONS.
 */
export const NAME_PART_EXPANSIONS: Readonly<Record<string, string>> = { VP: "Văn phòng", ĐU: "Đảng ủy", UBMT: "Ủy ban Mặt trận" };

/** Abbreviations written inside names and titles that are not bodies ("Sở KHCN", "Ban Chỉ đạo CĐS"). */
export const NAME_PART_ABBREVIATIONS: readonly string[] = [
  "KHCN", "KH-CN", "KHCNĐMST", "ĐMST", "CĐS", "CDS", "TTHC", "KT-XH", "CNTT", "PTKH", "CQTT", "TW", "VPTW", "VP",
  "STEM", "STEAM", "AI", "OCOP",
];

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

/** Administrative units that open a locality: "xã Phú Thịnh", "phường Quan Triều", "tỉnh Thái Nguyên". */
export const LOCALITY_UNITS: readonly string[] = ["xã", "phường", "thị trấn", "đặc khu", "tỉnh", "thành phố", "huyện", "quận", "thị xã"];
/** The units a commune-level document belongs to (for `locality`). */
export const COMMUNE_UNITS: readonly string[] = ["xã", "phường", "thị trấn", "đặc khu"];
/** The province unit: "UBND tỉnh" written bare means the document's province. */
export const PROVINCE_UNIT = "tỉnh";
