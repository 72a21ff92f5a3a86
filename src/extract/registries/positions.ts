/**
 * Office titles printed in a signature block ("PHÓ CHỦ TỊCH", "PHÓ BÍ THƯ THƯỜNG
 * TRỰC kiêm PHÓ TRƯỞNG BAN THƯỜNG TRỰC") and their display spelling: the title
 * words take a capital, the rest is lower case ("Phó Chủ tịch", "Phó Bí thư
 * Thường trực kiêm Phó Trưởng ban Thường trực").
 */
export const POSITION_DISPLAY = [
  "Phó", "Chủ tịch", "Bí thư", "Tổng Bí thư", "Thường trực", "Trưởng ban", "Trưởng phòng", "Trưởng",
  "Giám đốc", "Chánh Văn phòng", "Văn phòng", "Thủ trưởng", "Thủ tướng", "Bộ trưởng", "Thứ trưởng",
  "Chánh án", "Viện trưởng", "Hiệu trưởng", "Ủy viên", "Chủ nhiệm", "Tổ trưởng", "Trưởng đoàn",
  "Chỉ huy trưởng", "Chánh Thanh tra", "Cục trưởng", "Vụ trưởng", "Tổng Giám đốc", "Chủ tịch nước",
  "kiêm",
];
