/**
 * Issue 16 items 2 and 3 through the real CLI on a real store: seed 003 as PDF (so
 * pages are real pages — checked with pdftotext: the "Việc nâng cấp đường truyền
 * Internet" line is on page 6, the annex's 5G row on page 18) and a hand-written
 * Markdown report with a "% so với KH" column.
 *
 * Search: body text found with and without diacritics, the snippet's marks on the
 * matched words, the page, a link whose span is that passage of the stored text,
 * --limit/--offset with the total. Metrics: every row of seed 003's indicator annex
 * that has both a target and a numeric result is one pair (rows 1–15 of "Phụ lục.
 * TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU"; row 9's result is a sentence, no number),
 * with the gap and the percent of plan; the report's own percent kept and a
 * disagreement flagged. A store from before migration 8 gets its text indexed.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { foldLoose } from "../src/normalise/fold.js";
import { openStore, searchStore } from "../src/store/index.js";
import { buildCliAndWorld, spawnCli } from "./cli-world.js";

const REPORT003 = resolve("fixtures/003_dd124789fcb3a41d.pdf");
let db: string;
let mdDb: string;
let worldDb: string;

const ok = (args: string[]) => {
  const r = spawnCli(args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
};
const json = <T>(args: string[]) => JSON.parse(ok([...args, "--json"])) as T;

type Hit = { type: string; text: string; snippet: { text: string; marks: { start: number; end: number }[] }; page: number | null; span: { start: number; end: number } | null; link: string; document: { id: number } };
type Search = { total: number; offset: number; hits: Hit[] };
type Item = { value: number; comparator: string | null; unit: string; document: { id: number } };
type Pair = { subject: string; target: Item | null; actual: Item | null; gap: number | null; percentOfPlan: number | null; met: boolean | null; method: string | null; reported: Item | null; warning: string | null; links: { target: string | null; actual: string | null } };
type Metrics = { pairs: Pair[]; paired: number; total: number };

beforeAll(() => {
  worldDb = buildCliAndWorld();
  const dir = mkdtempSync(join(tmpdir(), "vanban-search-"));
  db = join(dir, "s.db");
  ok(["import", REPORT003, "--db", db]);
  const md = join(dir, "bc-nong-nghiep.md");
  writeFileSync(md, [
    "UBND XÃ PHÚ THỊNH", "", "Số: 88/BC-UBND", "", "Phú Thịnh, ngày 30 tháng 6 năm 2026", "", "BÁO CÁO", "", "Kết quả sản xuất nông nghiệp 6 tháng đầu năm 2026", "",
    "| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 | Thực hiện 6 tháng | % so với KH |", "|---|---|---|---|---|---|",
    "| 1 | Diện tích gieo trồng lúa | ha | 1.250 | 1.262,5 | 101 |",
    "| 2 | Sản lượng lương thực có hạt | tấn | 8.000 | 6.000 | 90 |",
    "| 3 | Số hộ nuôi trồng thủy sản | hộ | 40 | 50 | |", "",
  ].join("\n"));
  mdDb = join(dir, "m.db");
  ok(["import", md, "--db", mdDb]);
}, 600_000); // tsc, a 21-page PDF and a spawned CLI each: slow on two shared cores

const storedText = (id: number, span: { start: number; end: number }) =>
  JSON.parse(ok(["sql", `SELECT substr(text, ${span.start + 1}, ${span.end - span.start}) AS t FROM document_texts WHERE document_id = ${id}`, "--db", db, "--json"])).rows[0].t as string;

describe("vanban search: the documents' text", { timeout: 180_000 }, () => {
  it("finds a body paragraph of seed 003, with its page and a link to that passage", () => {
    const r = json<Search>(["search", "đường truyền internet", "--db", db, "--limit", "100"]);
    const line = r.hits.find((h) => h.text.startsWith("Việc nâng cấp đường truyền Internet"));
    expect(line).toMatchObject({ type: "passage", page: 6 });
    expect(line!.link).toBe(`/documents/${line!.document.id}#p6-${line!.span!.start}-${line!.span!.end}`);
    expect(storedText(line!.document.id, line!.span!)).toBe(line!.text);
    // The snippet marks exactly the three words, as written in the document.
    expect(line!.snippet.marks.map((m) => line!.snippet.text.slice(m.start, m.end))).toEqual(["đường truyền Internet"]);
    expect(r.hits.every((h) => foldLoose(h.text).includes("duong truyen internet") || h.type !== "passage")).toBe(true);
  });

  it("finds the same without diacritics and with d for đ", () => {
    const links = (q: string) => json<Search>(["search", q, "--db", db, "--limit", "100"]).hits.map((h) => h.link).sort();
    const marked = links("đường truyền internet");
    expect(marked.length).toBeGreaterThanOrEqual(3);
    expect(links("duong truyen internet")).toEqual(marked);
    expect(links("DUONG TRUYEN INTERNET")).toEqual(marked);
  });

  it("finds a table row of the indicator annex, page 18, cells apart in the snippet", () => {
    const hit = json<Search>(["search", "phủ sóng 5G", "--db", db]).hits.find((h) => h.type === "passage" && /72,5/.test(h.text))!;
    expect(hit.page).toBe(18);
    expect(hit.snippet.text).toBe("1. | Tỷ lệ phủ sóng 5G trên dân số | % | 90 | 72,5");
    expect(hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end))).toEqual(["phủ sóng 5G"]);
  });

  it("pages with --limit/--offset and says N of M; marks «…» in a pipe", () => {
    const all = json<Search>(["search", "chuyển đổi số", "--db", db, "--limit", "1000"]);
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThan(10);
    const page = json<Search>(["search", "chuyển đổi số", "--db", db, "--limit", "5", "--offset", "5"]);
    expect(page).toMatchObject({ total: all.total, offset: 5 });
    expect(page.hits.map((h) => h.link)).toEqual(all.hits.slice(5, 10).map((h) => h.link));
    const text = ok(["search", "chuyển đổi số", "--db", db, "--limit", "5", "--offset", "5"]);
    expect(text.split("\n")[0]).toBe(`kết quả 6–10 trong ${all.total} cho "chuyển đổi số"`);
    expect(text).toMatch(/«[Cc]huyển đổi số»/);
    expect(text).toContain(page.hits[0].link);
  });
});

describe("vanban query metrics: targets beside results", { timeout: 180_000 }, () => {
  // Read off the annex of seed 003: [indicator, Mục tiêu, Kết quả tháng 4/2026].
  const ANNEX: [string, number, number][] = [
    ["Tỷ lệ phủ sóng 5G trên dân số", 90, 72.5],
    ["Người sử dụng có khả năng truy cập băng thông rộng cố định", 100, 100],
    ["Bảo đảm hạ tầng internet cáp quang đến các xóm", 100, 100],
    ["Cán bộ cấp xã có máy tính đáp ứng cấu hình tối thiểu", 100, 100],
    ["Cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản", 100, 100],
    ["Cán bộ, công chức, viên chức làm chủ kỹ năng số", 100, 100],
    ["Dân số trưởng thành tiếp cận dịch vụ số", 80, 90],
    ["Thủ tục hành chính liên quan đến đào tạo", 100, 100],
    ["Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", 100, 99.9],
    ["Dịch vụ công trực tuyến toàn trình trên tổng số", 100, 100],
    ["Hồ sơ thủ tục hành chính xử lý trực tuyến", 100, 100],
    ["Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", 100, 100],
    ["Duy trì tỷ lệ hài lòng của người dân", 98, 100],
    ["Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính", 80, 99.67],
  ];

  it("pairs every annex row of seed 003 that has both numbers, in its row", () => {
    const r = json<Metrics>(["query", "metrics", "--doc", REPORT003, "--db", db]);
    const rows = r.pairs.filter((p) => p.method === "row");
    expect(rows.map((p) => [p.target!.value, p.actual!.value])).toEqual(ANNEX.map(([, t, a]) => [t, a]));
    ANNEX.forEach(([subject], i) => expect(rows[i].subject).toContain(subject));
    expect(r.paired).toBeGreaterThanOrEqual(ANNEX.length);
    // Row 9 ("phi tiếp xúc") reports a sentence, not a number: a target alone.
    const contactless = r.pairs.filter((p) => p.subject.includes("phi tiếp xúc"));
    expect(contactless).toHaveLength(1);
    expect(contactless[0]).toMatchObject({ target: { value: 80 }, actual: null, gap: null });
  });

  it("gives the gap in the unit, the percent of plan, and whether the target is met", () => {
    const r = json<Metrics>(["query", "metrics", "--doc", REPORT003, "--subject", "phủ sóng 5G", "--db", db]);
    expect(r.pairs[0]).toMatchObject({ gap: -17.5, percentOfPlan: 80.56, met: false, method: "row" });
    const satisfied = json<Metrics>(["query", "metrics", "--doc", REPORT003, "--subject", "hài lòng", "--db", db]).pairs.find((p) => p.method === "row")!;
    expect(satisfied).toMatchObject({ target: { value: 98, comparator: ">=" }, actual: { value: 100 }, gap: 2, met: true });
    const more = json<Metrics>(["query", "metrics", "--doc", REPORT003, "--subject", "dân số trưởng thành", "--db", db]).pairs[0];
    expect(more).toMatchObject({ gap: 10, percentOfPlan: 112.5, met: true });
    // Both figures link to their cells in the document view.
    expect(r.pairs[0].links.target).toMatch(/^\/documents\/\d+#p18-\d+-\d+$/);
    expect(r.pairs[0].links.actual).toMatch(/^\/documents\/\d+#p18-\d+-\d+$/);
  });

  it("pairs a plan's target with the result a report of the same place gives for that indicator", () => {
    // store-fixtures.ts: 41-KH/ĐU sets "trên 80%" of records online; the April report reaches 75%.
    const r = json<Metrics>(["query", "metrics", "--subject", "ho so truc tuyen", "--db", worldDb]);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ method: "subject", target: { value: 80, comparator: ">" }, actual: { value: 75 }, gap: -5, percentOfPlan: 93.75, met: false });
    expect(r.pairs[0].target!.document.id).not.toBe(r.pairs[0].actual!.document.id);
  });

  it("keeps the report's own % so với KH beside the computed one, and flags a disagreement", () => {
    const r = json<Metrics>(["query", "metrics", "--db", mdDb]);
    expect(r.pairs.map((p) => [p.subject, p.target?.value, p.actual?.value, p.gap, p.percentOfPlan, p.reported?.value ?? null, p.warning])).toEqual([
      ["Diện tích gieo trồng lúa", 1250, 1262.5, 12.5, 101, 101, null],
      ["Sản lượng lương thực có hạt", 8000, 6000, -2000, 75, 90, "reported-percent-differs"],
      ["Số hộ nuôi trồng thủy sản", 40, 50, 10, 125, null, null],
    ]);
    expect(r.paired).toBe(3);
    const table = ok(["query", "metrics", "--db", mdDb]);
    expect(table.split("\n")[0]).toBe("3 cặp mục tiêu – kết quả; 3 dòng từ 8 số liệu");
    expect(table).toContain("% KH báo cáo lệch % tính được");
  });
});

describe("migration 8", { timeout: 180_000 }, () => {
  it("indexes the text of a store written before passages existed", () => {
    const copy = join(mkdtempSync(join(tmpdir(), "vanban-v5-")), "old.db");
    const raw = new Database(db);
    raw.prepare("VACUUM INTO ?").run(copy);
    raw.close();
    const old = new Database(copy);
    old.exec("DROP TABLE passage_search; DROP TABLE passages; ALTER TABLE metrics DROP COLUMN compares;");
    // Version 10 (task_agencies' page order) undone as well: it comes after this one.
    old.exec(`DROP INDEX task_agencies_page; CREATE INDEX task_agencies_agency ON task_agencies (agency_id);
              ALTER TABLE task_agencies DROP COLUMN doc_date; ALTER TABLE task_agencies DROP COLUMN doc_key; ALTER TABLE task_agencies DROP COLUMN task_position;`);
    old.pragma("user_version = 7"); // just before this one (v7 is perf-store's)
    old.close();
    const store = openStore(copy);
    try {
      const hit = searchStore(store, "duong truyen internet", { limit: 100 }).hits.find((h) => h.text.startsWith("Việc nâng cấp đường truyền Internet"));
      expect(hit).toMatchObject({ type: "passage", page: null });
      expect(hit!.link).toMatch(/#p0-\d+-\d+$/);
    } finally {
      store.close();
    }
  });

  it("doctor finds a text index out of step with the texts, and --repair rebuilds it", () => {
    const copy = join(mkdtempSync(join(tmpdir(), "vanban-doctor-")), "d.db");
    const raw = new Database(db);
    raw.prepare("VACUUM INTO ?").run(copy);
    raw.close();
    const broken = new Database(copy);
    broken.exec("INSERT INTO passage_search (passage_search) VALUES ('delete-all')");
    const passages = broken.prepare("SELECT count(*) FROM passages").pluck().get() as number;
    broken.close();
    const before = spawnCli(["doctor", "--db", copy, "--json"]);
    expect(before.status).toBe(1);
    expect(JSON.parse(before.stdout).invariants.search).toMatchObject({ passagesMissing: passages, passagesExtra: 0 });
    expect(spawnCli(["doctor", "--db", copy]).stdout).toContain(`chỉ mục nội dung văn bản lệch với dữ liệu (đoạn: thiếu ${passages}, thừa 0)`);
    expect(spawnCli(["doctor", "--repair", "--db", copy]).status).toBe(0);
    const after = JSON.parse(spawnCli(["search", "duong truyen internet", "--db", copy, "--json"]).stdout) as Search;
    expect(after.hits.some((h) => h.text.startsWith("Việc nâng cấp đường truyền Internet"))).toBe(true);
  });
});
