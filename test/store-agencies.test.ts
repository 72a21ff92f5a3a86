import { describe, expect, it } from "vitest";
import { resolveAgency } from "../src/link/agency-resolution.js";
import { identityContext } from "../src/link/document-identity.js";
import { openStore, queryTasks } from "../src/store/index.js";
import { extraction, ingest, planPhongQuang, planPhuThinh, tempDb } from "./store-fixtures.js";
import { STORE_BACKENDS } from "./pg-backends.js";

const phuThinh = identityContext(planPhuThinh);
const phongQuang = identityContext(planPhongQuang);
const key = (written: string, ctx = phuThinh) => resolveAgency(written, ctx).key;

describe.each(STORE_BACKENDS)("agency resolution ($name)", (backend) => {
  it("expands abbreviations", async () => {
    expect(key("UBND xã")).toBe(key("Ủy ban nhân dân xã"));
    expect(key("HĐND xã")).toBe(key("Hội đồng nhân dân xã Phú Thịnh"));
    expect(key("Ủy ban MTTQ xã")).toBe(key("Ủy ban Mặt trận Tổ quốc xã"));
    expect(key("UB MTTQ xã")).toBe(key("Ủy ban Mặt trận Tổ quốc xã"));
    expect(key("BCĐ")).toBe(key("Ban Chỉ đạo"));
    expect(key("Phòng VHXH")).toBe(key("Phòng Văn hóa - Xã hội"));
  });

  it("unifies tone placement, dashes and case", async () => {
    expect(key("Văn phòng Đảng uỷ")).toBe(key("Văn phòng Đảng ủy"));
    expect(key("phòng Văn hoá – Xã hội")).toBe(key("Phòng Văn hóa - Xã hội"));
    expect(key("Ủy ban Nhân dân xã")).toBe(key("Uỷ ban nhân dân xã"));
  });

  it("completes a bare level word with the document's place, and keeps places apart", async () => {
    expect(resolveAgency("UBND xã", phuThinh).normalised).toBe("Ủy ban nhân dân xã Phú Thịnh");
    expect(key("UBND xã")).toBe(key("Ủy ban nhân dân xã Phú Thịnh", phongQuang));
    expect(key("UBND xã", phongQuang)).not.toBe(key("UBND xã", phuThinh));
    expect(key("Văn phòng Đảng ủy", phongQuang)).not.toBe(key("Văn phòng Đảng ủy", phuThinh));
    expect(key("UBND cấp xã")).not.toBe(key("UBND xã"));
    expect(key("Phòng Văn hóa - Xã hội")).not.toContain("xa hoi xa phu thinh");
  });

  it("stores one agency per body with its written forms, and finds tasks by any of them", async () => {
    const db = openStore(await backend.newDb());
    ingest(db, planPhuThinh);
    ingest(db, planPhongQuang);
    ingest(db, extraction({ file: "x.txt", meta: { ...planPhuThinh.document, code: "50-KH/ĐU" }, tasks: [{ text: "Số hóa", lead: ["VP Đảng ủy"], support: ["UBND xã"] }] }));
    // Written forms in byte order (group_concat's own order is the engine's scan order).
    const agencies = db.prepare(
      "SELECT a.name, (SELECT group_concat(written, ' | ') FROM (SELECT written FROM agency_aliases WHERE agency_id = a.id ORDER BY written)) AS written FROM agencies a ORDER BY a.key",
    ).all();
    expect(agencies).toContainEqual({ name: "Văn phòng Đảng ủy", written: "VP Đảng ủy | Văn phòng Đảng uỷ" });
    expect(agencies).toContainEqual({ name: "Phòng Văn hóa - Xã hội", written: "Phòng Văn hóa - Xã hội | phòng Văn hoá – Xã hội" });
    expect(agencies).toContainEqual({ name: "Ủy ban nhân dân xã Phú Thịnh", written: "UBND xã | Ủy ban nhân dân xã Phú Thịnh" });
    const texts = (agency: string) => queryTasks(db, { agency }).tasks.map((t) => t.text).sort();
    // Across communes by name; the written form stays beside the canonical one.
    expect(texts("Văn phòng Đảng uỷ")).toEqual(["Số hóa", "Số hóa hồ sơ đảng viên", "Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu cho cán bộ"]);
    expect(texts("van phong dang uy")).toEqual(texts("Văn phòng Đảng ủy"));
    expect(texts("UBND xã Phú Thịnh")).toEqual(["Số hóa", "Tập huấn cho cán bộ, công chức, viên chức về ứng dụng công nghệ số, kỹ năng số", "Xây dựng bản đồ số di tích trên địa bàn xã"]);
    expect(texts("phòng VHXH")).toHaveLength(2);
    const lead = queryTasks(db, { agency: "VP Đảng ủy" }).tasks.find((t) => t.text === "Số hóa")!.lead[0];
    expect(lead).toMatchObject({ written: "VP Đảng ủy", agency: "Văn phòng Đảng ủy" });
    db.close();
  });
});
