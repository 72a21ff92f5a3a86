import { describe, expect, it } from "vitest";
import { citedIdentity, codeKey, identityContext, ownIdentity } from "../src/link/document-identity.js";
import { openStore, pendingRereads, queryCiting, recordCopy, recordFailure, resolveDocument, type Store } from "../src/store/index.js";
import { conclusion2025, extraction, ingest, planPhongQuang, planPhuThinh, reportApril, reportMay, tempDb } from "./store-fixtures.js";
import { STORE_BACKENDS } from "./pg-backends.js";

const byKey = (db: Store) =>
  new Map((db.prepare("SELECT id, key, is_placeholder, code, issuer, date FROM documents").all() as { id: number; key: string; is_placeholder: number }[]).map((d) => [d.key, d]));

describe.each(STORE_BACKENDS)("document identity ($name)", (backend) => {
  it("keys national codes by code, local ones by place and year, drafts by title", async () => {
    const ctx = identityContext(reportApril);
    expect(citedIdentity("57-NQ/TW", "Bộ Chính trị", "2024-12-22", ctx).key).toBe("57-NQ/TW||");
    expect(citedIdentity("71/NQ-CP", null, null, ctx).key).toBe("71/NQ-CP||");
    expect(citedIdentity("02-KH/BCĐTW", null, null, ctx).national).toBe(true);
    expect(citedIdentity("41-KH/ĐU", "Đảng ủy xã Phú Thịnh", "2026-01-16", ctx).key).toBe("41-KH/ĐU|commune:phu thinh|2026");
    // No issuer named: the citing document's commune.
    expect(citedIdentity("39/KH-UBND", null, "2026-01-30", ctx).key).toBe("39/KH-UBND|commune:phu thinh|2026");
    // "UBND tỉnh" without a name: the province the document mentions.
    expect(citedIdentity("35/KH-UBND", "UBND tỉnh", "2026-02-04", ctx).scope).toBe("province:thai nguyen");
    // Provincial issuer codes go to the province even when no issuer is written.
    expect(citedIdentity("41-KH/TU", null, null, ctx).scope).toBe("province:thai nguyen");
    // A draft (blank number) is known by symbol, place, date and title: its PDF and DOCX are one document.
    const draft = ownIdentity(reportApril, ctx).key;
    expect(draft).toMatch(/^draft\|bc-ubnd\|commune:phu thinh\|2026-04-24\|[0-9a-f]{16}$/);
    expect(ownIdentity({ ...reportApril, source: { ...reportApril.source, sha256: "f".repeat(64) } }, ctx).key).toBe(draft);
    const untitled = { ...reportApril, document: { ...reportApril.document, title: null } };
    expect(ownIdentity(untitled, ctx).key).toBe(`draft|${reportApril.source.sha256}`);
    expect(codeKey("06- KH/BCĐ")).toBe(codeKey("6-KH/BCĐ"));
  });

  it("keeps two communes' 41-KH/ĐU apart and makes the user choose", async () => {
    const db = openStore(await backend.newDb());
    ingest(db, planPhuThinh);
    ingest(db, planPhongQuang);
    const docs = byKey(db);
    expect(docs.get("41-KH/ĐU|commune:phu thinh|2026")?.is_placeholder).toBe(0);
    expect(docs.get("41-KH/ĐU|commune:phong quang|2026")?.is_placeholder).toBe(0);
    expect(() => resolveDocument(db, "41-KH/ĐU")).toThrow(/no document matches 41-KH\/ĐU — add --issuer \(2 communes use this code: Phong Quang, Phú Thịnh\)/);
    expect(resolveDocument(db, "41-KH/ĐU", { issuer: "Phú Thịnh" })).toBe(docs.get("41-KH/ĐU|commune:phu thinh|2026")!.id);
    expect(resolveDocument(db, "41-kh/du", { issuer: "xã Phong Quang" })).toBe(docs.get("41-KH/ĐU|commune:phong quang|2026")!.id);
    // One 57-NQ/TW node for both.
    expect([...docs.keys()].filter((k) => k.startsWith("57-NQ/TW"))).toEqual(["57-NQ/TW||"]);
    db.close();
  });

  it("lets the document's file take its placeholder's place, edges kept", async () => {
    const db = openStore(await backend.newDb());
    ingest(db, reportApril);
    const placeholder = byKey(db).get("41-KH/ĐU|commune:phu thinh|2026")!;
    expect(placeholder.is_placeholder).toBe(1);
    expect(queryCiting(db, "41-KH/ĐU").citing.map((c) => c.document.id)).toHaveLength(1);

    ingest(db, planPhuThinh);
    const held = byKey(db).get("41-KH/ĐU|commune:phu thinh|2026")!;
    expect(held.id).toBe(placeholder.id);
    expect(held.is_placeholder).toBe(0);
    const citing = queryCiting(db, "41-KH/ĐU");
    expect(citing.target.placeholder).toBe(false);
    expect(citing.target.files).toEqual(["/virtual/pt-41-kh-du.txt"]);
    expect(citing.citing.map((c) => c.document.kind)).toEqual(["bao-cao"]);
    db.close();
  });

  it("points a citation without a date at the year the group has, and keeps other years apart", async () => {
    const db = openStore(await backend.newDb());
    ingest(db, reportMay); // "Kế hoạch số 41-KH/ĐU" — no date yet, no node with a year: a yearless placeholder
    expect(byKey(db).has("41-KH/ĐU|commune:phu thinh|")).toBe(true);
    ingest(db, conclusion2025); // a 2025 plan of the same number is cited
    ingest(db, planPhuThinh); // the 2026 plan arrives
    const docs = byKey(db);
    expect(docs.has("41-KH/ĐU|commune:phu thinh|")).toBe(false);
    expect(docs.get("41-KH/ĐU|commune:phu thinh|2025")?.is_placeholder).toBe(1);
    const target = db
      .prepare("SELECT t.key FROM citations c JOIN documents d ON d.id = c.document_id JOIN documents t ON t.id = c.target_document_id WHERE d.code = '12/BC-UBND' AND c.origin = 'reference'")
      .pluck()
      .get();
    expect(target).toBe("41-KH/ĐU|commune:phu thinh|2026"); // the May 2026 report means the 2026 plan
    db.close();
  });

  it("stores the same content under two paths once, and replaces a changed file's rows", async () => {
    const db = openStore(await backend.newDb());
    ingest(db, planPhuThinh, "/a/plan.txt");
    const copy = recordCopy(db, { path: "/b/plan-copy.txt", sha256: planPhuThinh.source.sha256, format: "txt", size: 1, mtime: null });
    expect(copy?.documentId).toBe(resolveDocument(db, "/a/plan.txt"));
    expect(db.prepare("SELECT count(*) FROM documents WHERE is_placeholder = 0").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM tasks").pluck().get()).toBe(3);

    // /a/plan.txt now holds a different document; the copy still holds the plan.
    ingest(db, planPhongQuang, "/a/plan.txt");
    expect(db.prepare("SELECT count(*) FROM tasks").pluck().get()).toBe(4);
    // The copy's path goes too: nothing holds Phú Thịnh's plan, which nobody cites — it disappears.
    recordFailure(db, { path: "/b/plan-copy.txt", sha256: "f".repeat(64), format: "txt", size: 1, mtime: null }, "parse: broken");
    expect(byKey(db).has("41-KH/ĐU|commune:phu thinh|2026")).toBe(false);
    expect(db.prepare("SELECT count(*) FROM tasks").pluck().get()).toBe(1);
    expect(db.prepare("SELECT status, error FROM files WHERE path = '/b/plan-copy.txt'").get()).toEqual({ status: "failed", error: "parse: broken" });
    db.close();
  });

  it("turns a cited document whose file went away back into a placeholder", async () => {
    const db = openStore(await backend.newDb());
    ingest(db, planPhuThinh, "/a/plan.txt");
    ingest(db, reportApril);
    const id = resolveDocument(db, "/a/plan.txt");
    recordFailure(db, { path: "/a/plan.txt", sha256: "0".repeat(64), format: "txt", size: 1, mtime: null }, "read: gone");
    const row = db.prepare("SELECT id, is_placeholder, issuer FROM documents WHERE key = '41-KH/ĐU|commune:phu thinh|2026'").get();
    expect(row).toEqual({ id, is_placeholder: 1, issuer: "Đảng ủy xã Phú Thịnh" });
    expect(db.prepare("SELECT count(*) FROM tasks WHERE document_id = ?").pluck().get(id)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM task_links").pluck().get()).toBe(0);
    db.close();
  });

  it("keeps the rows of the file with the smaller sha256 when two files hold one document", async () => {
    const a = extraction({ file: "plan.pdf", content: "pdf bytes", meta: { ...planPhuThinh.document }, tasks: [{ text: "từ bản PDF" }] });
    const b = extraction({ file: "plan.docx", content: "docx bytes", meta: { ...planPhuThinh.document }, tasks: [{ text: "từ bản DOCX" }] });
    const [small, large] = a.source.sha256 < b.source.sha256 ? [a, b] : [b, a];
    for (const order of [[a, b], [b, a]]) {
      const db = openStore(await backend.newDb());
      for (const x of order) ingest(db, x);
      expect(db.prepare("SELECT text FROM tasks").pluck().all()).toEqual([small.tasks[0].text]);
      expect(db.prepare("SELECT count(*) FROM files WHERE document_id IS NOT NULL").pluck().get()).toBe(2);
      // The winning file goes away: its rows go, and the other file must be read again.
      recordFailure(db, { path: `/virtual/${small.source.file}`, sha256: "e".repeat(64), format: "txt", size: 1, mtime: null }, "x");
      const id = db.prepare("SELECT document_id FROM files WHERE path = ?").pluck().get(`/virtual/${large.source.file}`);
      expect(pendingRereads(db)).toEqual([id]);
      ingest(db, large);
      expect(pendingRereads(db)).toEqual([]);
      expect(db.prepare("SELECT text FROM tasks").pluck().all()).toEqual([large.tasks[0].text]);
      db.close();
    }
  });
});
