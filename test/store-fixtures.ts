/**
 * Hand-built extractions for the store tests (exact control over codes, issuers,
 * dates), a small "world" of documents that exercises identity, placeholders,
 * years, links and metrics, and temp-dir store files.
 */
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Deadline, DocumentMeta, Extraction, Metric, Reference, Task } from "../schemas/extraction.js";
import { ingestExtraction, type Store } from "../src/store/index.js";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "vanban-store-"));
}

export function tempDb(): string {
  return join(tempDir(), "test.db");
}

type Spec = {
  file: string;
  /** Different text → different sha; defaults to the file name. */
  content?: string;
  meta?: Partial<DocumentMeta>;
  references?: (Partial<Reference> & { code: string })[];
  tasks?: (Partial<Task> & { text: string })[];
  deadlines?: Deadline[];
  metrics?: (Partial<Metric> & { value: number })[];
};

export function extraction(s: Spec): Extraction {
  const sha256 = createHash("sha256").update(s.content ?? s.file).digest("hex");
  return {
    schemaVersion: 1,
    source: { file: s.file, sha256, format: "txt", pages: 1 },
    document: {
      kind: null, code: null, symbol: null, issuer: null, place: null, date: null, title: null, signer: null, ...s.meta,
    },
    references: (s.references ?? []).map((r) => ({ kind: null, date: null, issuer: null, text: r.code, relation: "cites", ...r })),
    tasks: (s.tasks ?? []).map((t) => ({
      ordinal: null, section: null, lead: [], support: [], output: null, deadline: null, sources: [], status: null, statusText: null,
      origin: "table" as const, ...t,
    })),
    deadlines: s.deadlines ?? [],
    metrics: (s.metrics ?? []).map((m) => ({ text: m.subject ?? String(m.value), subject: null, unit: "%", comparator: "=", role: null, ...m })),
    warnings: [],
  };
}

export function ingest(db: Store, x: Extraction, path = `/virtual/${x.source.file}`) {
  return ingestExtraction(db, x, { path, sha256: x.source.sha256, format: x.source.format, size: 100, mtime: null });
}

const NQ57 = { code: "57-NQ/TW", kind: "nghi-quyet" as const, date: "2024-12-22", issuer: "Bộ Chính trị", text: "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", relation: "implements" as const };

/** Phú Thịnh's plan 41-KH/ĐU (2026). */
export const planPhuThinh = extraction({
  file: "pt-41-kh-du.txt",
  meta: {
    kind: "ke-hoach", code: "41-KH/ĐU", symbol: "KH/ĐU", issuer: "Ban Thường vụ Đảng ủy xã Phú Thịnh", place: "Phú Thịnh", date: "2026-01-16",
    title: "hành động thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ trên địa bàn xã Phú Thịnh năm 2026",
    locality: "xã Phú Thịnh",
  },
  references: [NQ57],
  tasks: [
    { text: "Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu cho cán bộ", lead: ["Văn phòng Đảng uỷ"], support: ["phòng Văn hoá – Xã hội"], deadline: { text: "Trước ngày 30/5/2026", kind: "by", start: null, end: "2026-05-30" } },
    { text: "Tập huấn cho cán bộ, công chức, viên chức về ứng dụng công nghệ số, kỹ năng số", lead: ["UBND xã"], support: ["Phòng Văn hóa - Xã hội"], deadline: { text: "Quý III/2026", kind: "quarter", start: "2026-07-01", end: "2026-09-30" } },
    { text: "Xây dựng bản đồ số di tích trên địa bàn xã", lead: ["Ủy ban nhân dân xã Phú Thịnh"], deadline: { text: "Tháng 12/2026", kind: "month", start: "2026-12-01", end: "2026-12-31" } },
  ],
  metrics: [{ text: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt trên 80%", subject: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", value: 80, comparator: ">", role: "target" }],
});

/** Phong Quang's plan with the same code 41-KH/ĐU. */
export const planPhongQuang = extraction({
  file: "pq-41-kh-du.txt",
  meta: { kind: "ke-hoach", code: "41-KH/ĐU", symbol: "KH/ĐU", issuer: "Đảng ủy xã Phong Quang", place: "Phong Quang", date: "2026-01-20", title: "chuyển đổi số trong Đảng ủy xã Phong Quang" },
  references: [NQ57],
  tasks: [{ text: "Số hóa hồ sơ đảng viên", lead: ["Văn phòng Đảng ủy"] }],
});

/** Phú Thịnh's April report (number left blank): status rows for the plan, an actual figure. */
export const reportApril = extraction({
  file: "pt-bc-thang-4.txt",
  meta: { kind: "bao-cao", code: null, symbol: "BC-UBND", issuer: "UBND xã Phú Thịnh", place: "Phú Thịnh", date: "2026-04-24", title: "Tiến độ thực hiện Nghị quyết số 57-NQ/TW tháng 4/2026" },
  references: [
    { code: "41-KH/ĐU", kind: "ke-hoach", date: "2026-01-16", issuer: "Đảng ủy xã Phú Thịnh", text: "Kế hoạch số 41-KH/ĐU ngày 16/01/2026 của Đảng ủy xã Phú Thịnh", relation: "implements" },
    { code: "39/KH-UBND", kind: "ke-hoach", date: "2026-01-30", text: "Kế hoạch số 39/KH-UBND ngày 30/01/2026", relation: "cites", implements: ["57-NQ/TW"] },
    { code: "144/KH-UBND", kind: "ke-hoach", date: "2026-04-09", issuer: "UBND tỉnh Thái Nguyên", text: "Kế hoạch số 144/KH-UBND ngày 09/4/2026 của UBND tỉnh Thái Nguyên", relation: "basis" },
  ],
  tasks: [
    { text: "Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu", status: "done", statusText: "Đã hoàn thành" },
    { text: "Tập huấn cho cán bộ, công chức, viên chức về ứng dụng công nghệ số", status: "not-started", statusText: "Chưa thực hiện" },
  ],
  metrics: [{ text: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt 75%", subject: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", value: 75, role: "actual" }],
});

/** Phú Thịnh's May report: cites the plan without a date (yearless), newer statuses. */
export const reportMay = extraction({
  file: "pt-bc-thang-5.txt",
  meta: { kind: "bao-cao", code: "12/BC-UBND", symbol: "BC-UBND", issuer: "UBND xã Phú Thịnh", place: "Phú Thịnh", date: "2026-05-20", title: "Tiến độ thực hiện Kế hoạch 41-KH/ĐU tháng 5/2026" },
  references: [{ code: "41-KH/ĐU", kind: "ke-hoach", text: "Kế hoạch số 41-KH/ĐU", relation: "implements" }],
  tasks: [{ text: "Tập huấn cán bộ, công chức, viên chức về ứng dụng công nghệ số, kỹ năng số", status: "in-progress", statusText: "Đang triển khai", sources: ["41-KH/ĐU"] }],
});

/** A conclusion citing the 2025 plan of the same number: a different document. */
export const conclusion2025 = extraction({
  file: "pt-kl.txt",
  meta: { kind: "ket-luan", code: "05-KL/ĐU", symbol: "KL/ĐU", issuer: "Đảng ủy xã Phú Thịnh", place: "Phú Thịnh", date: "2025-03-01", title: "Kết luận của Ban Thường vụ Đảng ủy" },
  references: [{ code: "41-KH/ĐU", kind: "ke-hoach", date: "2025-01-10", issuer: "Đảng ủy xã Phú Thịnh", text: "Kế hoạch số 41-KH/ĐU ngày 10/01/2025 của Đảng ủy xã Phú Thịnh" }],
});

/** The province's plan, held: implements 57-NQ/TW. */
export const provincePlan = extraction({
  file: "tn-144-kh-ubnd.txt",
  meta: { kind: "ke-hoach", code: "144/KH-UBND", symbol: "KH-UBND", issuer: "UBND tỉnh Thái Nguyên", place: "Thái Nguyên", date: "2026-04-09", title: "triển khai Thông báo kết luận của Ban Chỉ đạo tỉnh Thái Nguyên" },
  references: [NQ57, { code: "13-TB/CQTT", kind: "thong-bao", date: "2026-04-01", text: "Thông báo số 13-TB/CQTT ngày 01/4/2026", relation: "implements" }],
});

export const world = [planPhuThinh, planPhongQuang, reportApril, reportMay, conclusion2025, provincePlan];
