/**
 * Table column roles from header wording (never from position: column order varies
 * between documents). Each role lists header phrases as printed; a header matches a
 * role when its folded text starts with or equals one of them. First match wins, so
 * more specific phrases come first ("Kết quả dự kiến" is an output, "Kết quả tháng 4"
 * a status/result).
 */
import { foldLoose } from "../../normalise/fold.js";

export type ColumnRole =
  | "ordinal" | "content" | "lead" | "support" | "output" | "deadline" | "sources" | "status" | "notes"
  | "indicator" | "unit" | "target" | "actual";

export const COLUMN_ROLES: { role: ColumnRole; phrases: string[] }[] = [
  { role: "ordinal", phrases: ["tt", "stt", "số tt", "số thứ tự"] },
  { role: "support", phrases: ["cơ quan phối hợp", "đơn vị phối hợp", "phối hợp"] },
  { role: "lead", phrases: ["cơ quan chủ trì", "đơn vị chủ trì", "chủ trì", "cơ quan tham mưu", "đơn vị thực hiện", "cơ quan thực hiện", "cơ quan, đơn vị chủ trì", "đơn vị được giao", "cơ quan được giao", "người thực hiện", "bộ phận thực hiện"] },
  { role: "output", phrases: ["sản phẩm", "yêu cầu kết quả", "kết quả dự kiến", "kết quả đầu ra", "hình thức văn bản"] },
  { role: "sources", phrases: ["văn bản giao nhiệm vụ", "văn bản giao", "căn cứ giao", "nguồn giao"] },
  { role: "deadline", phrases: ["thời gian thực hiện", "thời gian hoàn thành", "thời hạn", "hạn hoàn thành", "thời gian giao theo kế hoạch", "thời gian", "tiến độ hoàn thành", "tiến độ điều chỉnh", "mốc thời gian"] },
  { role: "status", phrases: ["tình hình thực hiện", "tiến độ thực hiện", "kết quả thực hiện", "kết quả tháng", "kết quả quý", "kết quả năm", "kết quả 6 tháng", "kết quả", "tình trạng", "đánh giá"] },
  { role: "deadline", phrases: ["tiến độ"] },
  { role: "unit", phrases: ["đơn vị tính", "đvt"] },
  { role: "target", phrases: ["mục tiêu", "chỉ tiêu giao", "kế hoạch năm", "kế hoạch giao", "chỉ tiêu kế hoạch"] },
  { role: "indicator", phrases: ["chỉ tiêu", "tên chỉ tiêu", "nội dung chỉ tiêu"] },
  { role: "content", phrases: ["nội dung", "tên nhiệm vụ", "nhiệm vụ", "công việc", "nội dung công việc", "tên văn bản", "số ký hiệu", "trích yếu"] },
  { role: "notes", phrases: ["ghi chú"] },
];

const FOLDED = COLUMN_ROLES.map(({ role, phrases }) => ({ role, phrases: phrases.map(foldLoose) }));

export function columnRole(header: string): ColumnRole | null {
  const h = foldLoose(header).replace(/[*:]/g, "").trim();
  if (!h) return null;
  for (const { role, phrases } of FOLDED) if (phrases.some((p) => h === p || h.startsWith(`${p} `) || h.startsWith(`${p}/`) || h.startsWith(`${p},`))) return role;
  return null;
}

/** Roles of a header row; an "indicator" table's result column is "actual" rather than a task status. */
export function columnRoles(headers: string[]): (ColumnRole | null)[] {
  const roles = headers.map(columnRole);
  if (roles.includes("indicator") || roles.includes("unit"))
    return roles.map((r) => (r === "status" ? "actual" : r === "content" ? "indicator" : r));
  return roles;
}
