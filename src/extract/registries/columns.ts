/**
 * Table column roles from header wording (never from position: column order varies
 * between documents). Each role lists header phrases as printed; a header matches a
 * role when its folded text equals one of them or starts with one followed by a
 * space, "/", ",", "(" or "-". First match wins, so more specific phrases come first
 * ("Kết quả dự kiến" is an output, "Kết quả tháng 4" a status/result, "Văn bản giao
 * nhiệm vụ" a source rather than a task). When no phrase opens the header,
 * COLUMN_KEYWORDS are looked for anywhere in it ("Đơn vị, cá nhân chủ trì").
 *
 * "document" columns (Số ký hiệu, Trích yếu) describe issued documents: a table of
 * them is a list of documents, not of tasks.
 */
import { remembered } from "../remembered.js";
import { foldLoose } from "../../normalise/fold.js";

export type ColumnRole =
  | "ordinal" | "content" | "lead" | "support" | "output" | "deadline" | "sources" | "status" | "notes"
  | "indicator" | "unit" | "target" | "actual" | "document";

export const COLUMN_ROLES: { role: ColumnRole; phrases: string[] }[] = [
  { role: "ordinal", phrases: ["tt", "stt", "số tt", "số thứ tự", "thứ tự"] },
  { role: "document", phrases: ["số ký hiệu", "số, ký hiệu", "số và ký hiệu", "số hiệu văn bản", "số văn bản", "ký hiệu văn bản", "trích yếu", "trích yếu nội dung", "tên văn bản", "tên loại văn bản", "ngày ban hành", "cơ quan ban hành", "loại văn bản"] },
  { role: "support", phrases: ["cơ quan phối hợp", "đơn vị phối hợp", "cơ quan, đơn vị phối hợp", "đơn vị, cá nhân phối hợp", "bộ phận phối hợp", "người phối hợp", "phối hợp", "phối hợp thực hiện"] },
  { role: "lead", phrases: ["cơ quan chủ trì", "đơn vị chủ trì", "chủ trì", "cơ quan, đơn vị chủ trì", "đơn vị, cá nhân chủ trì", "cơ quan tham mưu", "đơn vị tham mưu", "cơ quan chủ trì, tham mưu", "đơn vị thực hiện", "cơ quan thực hiện", "cơ quan, đơn vị thực hiện", "đơn vị được giao", "cơ quan được giao", "người thực hiện", "bộ phận thực hiện", "người phụ trách", "đơn vị phụ trách", "cán bộ phụ trách", "lãnh đạo phụ trách", "phụ trách", "cơ quan đầu mối", "đơn vị đầu mối", "đầu mối", "trách nhiệm thực hiện", "chịu trách nhiệm", "cơ quan chịu trách nhiệm", "người chịu trách nhiệm", "phân công"] },
  { role: "output", phrases: ["sản phẩm", "sản phẩm đầu ra", "yêu cầu kết quả", "kết quả dự kiến", "dự kiến kết quả", "kết quả đầu ra", "kết quả cần đạt", "kết quả đạt được dự kiến", "hình thức văn bản", "hình thức sản phẩm", "hình thức thể hiện", "yêu cầu đạt được", "yêu cầu"] },
  { role: "sources", phrases: ["văn bản giao nhiệm vụ", "văn bản giao", "căn cứ giao", "nguồn giao", "nguồn nhiệm vụ", "văn bản chỉ đạo", "văn bản căn cứ", "căn cứ", "theo văn bản", "nhiệm vụ giao tại"] },
  { role: "deadline", phrases: ["thời gian thực hiện", "thời gian hoàn thành", "thời hạn", "thời hạn hoàn thành", "hạn hoàn thành", "hạn chót", "thời gian giao theo kế hoạch", "thời điểm hoàn thành", "thời gian trình", "thời gian ban hành", "thời gian", "tiến độ hoàn thành", "tiến độ điều chỉnh", "mốc thời gian", "lộ trình", "thời điểm"] },
  { role: "status", phrases: ["tình hình thực hiện", "tình hình triển khai", "tiến độ thực hiện", "tiến độ triển khai", "kết quả thực hiện", "kết quả triển khai", "kết quả tháng", "kết quả quý", "kết quả năm", "kết quả 6 tháng", "kết quả 9 tháng", "kết quả", "tình trạng", "trạng thái", "mức độ hoàn thành", "đánh giá", "tự đánh giá"] },
  { role: "deadline", phrases: ["tiến độ"] },
  { role: "unit", phrases: ["đơn vị tính", "đvt"] },
  { role: "target", phrases: ["mục tiêu", "chỉ tiêu giao", "kế hoạch năm", "kế hoạch giao", "chỉ tiêu kế hoạch", "chỉ tiêu năm"] },
  { role: "indicator", phrases: ["chỉ tiêu", "tên chỉ tiêu", "nội dung chỉ tiêu"] },
  { role: "content", phrases: ["nội dung", "tên nhiệm vụ", "nhiệm vụ", "công việc", "nội dung công việc", "nội dung nhiệm vụ", "nội dung thực hiện", "nhiệm vụ, giải pháp", "nhiệm vụ cụ thể", "tên công việc", "hoạt động", "nội dung hoạt động", "tên đề án", "tên chương trình", "danh mục nhiệm vụ", "danh mục", "các nhiệm vụ", "giải pháp"] },
  { role: "notes", phrases: ["ghi chú", "ghi chú khác", "lưu ý"] },
];

/** Words that decide a role when they appear anywhere in a header no phrase opens. */
export const COLUMN_KEYWORDS: { role: ColumnRole; words: string[] }[] = [
  { role: "lead", words: ["chủ trì", "tham mưu", "phụ trách"] },
  { role: "support", words: ["phối hợp"] },
  { role: "sources", words: ["văn bản giao"] },
  { role: "deadline", words: ["thời gian", "thời hạn", "hạn hoàn thành"] },
  { role: "output", words: ["sản phẩm"] },
  { role: "notes", words: ["ghi chú"] },
];

const FOLDED = COLUMN_ROLES.map(({ role, phrases }) => ({ role, phrases: phrases.map(foldLoose) }));
const KEYWORDS = COLUMN_KEYWORDS.map(({ role, words }) => ({ role, words: words.map(foldLoose) }));
const BOUNDARY = new Set([" ", "/", ",", "(", "-", ":"]);

// Header wordings repeat across tables and documents.
export const columnRole: (header: string) => ColumnRole | null = remembered(roleOf);

function roleOf(header: string): ColumnRole | null {
  const h = foldLoose(header).replace(/[*:]/g, "").replace(/\s+/g, " ").trim();
  if (!h) return null;
  for (const { role, phrases } of FOLDED) if (phrases.some((p) => h === p || (h.startsWith(p) && BOUNDARY.has(h[p.length])))) return role;
  for (const { role, words } of KEYWORDS) if (words.some((w) => ` ${h} `.includes(` ${w} `))) return role;
  return null;
}

/** Roles of a header row; an "indicator" table's result column is "actual" rather than a task status. */
export function columnRoles(headers: string[]): (ColumnRole | null)[] {
  const roles = headers.map(columnRole);
  if (roles.includes("indicator") || roles.includes("unit"))
    return roles.map((r) => (r === "status" ? "actual" : r === "content" ? "indicator" : r));
  return roles;
}
