/**
 * The built CLI, spawned: every store command in --json (plus a table, a CSV and
 * the one-line errors). Builds first so dist/ matches the sources under test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../src/store/index.js";
import { buildCliAndWorld, spawnCli } from "./cli-world.js";
import { ingest, tempDb, world } from "./store-fixtures.js";

let db: string;

// Vietnamese, as a clerk's machine: whatever locale the test runner has.
const vanban = (...args: string[]) => spawnCli(args);

function json(...args: string[]) {
  const r = vanban(...args, "--db", db, "--json");
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(() => {
  db = buildCliAndWorld();
}, 180_000);

describe("vanban CLI (spawned)", () => {
  it("import --json prints the summary object", () => {
    // Its own store: the queries below are checked against the hand-built world only.
    const own = tempDb();
    const importJson = (...args: string[]) => JSON.parse(vanban("import", ...args, "--db", own, "--json").stdout);
    const summary = importJson("fixtures/003_dd124789fcb3a41d.txt");
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(["changed", "errors", "failed", "new", "seen", "skipped"]));
    expect(summary).toMatchObject({ seen: 1, new: 1, failed: 0 });
    expect(importJson("fixtures/003_dd124789fcb3a41d.txt")).toMatchObject({ seen: 1, skipped: 1 });
    const missing = vanban("import", "no/such/file.txt", "--db", own, "--json");
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).errors[0]).toMatchObject({ stage: "read", reason: "no such file or directory" });
  });

  it("query citing / cites / path in --json", () => {
    const citing = json("query", "citing", "57-NQ/TW", "--transitive");
    expect(citing.target).toMatchObject({ code: "57-NQ/TW", placeholder: true });
    expect(citing.citing.length).toBeGreaterThanOrEqual(6);
    expect(json("query", "citing", "41-KH/ĐU", "--issuer", "Phú Thịnh").citing.length).toBe(2);
    const cites = json("query", "cites", "/virtual/pt-bc-thang-4.txt");
    expect(cites.cites.map((c: { relation: string }) => c.relation)).toEqual(["implements", "cites", "basis"]);
    const path = json("query", "path", "12/BC-UBND", "57-NQ/TW");
    expect(path.steps.map((s: { document: { code: string } }) => s.document.code)).toEqual(["12/BC-UBND", "41-KH/ĐU", "57-NQ/TW"]);
  });

  it("query tasks / metrics, search, show in --json", () => {
    const tasks = json("query", "tasks", "--agency", "VP Đảng uỷ", "--status", "done");
    expect(tasks.tasks.map((t: { text: string }) => t.text)).toEqual([expect.stringMatching(/^Trang bị máy tính/)]);
    expect(json("query", "tasks", "--due-after", "2026-07-01", "--doc", "41-KH/ĐU", "--issuer", "Phú Thịnh").total).toBe(2);
    const metrics = json("query", "metrics", "--subject", "hồ sơ trực tuyến");
    expect(metrics.pairs[0]).toMatchObject({ target: { value: 80 }, actual: { value: 75 } });
    const search = json("search", "dang", "uy");
    expect(search.hits.length).toBeGreaterThan(0);
    expect(json("search", "57-NQ/TW").hits[0]).toMatchObject({ tier: 0, document: { code: "57-NQ/TW" } });
    const show = json("show", "144/KH-UBND");
    expect(show.document).toMatchObject({ code: "144/KH-UBND", issuer: "UBND tỉnh Thái Nguyên", files: ["/virtual/tn-144-kh-ubnd.txt"] });
    expect(show.references.map((r: { target: { code: string } }) => r.target.code)).toEqual(["57-NQ/TW", "13-TB/CQTT"]);
  });

  it("prints tables by default and CSV on request", () => {
    const table = vanban("query", "cites", "/virtual/pt-bc-thang-4.txt", "--db", db);
    expect(table.stdout.split("\n")[1]).toMatch(/^quan hệ\s+nguồn\s+id\s+số hiệu/);
    const csv = vanban("query", "tasks", "--doc", "/virtual/pt-41-kh-du.txt", "--db", db, "--csv").stdout.replace(/\r\n$/, "").split("\r\n");
    // A byte-order mark first, so Excel reads the Vietnamese as UTF-8.
    expect(csv[0]).toBe("\uFEFFid,văn bản,số TT,nhiệm vụ,chủ trì,phối hợp,thời hạn,trạng thái,báo cáo trong,giao bởi");
    expect(csv).toHaveLength(4);
  });

  it("reports problems in one line", () => {
    const ambiguous = vanban("query", "citing", "41-KH/ĐU", "--db", db);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toBe("lỗi: có nhiều văn bản số hiệu 41-KH/ĐU — thêm --issuer (2 xã, phường dùng số hiệu này: Phong Quang, Phú Thịnh)\n");
    const noStore = vanban("show", "1", "--db", `${db}.missing`);
    expect(noStore.stderr.trim().split("\n")).toHaveLength(1);
    expect(noStore.stderr).toMatch(/^lỗi: không có kho tại /);
    expect(vanban("query", "tasks", "--status", "nope", "--db", db).stderr).toMatch(/^lỗi: không có trạng thái nope/);
  });
});
