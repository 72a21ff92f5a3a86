/**
 * Wording of time limits in Vietnamese administrative writing, as data for
 * ../deadlines.ts. Phrases are written as printed (lower case; any tone placement —
 * they are folded like the text before matching). A space matches any run of
 * white space.
 */

/** Before a date or period: the limit is its end ("trước ngày 30/4/2026", "chậm nhất ngày 15/5"). */
export const BY_CUES = [
  "trước", "đến trước", "xong trước", "chậm nhất", "chậm nhất là", "chậm nhất vào", "chậm nhất trước",
  "chậm nhất là trước", "không muộn hơn", "không chậm hơn", "hạn chót", "hạn chót là", "hạn cuối",
  "thời hạn", "thời hạn hoàn thành", "hạn hoàn thành", "hạn nộp",
];

/**
 * "đến (hết) …": the end of a run. A limit in a plan ("thực hiện đến hết quý III/2026"),
 * but the end of the period reported on in a report ("từ đầu năm đến hết ngày 23/4/2026"),
 * so it passes the same filters as a bare period. "đến năm 2030" without "hết" is a
 * horizon ("tầm nhìn đến năm 2045", "phấn đấu đến năm 2030") and never a limit.
 */
export const UNTIL_CUES = ["đến hết", "tới hết", "cho đến hết", "đến", "tới", "cho đến"];

/** Start of a run ("bắt đầu từ ngày 10/4/2026", "kể từ tháng 5/2026"). */
export const FROM_CUES = ["bắt đầu từ", "bắt đầu", "kể từ", "từ"];

/** A period a directive places work in ("ngay trong quý II năm 2026", "trọng tâm tháng 6"). */
export const WITHIN_CUES = [
  "ngay trong", "trong suốt", "trong các", "vào các", "trong", "vào", "ngay", "trọng tâm", "thực hiện", "hoàn thành", "triển khai",
];

/** Labels that introduce a time in prose ("Thời gian thực hiện: Quý II/2026", "Tiến độ: cuối năm 2026"). */
export const TIME_LABELS = [
  "thời gian thực hiện", "thời gian hoàn thành", "thời gian tổ chức", "thời gian triển khai", "thời gian", "tiến độ thực hiện",
  "tiến độ hoàn thành", "tiến độ", "mốc thời gian", "thời điểm",
];

/** Labels of a limit that may name what is limited before their ":" ("Hạn chót nộp hồ sơ: 17h00 ngày 25/4/2026"). */
export const BY_LABELS = ["hạn chót", "thời hạn", "hạn nộp", "hạn cuối", "hạn hoàn thành", "hạn gửi"];

/** How often, as a rate ("06 tháng/lần", "01 lần/năm", "2 lần/tháng"). */
export const FREQUENCY_UNITS = ["ngày", "tuần", "tháng", "quý", "năm"];

/** Verbs kept at the front of the phrase ("hoàn thành trước ngày 15/4/2026"). */
export const LEAD_VERBS = ["hoàn thành", "hoàn thiện", "xong", "báo cáo", "gửi về", "gửi", "nộp", "trình"];

/** Words that join periods of one list ("quý III, quý IV năm 2026", "tháng 6 và 6 tháng cuối năm"). */
export const LIST_JOINERS = [",", "và", "hoặc"];

/** A period starting a run that ends elsewhere ("từ đầu năm 2026 đến hết ngày 23/4/2026"). */
export const START_OF_PERIOD = ["đầu"];
/** The end of a period as a limit ("cuối năm 2026", "hết quý II"). */
export const END_OF_PERIOD = ["cuối", "hết"];

/** Adverbs of repetition ("Thực hiện thường xuyên", "báo cáo định kỳ"). */
export const RECURRING_ADVERBS = ["thường xuyên", "định kỳ", "theo định kỳ", "thường kỳ"];
/** Verbs of manner: a recurring adverb before them says how work is done, not when ("thường xuyên phối hợp với …"). */
export const MANNER_VERBS = [
  "phối hợp", "quan tâm", "chú trọng", "chú ý", "gắn kết", "liên hệ", "trao đổi", "theo sát", "bám sát", "nắm bắt",
  "nắm chắc", "lắng nghe", "đồng hành", "sâu sát", "gần gũi",
];
/** "hằng/hàng/mỗi" + a period word ("hằng năm", "hàng tháng, quý, năm", "mỗi quý"). */
export const EVERY_WORDS = ["hằng", "hàng", "mỗi"];
export const PERIOD_WORDS = ["ngày", "tuần", "tháng", "quý", "năm", "6 tháng", "06 tháng", "sáu tháng"];
/** Nouns that make "hàng" mean goods or a row, not "every" ("cửa hàng", "khách hàng", "ngân hàng"). */
export const HANG_NOUNS = ["cửa", "mặt", "khách", "ngân", "đơn", "bán", "xếp", "nhà", "chợ", "giao", "lô", "kho", "đầu"];
/**
 * Names of reporting periods listed without a year: a schedule ("Quý, 6 tháng, 9 tháng, năm",
 * "đánh giá kết quả 6 tháng, 01 năm"). In prose the list needs one of LIST_SCHEDULE_CUES before it.
 */
export const SCHEDULE_PERIOD_NAMES = ["quý", "tháng", "năm", "tuần", "cả năm", "6 tháng", "06 tháng", "sáu tháng", "9 tháng", "09 tháng", "chín tháng", "01 năm", "1 năm", "một năm"];
export const LIST_SCHEDULE_CUES = ["báo cáo", "đánh giá", "sơ kết", "tổng kết", "kết quả", "định kỳ", "hằng", "hàng"];
/** Only in a time column: a cell that names review events is a schedule ("Sơ kết, tổng kết"). */
export const CELL_RECURRING = ["sơ kết, tổng kết", "sơ kết và tổng kết", "sơ kết", "tổng kết", "liên tục", "hằng ngày"];
/** A repetition under these is not done ("chưa được thực hiện thường xuyên"). */
export const NEGATIONS = ["chưa", "không", "thiếu", "chẳng"];

/** On request ("Đột xuất khi có yêu cầu", "Báo cáo khi có văn bản yêu cầu của Văn phòng Tỉnh ủy"). */
export const ON_REQUEST = ["khi có yêu cầu", "khi có văn bản yêu cầu", "khi được yêu cầu", "khi có chỉ đạo", "theo yêu cầu đột xuất", "đột xuất"];
/** Only in a time column: in prose these describe needs, not limits ("hỗ trợ khi cần thiết"). */
export const CELL_ON_REQUEST = ["theo yêu cầu", "khi cần thiết", "khi cần", "khi có phát sinh", "khi phát sinh", "khi có nhu cầu"];

/** Relative limits: a lead phrase, the clause after it is the anchor ("ngay sau khi kết thúc cuộc kiểm tra"). */
export const RELATIVE_LEADS = ["ngay sau khi", "ngay khi"];
/** "sớm hơn ít nhất 01 quý so với kế hoạch": earlier than a plan by an amount. */
export const EARLIER_WORDS = ["sớm hơn", "sớm"];
/** "trong vòng 05 ngày làm việc kể từ …", "chậm nhất 03 ngày sau khi …". */
export const WITHIN_AMOUNT_CUES = ["trong vòng", "trong thời hạn", "trong thời gian", "chậm nhất", "chậm nhất là", "không quá", "sau"];
export const AMOUNT_UNITS = ["ngày làm việc", "ngày", "tuần", "tháng", "quý", "năm", "giờ"];
export const AMOUNT_ANCHORS = ["kể từ", "từ khi", "từ ngày", "sau khi", "sau", "so với", "trước khi"];
/** Only in a time column: the limit is set elsewhere ("Theo kế hoạch", "Sau khi được phê duyệt"). */
export const CELL_RELATIVE = ["sau khi", "theo kế hoạch", "theo lộ trình", "theo tiến độ", "theo hướng dẫn", "theo chỉ đạo", "theo quy định", "theo thời gian", "ngay sau khi"];

/** A clause opened by these selects work by its planned time, it sets no limit ("Đối với các nhiệm vụ … hoàn thành trong quý III"). */
export const QUALIFIER_OPENERS = ["đối với"];

/** In a report, a period the report date falls in is the period reported on, unless one of these precedes it in the clause. */
export const FORWARD_CUES = ["trọng tâm", "phương hướng", "nhiệm vụ", "giải pháp", "kế hoạch", "dự kiến", "phấn đấu", "sẽ", "cần"];

/** Sections that describe problems, not schedules ("- Khó khăn, vướng mắc: …"). */
export const PROBLEM_LABELS = ["khó khăn", "tồn tại", "hạn chế", "nguyên nhân", "vướng mắc"];

/**
 * "hằng năm" alone after a noun names a yearly thing, not a schedule for the task
 * ("chương trình công tác hằng năm", "bình xét thi đua, khen thưởng hằng năm", "dự toán
 * ngân sách hằng năm"). It is a schedule at the head of its clause ("Hằng năm, tổ chức …")
 * or right after one of SCHEDULE_VERBS ("báo cáo hằng năm"). Lists stay schedules
 * ("khen thưởng hàng tháng, quý, năm").
 */
export const ATTRIBUTE_PERIODS = ["năm"];
export const SCHEDULE_VERBS = ["báo cáo", "tổ chức", "thực hiện", "đánh giá", "sơ kết", "tổng kết", "cập nhật", "rà soát", "định kỳ", "họp", "triển khai", "xây dựng"];
