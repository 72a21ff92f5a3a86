/**
 * Whether a figure is a goal ("target") or a result ("actual"), as data for ../metrics.ts.
 * A plan's figures are targets unless the clause reports a result; a report's figures
 * are results unless they name the task being reported on or look ahead.
 */
import type { DocKind } from "../../../schemas/extraction.js";

/** Documents that set goals and assign work. */
export const PLAN_KINDS: DocKind[] = [
  "ke-hoach", "ket-luan", "thong-bao", "cong-van", "quyet-dinh", "nghi-quyet", "chi-thi", "chuong-trinh", "de-an",
  "quy-dinh", "quy-che", "huong-dan", "luat", "nghi-dinh", "thong-tu",
];
/** Documents that state what was done. */
export const REPORT_KINDS: DocKind[] = ["bao-cao", "to-trinh"];

/** Before a figure in its clause: the figure is a goal ("phấn đấu tối thiểu 90%", "mục tiêu đạt 95%"). */
export const TARGET_CUES = ["phấn đấu", "mục tiêu", "chỉ tiêu", "kế hoạch", "dự kiến", "đề ra", "cần đạt", "phải đạt", "định hướng", "yêu cầu đạt"];
/** Before a figure in its clause: the figure is a result ("đến nay, 100% …", "năm 2025 đã đạt 85%"). */
export const ACTUAL_CUES = ["đã đạt", "đạt được", "hiện nay", "hiện có", "đến nay", "tính đến", "đã có", "đã được", "thực hiện được", "kết quả đạt"];

/** Section headings of results ("I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN …"); checked before FORWARD_HEADINGS. */
export const RESULT_HEADINGS = ["kết quả", "tình hình", "thực trạng", "đánh giá"];
/** Section headings that look ahead ("III. MỤC TIÊU", "IV. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM …"). */
export const FORWARD_HEADINGS = [
  "mục tiêu", "nhiệm vụ, giải pháp", "nhiệm vụ và giải pháp", "nhiệm vụ trọng tâm", "giải pháp trọng tâm", "nhiệm vụ chủ yếu",
  "giải pháp chủ yếu", "nhiệm vụ cụ thể", "nhiệm vụ thời gian tới", "phương hướng", "kế hoạch", "chỉ tiêu", "tổ chức thực hiện",
];

/** In a report, an item opened by these names the task reported on ("- Việc (2) 100% các đơn vị …"), so its figures are goals. */
export const TASK_LABEL_OPENERS = ["việc"];

/** Indicator-table headers that registries/columns.ts leaves unclassified: results ("Thực hiện 6 tháng", "Ước thực hiện năm"). */
export const INDICATOR_ACTUAL_HEADERS = ["thực hiện", "ước thực hiện", "ước đạt", "đạt được", "lũy kế", "kết quả đạt được"];
/** … and goals ("Kế hoạch 2026", "KH năm"). */
export const INDICATOR_TARGET_HEADERS = ["kế hoạch", "kh", "chỉ tiêu năm", "mục tiêu năm"];

/**
 * Indicator-table columns that compare the row's result with something else, as a
 * percentage: with its target ("% so với kế hoạch", "So KH (%)", "Đạt % KH") or with the
 * same period before ("So với cùng kỳ (%)", "So với năm trước"). Looked for anywhere in
 * the header, before the target and result words they contain.
 */
export const INDICATOR_RATIO_HEADERS: readonly { compares: "target" | "previous"; phrases: readonly string[] }[] = [
  {
    compares: "previous",
    phrases: ["so với cùng kỳ", "so cùng kỳ", "so với năm trước", "so năm trước", "so với cùng kỳ năm trước", "so với năm", "so với tháng trước", "so với kỳ trước"],
  },
  {
    compares: "target",
    phrases: ["so với kế hoạch", "so kế hoạch", "so với kh", "so kh", "% kế hoạch", "% kh", "so với chỉ tiêu", "so chỉ tiêu", "so với mục tiêu", "tỷ lệ đạt", "tỷ lệ hoàn thành", "% hoàn thành", "% đạt"],
  },
];
