/**
 * `vanban nightly`: real fixture files, a real SQLite file in a temp dir.
 *
 * Expected items were read off the fixtures by hand:
 *   - seed 002 (UBND xã Phượng Tiến, plan, April 2026), Phụ lục I: "Tháng 4/2026"
 *     (task 1, Bình dân học vụ số), "Trước ngày 30/4/2026" (task 2, Căn cứ đề án vị
 *     trí việc làm, lead Phòng Văn hóa - Xã hội), "bắt đầu từ ngày 10/4/2026" (task
 *     3), "12/7/2026" (task 4), "Trước ngày 15/4/2026 …" (task 5); body: two
 *     "hoàn thành trước ngày 15/4/2026"; Phụ lục II: "Hoàn thành trước ngày
 *     30/5/2026." (Trang bị máy tính …) with an empty "Tiến độ điều chỉnh" column;
 *   - seed 001 (60-KH/ĐU, Phong Quang, 15/01/2026): "Tháng 01/2026" (task 1,
 *     Quán triệt, xây dựng và ban hành Kế hoạch …), the rest "Thực hiện thường xuyên";
 *   - seeds 000, 003, 004: periods only (quý II, tháng 6, 6 tháng cuối năm, năm 2026).
 * So with --today 2026-04-20 and 30 days: due soon = Tháng 4/2026 and Trước ngày
 * 30/4/2026 (both end 04-30); overdue = Tháng 01/2026 and the three 15/4 limits.
 * With --today 2026-05-05: Tháng 4/2026 and 30/4 become overdue, 30/5 due soon.
 *
 * Hand-written companions (built from the fixtures' own text, written to the temp
 * dir): a Phong Quang report on 60-KH/ĐU marking task 1 done; the same report with
 * an adjusted time instead; seed 002 with the adjusted column of Phụ lục II filled;
 * the same under a header that is not a time column; seed 002 re-issued on
 * 20/5/2026 with task 2 moved to 15/6/2026.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { runNightly } from "../pipelines/nightly.js";
import type { DeadlineItem, NightlyReport } from "../pipelines/nightly/report.js";
import { acquireImportLock, openStore } from "../src/store/index.js";
import { tempDir } from "./store-fixtures.js";

const SEED = {
  s000: resolve("fixtures/000_9cf0e1b2418f68ec.txt"),
  s001: resolve("fixtures/001_3086ccc4e4aed2ea.txt"),
  s002: resolve("fixtures/002_6446a6058fd84167.txt"),
  s003: resolve("fixtures/003_dd124789fcb3a41d.txt"),
  s004: resolve("fixtures/004_c41bed75581ceb3b.txt"),
};

const REPORT_HEAD = `ĐẢNG BỘ XÃ PHONG QUANG
ĐẢNG ỦY XÃ PHONG QUANG

ĐẢNG CỘNG SẢN VIỆT NAM

Số: NUMBER-BC/ĐU

Phong Quang, ngày 28 tháng 4 năm 2026

BÁO CÁO

Kết quả thực hiện Kế hoạch số 60-KH/ĐU ngày 15/01/2026 của Đảng ủy xã Phong Quang về thực hiện Nghị quyết 57-NQ/TW năm 2026

Thực hiện Kế hoạch số 60-KH/ĐU ngày 15/01/2026 của Đảng ủy xã Phong Quang, Đảng ủy xã báo cáo kết quả thực hiện các nhiệm vụ như sau:

Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ

`;
const REPORT_TAIL = `
Nơi nhận:
- Ban Thường vụ Đảng ủy;
- Lưu: VP.
`;

/** Phong Quang reports 60-KH/ĐU's task 1 (due Tháng 01/2026) done. */
const reportDone = REPORT_HEAD.replace("NUMBER", "75") + [
  "STT\tTên nhiệm vụ\tKết quả thực hiện\tGhi chú",
  "1\tQuán triệt, xây dựng và ban hành Kế hoạch cụ thể hóa thực hiện năm 2026.\tĐã hoàn thành\t",
  "2\tBáo cáo định kỳ về tình hình, kết quả thực hiện Kế hoạch.\tĐang triển khai thực hiện\t",
].join("\n") + "\n" + REPORT_TAIL;

/** The same task still in progress, its time adjusted to Tháng 5/2026. */
const reportAdjusted = REPORT_HEAD.replace("NUMBER", "76") + [
  "STT\tTên nhiệm vụ\tKết quả thực hiện\tTiến độ điều chỉnh",
  "1\tQuán triệt, xây dựng và ban hành Kế hoạch cụ thể hóa thực hiện năm 2026.\tĐang triển khai thực hiện\tTháng 5/2026",
  "2\tBáo cáo định kỳ về tình hình, kết quả thực hiện Kế hoạch.\tĐang triển khai thực hiện\t",
].join("\n") + "\n" + REPORT_TAIL;

const seed002 = () => readFileSync(SEED.s002, "utf8");
const ANNEX_II_ROW = "| Hoàn thành trước ngày 30/5/2026.<br>Thường xuyên duy trì, nâng cấp | 08-CTr/BCĐ            |   |";
function variant002(kind: "adjusted" | "extra" | "revised"): string {
  const src = seed002();
  if (kind === "revised") {
    const out = src
      .replace("Phượng Tiến, ngày tháng 4 năm 2026", "Phượng Tiến, ngày 20 tháng 5 năm 2026")
      .replace("| Trước ngày 30/4/2026 | 13-TB/CQTT", "| Trước ngày 15/6/2026 | 13-TB/CQTT");
    expect(out.split("15/6/2026").length).toBe(2);
    return out;
  }
  expect(src).toContain(ANNEX_II_ROW);
  const adjusted = src.replace(ANNEX_II_ROW, ANNEX_II_ROW.replace("|   |", "| Trước ngày 30/4/2026 |"));
  return kind === "adjusted"
    ? adjusted
    : adjusted.replace("Tiến độ điều chỉnh thời gian thực hiện theo chỉ đạo của Ban Chỉ đạo", "Đề xuất điều chỉnh");
}

function inbox(dir: string, files: Record<string, string>): string {
  const box = join(dir, "inbox");
  mkdirSync(box, { recursive: true });
  for (const [name, from] of Object.entries(files)) {
    if (from.startsWith("/")) copyFileSync(from, join(box, name));
    else writeFileSync(join(box, name), from);
  }
  return box;
}

/** Only `vanban import` creates a store (nightly refuses a missing one): made empty first, as an import would. */
function newStore(db: string): void {
  if (!existsSync(db)) openStore(db).close();
}

async function nightly(box: string | string[], db: string, today: string, out: string, horizonDays?: number) {
  newStore(db);
  return runNightly(Array.isArray(box) ? box : [box], { db, today, out, horizonDays, jobs: 1 });
}

const texts = (items: DeadlineItem[]) => items.map((i) => i.text).sort();
const find = (items: DeadlineItem[], text: string, task?: RegExp) =>
  items.find((i) => i.text === text && (!task || task.test(i.task ?? "")));

const ITEM_FIELDS = ["text", "kind", "start", "end", "task", "lead", "document", "file"];

describe("nightly over the five seeds", () => {
  const dir = tempDir();
  const db = join(dir, "store.db");
  let box: string;
  let first: { report: NightlyReport; files: string[] };

  beforeAll(async () => {
    box = inbox(dir, { "000.txt": SEED.s000, "001.txt": SEED.s001, "002.txt": SEED.s002, "003.txt": SEED.s003, "004.txt": SEED.s004 });
    first = await nightly(box, db, "2026-04-20", join(dir, "out1"));
  }, 120_000);

  it("new deadlines: every dated deadline of the five documents, with task, lead, document and provenance", () => {
    const r = first.report;
    expect(r.imported).toMatchObject({ seen: 5, new: 5, failed: 0 });
    const item = find(r.newDeadlines, "Trước ngày 30/4/2026")!;
    expect(item).toMatchObject({
      kind: "by", start: null, end: "2026-04-30", lead: ["Phòng Văn hóa - Xã hội"], page: 1,
      document: { kind: "ke-hoach", issuer: "UBND xã Phượng Tiến", date: "2026-04", code: null },
    });
    expect(item.task).toMatch(/^Căn cứ đề án vị trí việc làm đã được phê duyệt/);
    expect(item.file).toBe(join(box, "002.txt"));
    // The span points at the deadline's words in the stored text.
    const store = openStore(db);
    const stored = store.prepare("SELECT substr(text, ?, ?) FROM document_texts WHERE document_id = ?").pluck()
      .get(item.span!.start + 1, item.span!.end - item.span!.start, item.document.id);
    store.close();
    expect(stored).toBe("Trước ngày 30/4/2026");

    const jan = find(r.newDeadlines, "Tháng 01/2026")!;
    expect(jan).toMatchObject({ kind: "month", start: "2026-01-01", end: "2026-01-31", document: { code: "60-KH/ĐU" } });
    expect(jan.task).toBe("Quán triệt, xây dựng và ban hành Kế hoạch cụ thể hóa thực hiện năm 2026.");
    expect(find(r.newDeadlines, "bắt đầu từ ngày 10/4/2026")).toMatchObject({ kind: "from", start: "2026-04-10", end: null });
    expect(find(r.newDeadlines, "12/7/2026")).toMatchObject({ kind: "date", start: "2026-07-12", end: "2026-07-12" });
    // Undated limits ("Thực hiện thường xuyên", "khi có yêu cầu") are not deadlines to report.
    expect(r.newDeadlines.every((i) => i.start !== null || i.end !== null)).toBe(true);
    expect(r.newDeadlines.some((i) => i.kind === "recurring" || i.kind === "on-request")).toBe(false);
  });

  it("due soon (2026-04-20 + 30 days): the two April limits of seed 002", () => {
    expect(texts(first.report.dueSoon)).toEqual(["Tháng 4/2026", "Trước ngày 30/4/2026"]);
    expect(first.report.dueSoon.every((i) => i.document.issuer === "UBND xã Phượng Tiến")).toBe(true);
  });

  it("overdue (2026-04-20): 60-KH/ĐU's Tháng 01/2026 and seed 002's three 15/4 limits", () => {
    expect(texts(first.report.overdue)).toEqual([
      "Trước ngày 15/4/2026 hoàn thiện nội dung điều chỉnh tiến độ, gửi Sở Khoa học và Công nghệ để tổng hợp",
      "Tháng 01/2026",
      "hoàn thành trước ngày 15/4/2026",
      "hoàn thành trước ngày 15/4/2026",
    ].sort());
    expect(find(first.report.overdue, "Tháng 01/2026")!.lead).toContain("Ủy ban nhân dân xã Phong Quang");
    expect(first.report.moved).toEqual([]);
  });

  it("writes report.json with the four arrays and the item fields", () => {
    const json = JSON.parse(readFileSync(join(dir, "out1", "report.json"), "utf8"));
    expect(first.files.map((f) => f.split("/").pop())).toEqual(["report.md", "report.json", "deadlines.ics"]);
    for (const k of ["newDeadlines", "dueSoon", "overdue", "moved"]) expect(Array.isArray(json[k])).toBe(true);
    expect(json).toMatchObject({ run: first.report.run, today: "2026-04-20", horizonDays: 30 });
    for (const item of [...json.newDeadlines, ...json.dueSoon, ...json.overdue]) {
      for (const f of ITEM_FIELDS) expect(item).toHaveProperty(f);
      expect(Array.isArray(item.lead)).toBe(true);
      expect(item.document).toHaveProperty("key");
    }
    const md = readFileSync(join(dir, "out1", "report.md"), "utf8");
    expect(md).toContain("## Sắp đến hạn (trong 30 ngày) (2)");
    expect(md).toContain("## Quá hạn (4)");
  });

  it("writes deadlines.ics that ical.js reads back: all-day events on the right days", () => {
    const cal = new ICAL.Component(ICAL.parse(readFileSync(join(dir, "out1", "deadlines.ics"), "utf8")));
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const r = first.report;
    const keys = new Set([...r.overdue, ...r.dueSoon, ...r.newDeadlines].map((i) => i.key));
    expect(events.length).toBe(keys.size);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const due = events.find((e) => e.summary.startsWith("Hạn: Căn cứ đề án vị trí việc làm"))!;
    expect(due.startDate.isDate).toBe(true);
    expect([due.startDate.year, due.startDate.month, due.startDate.day]).toEqual([2026, 4, 30]);
    expect(due.description).toContain("Thời hạn: Trước ngày 30/4/2026");
    expect(due.description).toContain("Chủ trì: Phòng Văn hóa - Xã hội");
    const from = events.find((e) => e.summary.startsWith("Bắt đầu: Đẩy mạnh chuẩn hóa"))!;
    expect([from.startDate.year, from.startDate.month, from.startDate.day]).toEqual([2026, 4, 10]);
    const jan = events.find((e) => e.description.includes("Thời hạn: Tháng 01/2026"))!;
    expect([jan.startDate.year, jan.startDate.month, jan.startDate.day]).toEqual([2026, 1, 31]);
  });

  it("records the run as 'nightly' and what it reported", () => {
    const store = openStore(db);
    const run = store.prepare("SELECT * FROM runs WHERE id = ?").get(first.report.run) as Record<string, unknown>;
    const reported = store.prepare("SELECT section, count(*) AS n FROM nightly_reported WHERE run_id = ? GROUP BY section ORDER BY section")
      .all(first.report.run);
    store.close();
    expect(run).toMatchObject({ command: "nightly", seen: 5, new: 5, failed: 0 });
    expect(run.finished_at).toBeTruthy();
    expect(JSON.parse(run.arguments as string)).toMatchObject({ inbox: [box], today: "2026-04-20", horizonDays: 30 });
    const r = first.report;
    expect(reported).toEqual([
      { section: "due-soon", n: r.dueSoon.length },
      { section: "new", n: new Set(r.newDeadlines.map((i) => i.key)).size },
      { section: "overdue", n: r.overdue.length },
    ]);
  });

  it("a second run on the same inbox and day reports nothing; a later day reports what changed section", async () => {
    const again = await nightly(box, db, "2026-04-20", join(dir, "out2"));
    expect(again.report.imported).toMatchObject({ seen: 5, new: 0, skipped: 5 });
    expect([again.report.newDeadlines, again.report.dueSoon, again.report.overdue, again.report.moved]).toEqual([[], [], [], []]);

    const may = await nightly(box, db, "2026-05-05", join(dir, "out3"));
    expect(may.report.newDeadlines).toEqual([]);
    // Reported as due soon on 04-20, now overdue: a new section, so reported once more.
    expect(texts(may.report.overdue)).toEqual(["Tháng 4/2026", "Trước ngày 30/4/2026"]);
    expect(texts(may.report.dueSoon)).toEqual(["Hoàn thành trước ngày 30/5/2026."]);
  });

  it("item keys survive re-ingesting a document (a changed file of the same plan)", async () => {
    // 60-KH/ĐU with a trailing line: another sha256, the same identity key, rows replaced.
    writeFileSync(join(box, "001.txt"), `${readFileSync(SEED.s001, "utf8")}\n`);
    const r = (await nightly(box, db, "2026-05-05", join(dir, "out4"))).report;
    expect(r.imported).toMatchObject({ changed: 1, failed: 0 });
    expect([r.newDeadlines, r.dueSoon, r.overdue, r.moved]).toEqual([[], [], [], []]);
  });
});

describe("nightly: done in a newer report", () => {
  it("a task a newer report marks done is not overdue", async () => {
    const dir = tempDir();
    const box = inbox(dir, { "001.txt": SEED.s001, "bc-75.txt": reportDone });
    const r = (await nightly(box, join(dir, "s.db"), "2026-04-20", join(dir, "out"))).report;
    expect(r.imported).toMatchObject({ new: 2, failed: 0 });
    // Same plan without the report (first describe): Tháng 01/2026 is overdue.
    expect(find(r.overdue, "Tháng 01/2026")).toBeUndefined();
    const store = openStore(join(dir, "s.db"));
    const status = store.prepare(`SELECT ls.status FROM task_latest_status ls JOIN tasks t ON t.id = ls.plan_task_id WHERE t.due_text = 'Tháng 01/2026'`).pluck().get();
    store.close();
    expect(status).toBe("done");
  });
});

describe("nightly: moved deadlines", () => {
  it("adjusted column of the same row (Phụ lục II, 'Tiến độ điều chỉnh')", async () => {
    const dir = tempDir();
    const r = (await nightly(inbox(dir, { "002-adjusted.txt": variant002("adjusted") }), join(dir, "s.db"), "2026-04-20", join(dir, "out"))).report;
    expect(r.moved).toHaveLength(1);
    const m = r.moved[0];
    expect(m).toMatchObject({ text: "Trước ngày 30/4/2026", end: "2026-04-30", how: "adjusted-column", previous: { text: "Hoàn thành trước ngày 30/5/2026.", end: "2026-05-30" } });
    expect(m.task).toBe("Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu");
    expect(m.previous!.document.key).toBe(m.document.key);
    // The replaced time is not reported as a deadline; the adjusted one is, and is due soon.
    expect(find(r.newDeadlines, "Hoàn thành trước ngày 30/5/2026.")).toBeUndefined();
    expect(find(r.dueSoon, "Trước ngày 30/4/2026", /^Trang bị máy tính/)).toBeDefined();
  });

  it("adjusted time in a column the extractor keeps in `extra`", async () => {
    const dir = tempDir();
    const r = (await nightly(inbox(dir, { "002-extra.txt": variant002("extra") }), join(dir, "s.db"), "2026-04-20", join(dir, "out"))).report;
    expect(r.moved).toHaveLength(1);
    expect(r.moved[0]).toMatchObject({ text: "Trước ngày 30/4/2026", kind: "by", end: "2026-04-30", how: "adjusted-column", previous: { end: "2026-05-30" } });
  });

  it("a re-issued plan moving a task (same wording, same sources, later date)", async () => {
    const dir = tempDir();
    const db = join(dir, "s.db");
    await nightly(inbox(dir, { "002.txt": SEED.s002 }), db, "2026-04-20", join(dir, "out1"));
    const r = (await nightly(inbox(dir, { "002-2026-05-20.txt": variant002("revised") }), db, "2026-05-25", join(dir, "out2"))).report;
    expect(r.moved).toHaveLength(1);
    expect(r.moved[0]).toMatchObject({
      text: "Trước ngày 15/6/2026", end: "2026-06-15", how: "same-task", document: { date: "2026-05-20" },
      previous: { text: "Trước ngày 30/4/2026", end: "2026-04-30", document: { date: "2026-04" } },
    });
    // What the re-issue merely restates was reported under the first version already.
    expect(texts(r.newDeadlines)).toEqual(["Trước ngày 15/6/2026"]);
    expect(r.overdue.some((i) => /15\/4\/2026/.test(i.text))).toBe(false);
    expect(texts(r.overdue)).toEqual(["Tháng 4/2026"]);
    expect(r.overdue[0].document.date).toBe("2026-05-20");
  });

  it("a report giving a plan task a new time (task_links)", async () => {
    const dir = tempDir();
    const box = inbox(dir, { "001.txt": SEED.s001, "bc-76.txt": reportAdjusted });
    const r = (await nightly(box, join(dir, "s.db"), "2026-05-10", join(dir, "out"))).report;
    expect(r.moved).toHaveLength(1);
    expect(r.moved[0]).toMatchObject({
      text: "Tháng 5/2026", start: "2026-05-01", end: "2026-05-31", how: "report", document: { code: "76-BC/ĐU" },
      previous: { text: "Tháng 01/2026", end: "2026-01-31", document: { code: "60-KH/ĐU" } },
    });
    expect(find(r.overdue, "Tháng 01/2026")).toBeUndefined();
    expect(find(r.dueSoon, "Tháng 5/2026")).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------
// The built CLI, spawned.

const CLI_SOURCES = ["src/cli/nightly-command.ts", "pipelines/nightly.ts", "pipelines/nightly/report.ts", "pipelines/nightly/moves.ts",
  "pipelines/nightly/items.ts", "pipelines/nightly/keys.ts", "src/store/read/nightly-deadlines.ts", "src/store/write/reported.ts", "src/cli/main.ts", "src/store/migrations/index.ts"];

function vanban(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [resolve("bin/vanban.js"), ...args], {
    encoding: "utf8", cwd: options.cwd, env: { ...process.env, VANBAN_LOG: "warn", ...options.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("vanban nightly (spawned): exit codes", () => {
  beforeAll(() => {
    const built = (src: string) => {
      const out = join("dist", src.replace(/\.ts$/, ".js"));
      return existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs;
    };
    if (CLI_SOURCES.every(built)) return;
    try {
      execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "pipe" });
    } catch {
      /* type errors in files under construction elsewhere: tsc emits anyway */
    }
  }, 180_000);

  it("1 when something needs attention, 0 on the second run, Markdown on stdout, files under ./nightly/<today>/", () => {
    const dir = tempDir();
    const box = inbox(dir, { "001.txt": SEED.s001, "002.txt": SEED.s002 });
    newStore(join(dir, "s.db"));
    // West of UTC: all-day events must still land on their own day.
    const env = { TZ: "America/New_York" };
    const one = vanban(["nightly", box, "--db", "s.db", "--today", "2026-04-20"], { cwd: dir, env });
    expect(one.stderr).toBe("");
    expect(one.status).toBe(1);
    expect(one.stdout).toContain("# Báo cáo thời hạn ngày 2026-04-20");
    expect(one.stdout).toContain("## Quá hạn (4)");
    const folder = join(dir, "nightly", "2026-04-20");
    expect(readdirSync(folder).sort()).toEqual(["deadlines.ics", "report.json", "report.md"]);
    const ics = readFileSync(join(folder, "deadlines.ics"), "utf8");
    const days = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v))
      .filter((e) => e.description.includes("Thời hạn: Trước ngày 30/4/2026")).map((e) => e.startDate.toString());
    expect(days).toEqual(["2026-04-30"]);

    const two = vanban(["nightly", box, "--db", "s.db", "--today", "2026-04-20"], { cwd: dir, env });
    expect(two.status).toBe(0);
    expect(two.stdout).toMatch(/^Không có gì mới cần chú ý/);
    // The first report of the day is kept; the second run writes beside it.
    expect(JSON.parse(readFileSync(join(folder, "report.json"), "utf8")).overdue).toHaveLength(4);
    expect(readdirSync(folder).filter((f) => f.startsWith("run-"))).toHaveLength(1);

    const json = vanban(["nightly", box, "--db", "s.db", "--today", "2026-05-05", "--horizon", "30", "--out", "may", "--json"], { cwd: dir });
    expect(json.status).toBe(1);
    const r = JSON.parse(json.stdout);
    expect(texts(r.overdue)).toEqual(["Tháng 4/2026", "Trước ngày 30/4/2026"]);
    expect(r.files).toEqual(["report.md", "report.json", "deadlines.ics"].map((f) => join(dir, "may", f)));
  });

  it("2 when a file fails to import (even with nothing else to report), and the report names it", () => {
    const dir = tempDir();
    const box = inbox(dir, { "001.txt": SEED.s001 });
    newStore(join(dir, "s.db"));
    expect(vanban(["nightly", box, "--db", "s.db", "--today", "2026-01-10", "--out", "a"], { cwd: dir }).status).toBe(1);
    expect(vanban(["nightly", box, "--db", "s.db", "--today", "2026-01-10", "--out", "b"], { cwd: dir }).status).toBe(0);
    const r = vanban(["nightly", box, join(dir, "missing.pdf"), "--db", "s.db", "--today", "2026-01-10", "--out", "c", "--json"], { cwd: dir });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.imported.failed).toBe(1);
    expect(report.imported.errors[0]).toMatchObject({ file: join(dir, "missing.pdf"), stage: "read" });
    expect(readFileSync(join(dir, "c", "report.md"), "utf8")).toContain("missing.pdf: read: no such file or directory");
  });

  it("3 when the run cannot happen: bad option, unknown option, store locked by an import", () => {
    const dir = tempDir();
    const box = inbox(dir, { "001.txt": SEED.s001 });
    newStore(join(dir, "s.db"));
    const bad = vanban(["nightly", box, "--db", "s.db", "--today", "2026-02-30"], { cwd: dir });
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain("--today 2026-02-30");
    expect(vanban(["nightly", box, "--db", "s.db", "--horizon", "soon"], { cwd: dir }).status).toBe(3);
    expect(vanban(["nightly", box, "--db", "s.db", "--no-such-option"], { cwd: dir }).status).toBe(3);
    const lock = acquireImportLock(join(dir, "s.db")); // this process holds the import lock, as an import in it would
    const locked = vanban(["nightly", box, "--db", "s.db", "--today", "2026-04-20"], { cwd: dir });
    lock.release();
    expect(locked.status).toBe(3);
    expect(locked.stderr).toMatch(/đang được một lần nhập khác ghi|is being written by another import/);
  });
});
