/**
 * Units of measure as data for ../metrics.ts: the percent sign and its spellings, and
 * the counted nouns that follow a count ratio ("1.162/1.205 hồ sơ", "48/48 tổ dân phố").
 * Longer nouns first so "hộ kinh doanh" wins over "hộ".
 */
export const PERCENT = ["%", "phần trăm"];

export const COUNTED_NOUNS = [
  "thủ tục hành chính", "hồ sơ", "TTHC", "thủ tục", "nhiệm vụ", "chỉ tiêu", "tổ dân phố", "khu dân cư", "thôn", "xóm",
  "bản", "ấp", "tổ", "xã", "phường", "thị trấn", "đặc khu", "đơn vị", "cơ quan", "trường học", "trường", "hộ kinh doanh",
  "hộ gia đình", "hộ", "người dân", "người", "cán bộ", "công chức", "viên chức", "đảng viên", "chi bộ", "doanh nghiệp",
  "hợp tác xã", "dịch vụ công", "dịch vụ", "văn bản", "tài khoản", "máy tính", "thiết bị", "camera", "điểm", "lớp",
  "học sinh", "giáo viên", "mô hình", "sản phẩm", "di tích", "nội dung", "kế hoạch", "cuộc", "buổi", "lượt",
  "hội viên", "đoàn viên", "thành viên", "cơ sở", "bộ", "chiếc", "tiêu chí", "phòng", "ban", "ngành", "bệnh nhân",
];

/** Words that introduce what a count counts ("số lượng hồ sơ …", "tổng số TTHC"); stripped from subjects. */
export const COUNT_WORDS = ["tổng số lượng", "tổng số", "số lượng", "số"];

/** Where a subject read after a figure ends: purpose and consequence clauses ("… để giải quyết công việc", ", góp phần …"). */
export const SUBJECT_STOPS = ["để", "nhằm", "góp phần", "bảo đảm", "đảm bảo", "giúp", "tạo điều kiện", "phục vụ cho", "theo quy định", "gắn với", "trong đó", "và đã"];
/** A figure followed by these has its subject before it ("… đạt 95%", "tỷ lệ: 84,03%", "100% đối với TTHC …" reads on). */
export const SUBJECT_AFTER_SKIP = ["đối với", "các", "những", "số"];
/** Words ending the text before a figure that are not part of its subject ("đạt", "là", comparison words). */
export const SUBJECT_TRAILERS = ["đạt", "đạt khoảng", "khoảng", "là", "bằng", "chiếm", "ở mức", "ước đạt", "từ", "thực hiện", "được", "tại", "ở", "trong", "của", "cho", "giảm còn", "tăng lên", "giảm xuống", "giảm", "tăng", "còn", "lên", "xuống"];
/** Words opening a clause that are not part of a subject ("Hiện nay, …", "Đến nay, …", "trong đó, …"). */
export const SUBJECT_LEADERS = ["hiện nay", "đến nay", "trong đó", "tuy nhiên", "ngoài ra", "đồng thời", "trên", "tại", "ở"];

/**
 * Units of measure an indicator table writes in its unit column or in a header's
 * parentheses ("Diện tích (ha)", "Sản lượng (tấn)", "ĐVT: %"); counted nouns count too.
 */
export const MEASURE_UNITS = [
  "%", "ha", "tạ/ha", "tấn/ha", "tạ", "tấn", "kg", "km", "m", "m2", "m²", "m3", "m³", "con", "cây", "lít", "kWh",
  "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng", "USD", "triệu USD", "lượt người", "người/km²", "giường", "bác sĩ",
];
