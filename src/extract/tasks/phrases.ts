/**
 * Wording that task extraction keys on, as data. All phrases are matched on
 * `foldForMatch` text; predicates are matched in lower case only, because inside an
 * agency name the same words are capitalised ("Ban Xây dựng Đảng" vs "xây dựng").
 */

/**
 * Verbs and adverbs that open the predicate of a directive sentence: the agency
 * named before them is its subject ("Văn phòng Đảng ủy | tập trung …", "Ban Xây dựng
 * Đảng | chủ trì …"), and a list of agencies ends at them ("… Đảng ủy | định kỳ báo cáo").
 * `notAfter` keeps the word inside a name ("các cơ quan tham mưu", "Ban chỉ đạo",
 * "các tổ chức chính trị - xã hội").
 */
export const PREDICATES: readonly { phrase: string; notAfter?: readonly string[] }[] = [
  { phrase: "chủ trì" }, { phrase: "phối hợp" }, { phrase: "chịu trách nhiệm" }, { phrase: "có trách nhiệm" },
  { phrase: "tham mưu", notAfter: ["cơ quan", "chuyên trách", "đơn vị", "bộ phận", "ban", "Ban"] },
  { phrase: "chủ động" }, { phrase: "tập trung" }, { phrase: "tích cực" }, { phrase: "kịp thời" },
  { phrase: "nghiêm túc" }, { phrase: "thường xuyên" }, { phrase: "khẩn trương" }, { phrase: "tiếp tục" },
  { phrase: "thực hiện" }, { phrase: "triển khai" },
  { phrase: "tổ chức", notAfter: ["các", "những", "và", "Các"] },
  { phrase: "xây dựng", notAfter: ["ban", "Ban"] },
  { phrase: "chỉ đạo", notAfter: ["ban", "Ban", "BAN"] },
  { phrase: "lãnh đạo", notAfter: ["đồng chí", "các"] },
  { phrase: "kiểm tra", notAfter: ["ủy ban", "Ủy ban", "đoàn", "Đoàn", "tổ", "Tổ"] },
  { phrase: "rà soát" }, { phrase: "theo dõi" }, { phrase: "hướng dẫn" }, { phrase: "đôn đốc" },
  { phrase: "tổng hợp" }, { phrase: "báo cáo" }, { phrase: "định kỳ" }, { phrase: "tăng cường" },
  { phrase: "đẩy mạnh" }, { phrase: "nâng cao" }, { phrase: "quán triệt" }, { phrase: "bố trí" },
  { phrase: "đảm bảo" }, { phrase: "bảo đảm" }, { phrase: "duy trì" }, { phrase: "cập nhật" },
  { phrase: "nghiên cứu" }, { phrase: "tiếp thu" }, { phrase: "hoàn thành" }, { phrase: "phấn đấu" },
  { phrase: "vận động" }, { phrase: "tuyên truyền" }, { phrase: "phổ biến" }, { phrase: "phát huy" },
  { phrase: "xác định" }, { phrase: "quan tâm" }, { phrase: "nêu cao" }, { phrase: "ban hành" },
  { phrase: "đề xuất" }, { phrase: "tham gia" }, { phrase: "hỗ trợ" }, { phrase: "xử lý" },
  { phrase: "thẩm định" }, { phrase: "thành lập" }, { phrase: "cử" }, { phrase: "cần" }, { phrase: "phải" },
  { phrase: "sẽ" }, { phrase: "nghiêm khắc" }, { phrase: "trực tiếp" }, { phrase: "thống kê" },
  { phrase: "thống nhất" }, { phrase: "kết luận" }, { phrase: "ghi nhận" }, { phrase: "biểu dương" },
  { phrase: "được giao" }, { phrase: "được phân công" }, { phrase: "căn cứ" }, { phrase: "bám sát" }, { phrase: "xem xét" }, { phrase: "khắc phục" }, { phrase: "đăng ký" }, { phrase: "chuẩn bị" }, { phrase: "kiện toàn" }, { phrase: "chấn chỉnh" },
];

/** Openers of a leading adverbial clause before the subject: "Căn cứ nội dung Kế hoạch, các cơ quan … tổ chức …". */
export const ADVERBIAL_OPENERS: readonly string[] = [
  "căn cứ", "để", "trên cơ sở", "theo", "nhằm", "sau khi", "trong thời gian tới", "trong đó", "đồng thời",
  "bên cạnh đó", "ngoài ra", "trong quá trình", "định kỳ", "hằng tháng", "hằng quý", "hằng năm", "hàng tháng",
  "hàng quý", "hàng năm", "trước ngày", "trong quý", "trong tháng", "trong năm", "khi", "nhận được", "sau khi nhận được",
];

/** Words of an introduction ("… kết luận như sau:", "cụ thể:"): such a line names no agency to assign to. */
export const INTRO_MARKERS: readonly string[] = ["như sau", "sau đây", "cụ thể", "gồm", "bao gồm"];

/**
 * Words after a subject that make the sentence a statement, not a directive ("X là cơ
 * quan thường trực", "X đã ban hành") — but "X được giao / được phân công …" assigns to X.
 */
export const NON_DIRECTIVE_VERBS: readonly { phrase: string; notBefore?: readonly string[] }[] = [
  { phrase: "là" }, { phrase: "đã" }, { phrase: "được", notBefore: ["giao", "phân công"] }, { phrase: "bị" },
  { phrase: "đang" }, { phrase: "vẫn" },
];

/** "Giao X …" / "UBND xã giao X …" / "Đề nghị X …" / "Yêu cầu X …": X is the lead (when X is an agency). */
export const ASSIGN_VERBS: readonly string[] = ["giao cho", "giao", "đề nghị", "yêu cầu", "phân công cho", "phân công"];

/** Openings of a support phrase: "phối hợp với Y", "phối hợp chặt chẽ với Y", "với sự phối hợp của Y". */
export const SUPPORT_MARKERS: readonly string[] = [
  "phối hợp với", "phối hợp chặt chẽ với", "phối hợp chặt chẽ cùng", "phối hợp cùng",
  "phối hợp thường xuyên với", "với sự phối hợp của", "có sự phối hợp của",
];

/** Words that end an agency phrase read from running text ("phối hợp với cấp trên | để bố trí …"). */
export const PHRASE_STOPS: readonly { phrase: string; notAfter?: readonly string[] }[] = [
  { phrase: "trong" }, { phrase: "để" }, { phrase: "nhằm" }, { phrase: "tại" }, { phrase: "theo" },
  { phrase: "về" }, { phrase: "khi" }, { phrase: "đối với" }, { phrase: "cho" }, { phrase: "từ" },
  { phrase: "trên", notAfter: ["cấp"] }, { phrase: "dưới", notAfter: ["cấp"] }, { phrase: "nếu" },
  { phrase: "trước" }, { phrase: "sau" }, { phrase: "đến" }, { phrase: "bằng" }, { phrase: "qua" },
  { phrase: "đặc biệt" }, { phrase: "nhất là" }, { phrase: "với" },
];

/**
 * Section headings that assign work and those that do not. A heading is classified by
 * the earliest of these words in it ("Tình hình, kết quả thực hiện nhiệm vụ" reports
 * results; "Nhiệm vụ, giải pháp trọng tâm" assigns work); headings with none of them
 * inherit from the heading above.
 */
export const DIRECTIVE_SECTION_WORDS: readonly string[] = [
  "tổ chức thực hiện", "nhiệm vụ", "giải pháp", "phân công", "trách nhiệm", "kết luận", "chỉ đạo thực hiện",
];
export const NON_DIRECTIVE_SECTION_WORDS: readonly string[] = [
  "căn cứ", "mục đích", "yêu cầu", "mục tiêu", "quan điểm", "kết quả", "tình hình", "đánh giá",
  "thực trạng", "tồn tại", "hạn chế", "nguyên nhân", "bài học", "đặc điểm", "nhận xét", "kiến nghị",
  "đề xuất", "thống kê", "khó khăn", "vướng mắc", "ưu điểm", "sự cần thiết", "bối cảnh", "phạm vi",
  "đối tượng", "kinh phí", "nguồn kinh phí", "thành phần", "địa điểm",
];

/** Words before the agency in a heading that assigns a block of work: "Trách nhiệm của UBND xã", "Đối với Công an xã". */
export const HEADING_AGENCY_PREFIXES: readonly string[] = [
  "trách nhiệm của", "nhiệm vụ của", "đối với", "giao cho", "giao", "phân công cho", "về phía", "đề nghị",
];

/** An article number before a provision ("Điều 3. Chánh Văn phòng … chịu trách nhiệm thi hành …"). */
export const ARTICLE_WORDS: readonly string[] = ["điều"];

/**
 * Role notes written after an agency inside one cell: "Phòng VHXH (chủ trì); Công an xã
 * (phối hợp)". Not "tham mưu": it ends names too ("Các cơ quan chuyên trách tham mưu, giúp việc …").
 */
export const LEAD_NOTES: readonly string[] = ["chủ trì"];
export const SUPPORT_NOTES: readonly string[] = ["phối hợp"];

/** Where the body ends ("Trên đây là Kế hoạch …", "Nơi nhận:"): after these no narrative task is read (appendix tables still are). */
export const CLOSING_MARKERS: readonly string[] = ["nơi nhận", "nơi gửi", "trên đây là", "trên đây"];

/**
 * How a kind of document assigns work, by its kind (metadata) or, when that is unknown,
 * its title word:
 *   - reports (Báo cáo, Tờ trình) narrate results: only explicit "giao" sentences and
 *     sections headed as tasks count;
 *   - conclusions (Kết luận, Thông báo, Chỉ thị, Công văn, Quyết định, Nghị quyết) assign
 *     work from their first paragraph;
 *   - every other kind (Kế hoạch, Chương trình, Đề án …) assigns work in its numbered
 *     sections, not in the lines that introduce it.
 */
export const KIND_GROUPS: readonly { group: "report" | "conclusion"; kinds: readonly string[]; titles: readonly string[] }[] = [
  { group: "report", kinds: ["bao-cao", "to-trinh"], titles: ["báo cáo", "tờ trình"] },
  {
    group: "conclusion",
    kinds: ["ket-luan", "thong-bao", "chi-thi", "cong-van", "quyet-dinh", "nghi-quyet"],
    titles: ["kết luận", "thông báo", "thông báo kết luận", "chỉ thị", "quyết định", "nghị quyết"],
  },
];

/**
 * Last words of a line that cannot end an agency name, so a line break after them is
 * a wrap inside one name ("Ủy ban\nMặt trận Tổ quốc", "Trung tâm\nPhục vụ hành chính công").
 */
export const NAME_CONTINUES_AFTER: readonly string[] = [
  "và", "của", "thuộc", "các", "những", "cùng", "với", "về", "trên", "ban", "phòng", "tâm", "trường",
  "trạm", "sở", "bộ", "tổ", "hội", "đoàn", "chi", "đồng", "trận", "viện", "cục", "-", "–", "&",
];
