/**
 * `vanban import` tells a clerk what happened in documents, not files (issue 16,
 * item 5): new / changed / unchanged documents, files that repeat a stored document
 * (named by its code), files gone from disk (with the --prune hint), --force as
 * "read again"; the --json summary has the same counts and matches its schema; the
 * progress starts with the number of files; no JSON log lines on stderr unless
 * --verbose or --log-json. Real fixture files, the built CLI, a real SQLite file.
 */
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { importPaths, type ImportProgress } from "../pipelines/import.js";
import { ImportSummary } from "../schemas/answers.js";
import { buildCliAndWorld, spawnCli } from "./cli-world.js";
import { tempDir } from "./store-fixtures.js";

// Each test spawns the CLI several times, importing real files: minutes on a loaded machine.
vi.setConfig({ testTimeout: 300_000 });

// A clerk's shell: no VANBAN_LOG.
const vanban = (args: string[], env: Record<string, string> = {}) => spawnCli(args, { env: { VANBAN_LOG: "", ...env } });

const PLAN_60 = "001_3086ccc4e4aed2ea.txt"; // its annex: "Ban hành kèm theo Kế hoạch số 60-KH/ĐU" — the plan's own code
const FIXTURE_FILES = ["000_9cf0e1b2418f68ec.txt", PLAN_60, "002_6446a6058fd84167.txt", "003_dd124789fcb3a41d.txt", "004_c41bed75581ceb3b.txt"];

let inbox: string;
let db: string;

beforeAll(() => {
  buildCliAndWorld();
  const dir = tempDir();
  inbox = join(dir, "hop-thu");
  mkdirSync(inbox);
  for (const f of FIXTURE_FILES) copyFileSync(resolve("fixtures", f), join(inbox, f));
  // The clerk saved the plan twice, under another name.
  copyFileSync(resolve("fixtures", PLAN_60), join(inbox, "ke-hoach-60 (ban sao).txt"));
  db = join(dir, "kho.db");
}, 180_000);

function summaryOf(args: string[]): ImportSummary {
  const r = vanban([...args, "--json"]);
  expect(r.stderr).toBe("");
  const json = JSON.parse(r.stdout) as unknown;
  const parsed = ImportSummary.strict().safeParse(json);
  expect(parsed.success, JSON.stringify(parsed.error ?? null).slice(0, 400)).toBe(true);
  return parsed.data!;
}

describe("import summary in documents", () => {
  it("first import: five new documents, the second copy named as the plan it repeats", () => {
    const r = vanban(["import", inbox, "--db", db]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("văn bản: 5 mới, 0 thay đổi, 0 không đổi");
    expect(lines[1]).toMatch(/^đã xem 6 tệp: 5 mới, 0 thay đổi, 1 bỏ qua, 0 lỗi \(/);
    expect(r.stdout).toContain(`tệp trùng: ${join(inbox, "ke-hoach-60 (ban sao).txt")} — cùng nội dung với 60-KH/ĐU\n`);
  });

  it("again, unchanged: every document unchanged, the copy not told twice", () => {
    const s = summaryOf(["import", inbox, "--db", db]);
    expect(s.byDocument).toEqual({ new: 0, changed: 0, unchanged: 5, reread: 0 });
    expect(s.copies).toEqual([]);
    expect(s.missing).toEqual([]);
    expect([s.seen, s.new, s.changed, s.skipped]).toEqual([6, 0, 0, 6]);
  });

  it("one file edited, one deleted: one changed document, one missing file with the --prune hint; --prune forgets it", () => {
    appendFileSync(join(inbox, "002_6446a6058fd84167.txt"), "\nNơi nhận:\n- Lưu: VT.\n");
    rmSync(join(inbox, "004_c41bed75581ceb3b.txt"));
    const r = vanban(["import", inbox, "--db", db]);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe("văn bản: 0 mới, 1 thay đổi, 3 không đổi");
    expect(r.stdout).toContain(`không còn trên đĩa: ${join(inbox, "004_c41bed75581ceb3b.txt")} — chạy lại với --prune để xoá\n`);
    expect(vanban(["import", inbox, "--db", db, "--lang", "en"]).stdout).toContain(
      `no longer on disk: ${join(inbox, "004_c41bed75581ceb3b.txt")} — run again with --prune to remove it\n`,
    );
    const pruned = summaryOf(["import", inbox, "--db", db, "--prune"]);
    expect(pruned.pruned).toBe(1);
    expect(pruned.missing).toEqual([]);
    expect(summaryOf(["import", inbox, "--db", db]).missing).toEqual([]);
  });

  it("--force is told as read again, in documents and in files", () => {
    const r = vanban(["import", inbox, "--db", db, "--force"]);
    expect(r.stderr).toBe("");
    // Four documents in five files: the plan's two copies are one document.
    expect(r.stdout.split("\n")[0]).toBe("văn bản: 0 mới, 0 thay đổi, 0 không đổi, 4 đọc lại (--force)");
    expect(r.stdout.split("\n")[1]).toMatch(/^đã xem 5 tệp: 0 mới, 0 thay đổi, 5 đọc lại \(--force\), 0 bỏ qua, 0 lỗi/);
    const s = summaryOf(["import", inbox, "--db", db, "--force"]);
    expect(s.byDocument).toEqual({ new: 0, changed: 0, unchanged: 0, reread: 4 });
    expect(s.reread).toBe(5);
    expect(s.ingested.every((i) => i.status === "reread")).toBe(true);
  });
});

describe("stderr and progress", () => {
  it("no JSON log lines on stderr without --verbose or --log-json, even for a failed file; with them, JSON lines", () => {
    const dir = tempDir();
    const bad = join(dir, "hong.pdf");
    writeFileSync(bad, "%PDF-1.7\nnot really\n");
    const store = join(dir, "v.db");
    const quiet = vanban(["import", bad, "--db", store]);
    expect(quiet.status).toBe(2);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toContain(`${bad}: parse-pdf: cấu trúc PDF hỏng (tệp bị lỗi hoặc bị cắt cụt) — hãy lấy lại tệp gốc\n`);
    for (const flag of ["--log-json", "--verbose"]) {
      const loud = vanban(["import", bad, "--db", store, flag]);
      const lines = loud.stderr.trimEnd().split("\n");
      expect(lines.length, flag).toBeGreaterThan(0);
      for (const line of lines) expect(() => JSON.parse(line), `${flag}: ${line}`).not.toThrow();
      expect(loud.stderr).toContain("import failed");
    }
    // The other commands a clerk runs: nothing on stderr when all is well.
    for (const args of [["doctor", "--db", store], ["query", "tasks", "--db", store], ["nightly", dir, "--db", store, "--out", join(dir, "bao-cao"), "--today", "30/04/2026"]]) {
      const r = vanban(args);
      expect(r.stderr, args[0]).toBe("");
    }
  });

  it("the progress starts with the number of files, before the first is read", async () => {
    const dir = tempDir();
    const seen: ImportProgress[] = [];
    const summary = await importPaths([inbox], { db: join(dir, "p.db"), jobs: 2, onProgress: (p) => seen.push(p) });
    expect(summary.seen).toBe(readdirSync(inbox).length);
    const first = seen.find((p) => !p.walking)!;
    expect(first.done).toBe(0);
    expect(first.queued).toBe(summary.seen);
    expect(seen.every((p) => p.walking || p.queued === summary.seen)).toBe(true);
    expect(seen.at(-1)!.done).toBe(summary.seen);
  }, 120_000);
});
