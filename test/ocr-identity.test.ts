/**
 * Draft identity under OCR misreads (src/link/document-identity.ts): a draft has
 * no number, so a scan of it and its born-digital file must be found to be one
 * document by symbol, place, date and a title OCR may have misread or cut short.
 * The store-level check (both files into one store → one document) is in
 * test/ocr.test.ts, which has the scan OCR'd already.
 */
import { describe, expect, it } from "vitest";
import { draftTitleWords, sameDraftTitle } from "../src/link/document-identity.js";

// The title of seed 002 as printed, and as the scan's OCR gave it (one line lost, a letter misread).
const PRINTED = "Triển khai thực hiện Thông báo kết luận của đồng chí Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy";
const CUT = "Triển khai thực hiện Thông báo kết luận của đồng chí Ủy viên Ban Chấp";
const MISREAD = "Triển khai thực hiện Thông báo kết luận của đồng chí Uỷ viên Ban Chấp hành Trung ương Ðảng, Bí thư Tinh ủy";

describe("draft titles read by OCR", () => {
  it("folds case, diacritics, old and new tone placement and punctuation", () => {
    expect(draftTitleWords("Kế hoạch: Hoà nhập, ĐỔI MỚI")).toBe("ke hoach hoa nhap doi moi");
    expect(draftTitleWords(null)).toBe("");
  });

  it("a title cut short or with a few letters misread is the same draft", () => {
    expect(sameDraftTitle(draftTitleWords(CUT), draftTitleWords(PRINTED))).toBe(true);
    expect(sameDraftTitle(draftTitleWords(PRINTED), draftTitleWords(CUT))).toBe(true);
    expect(sameDraftTitle(draftTitleWords(MISREAD), draftTitleWords(PRINTED))).toBe(true);
  });

  it("another plan of the same commune and month is not", () => {
    const other = "Triển khai Chiến dịch 100 ngày đêm cao điểm thực hiện số hóa hồ sơ thủ tục hành chính";
    expect(sameDraftTitle(draftTitleWords(other), draftTitleWords(PRINTED))).toBe(false);
  });

  it("the same template for another resolution or year is not: numbers must agree", () => {
    const a = draftTitleWords("Triển khai thực hiện Nghị quyết số 57-NQ/TW về phát triển khoa học, công nghệ năm 2026");
    expect(sameDraftTitle(a, draftTitleWords("Triển khai thực hiện Nghị quyết số 58-NQ/TW về phát triển khoa học, công nghệ năm 2026"))).toBe(false);
    expect(sameDraftTitle(a, draftTitleWords("Triển khai thực hiện Nghị quyết số 57-NQ/TW về phát triển khoa học, công nghệ năm 2025"))).toBe(false);
    expect(sameDraftTitle(a, draftTitleWords("Triển khai thực hiện Nghị quyết số 57-NQ/TW về phát triển khoa hoc, công nghê năm 2026"))).toBe(true);
  });

  it("short titles must match word for word: a few common words tell nothing", () => {
    expect(sameDraftTitle(draftTitleWords("Kế hoạch chuyển đổi số"), draftTitleWords("Kế hoạch chuyển đổi số năm 2026 của xã"))).toBe(false);
    expect(sameDraftTitle(draftTitleWords("Kế hoạch chuyển đổi số"), draftTitleWords("KẾ HOẠCH CHUYỂN ĐỔI SỐ"))).toBe(true);
  });
});
