/**
 * Issue 12, item 4: the nightly run never loses "new deadline" notices. When the
 * report cannot be written (`--out` under a file) the run says it imported but did
 * not report (exit 4) and the next run reports everything; a run killed during its
 * import is reported in full by the next one. The built CLI spawned on real files.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { generateArchive } from "../../scripts/gen-archive.js";
import { buildOnce, CLI, vanban } from "./cli.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "vanban-nightly-faults-"));
const TODAY = "2026-04-20";

beforeAll(() => buildOnce(), 180_000);

/** A generated inbox of `count` documents, and an empty store made by `vanban import` (only import creates one). */
function setUp(count: number) {
  const dir = tempDir();
  const inbox = join(dir, "inbox");
  mkdirSync(inbox);
  for (const d of generateArchive({ count, seed: 5 })) writeFileSync(join(inbox, d.name), d.text);
  const empty = join(dir, "empty");
  mkdirSync(empty);
  return { dir, inbox, store: (name: string) => {
    const db = join(dir, name);
    expect(vanban(["import", empty, "--db", db]).status).toBe(0);
    return db;
  } };
}

function heldDocuments(db: string): number {
  const s = new Database(db, { readonly: true });
  try {
    return Number(s.prepare("SELECT count(*) FROM documents WHERE is_placeholder = 0").pluck().get());
  } finally {
    s.close();
  }
}

type Report = { newDeadlines: { key: string }[]; imported: { new: number } };
/** A nightly run; its report read back from report.json (stdout may be large). */
function nightly(inbox: string, db: string, out: string): { status: number | null; report: Report } {
  const r = vanban(["nightly", inbox, "--db", db, "--today", TODAY, "--out", out]);
  return { status: r.status, report: JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report };
}
const keys = (r: Report) => r.newDeadlines.map((i) => i.key).sort();

describe("nightly: nothing reported is lost", () => {
  it("--out under a file: exit 4 'imported, not reported', no partial files; the next run reports it all", () => {
    const { dir, inbox, store } = setUp(40);
    const clean = nightly(inbox, store("clean.db"), join(dir, "clean-out")).report;
    expect(clean.newDeadlines.length).toBeGreaterThan(10);

    const db = store("store.db");
    writeFileSync(join(dir, "afile"), "not a folder");
    const failed = vanban(["nightly", inbox, "--db", db, "--today", TODAY, "--out", join(dir, "afile", "sub")]);
    expect(failed.status).toBe(4);
    expect(failed.stderr.trim().split("\n")).toHaveLength(1);
    expect(failed.stderr).toContain(join(dir, "afile", "sub"));
    expect(failed.stderr).toMatch(/đã nhập 40 tệp .* không ghi được báo cáo/);
    const s = new Database(db, { readonly: true });
    expect(s.prepare("SELECT count(*) FROM nightly_reported").pluck().get()).toBe(0);
    expect(s.prepare("SELECT count(*) FROM documents WHERE is_placeholder = 0").pluck().get()).toBe(40);
    s.close();

    const next = nightly(inbox, db, join(dir, "out"));
    expect(next.status).toBe(1);
    const report = next.report;
    expect(report.imported.new).toBe(0); // nothing new on disk…
    expect(keys(report)).toEqual(keys(clean)); // …yet every deadline of the failed run is reported
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["deadlines.ics", "report.json", "report.md"]);
    // And once only.
    expect(nightly(inbox, db, join(dir, "out2")).report.newDeadlines).toEqual([]);
  }, 300_000);

  it("kill -9 during the import: the next run reports the killed run's documents too", async () => {
    const { dir, inbox, store } = setUp(150);
    const clean = nightly(inbox, store("clean.db"), join(dir, "clean-out")).report;
    const db = store("store.db");
    const child = spawn(process.execPath, [CLI, "nightly", inbox, "--db", db, "--today", TODAY, "--out", join(dir, "killed")], { stdio: "ignore" });
    const exited = new Promise((r) => child.on("exit", r));
    // Killed once the import has stored some documents (polled with plain SQLite).
    for (let i = 0; i < 1200 && heldDocuments(db) < 20; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    await exited;
    const stored = heldDocuments(db);
    expect(stored).toBeGreaterThan(0); // the kill landed mid-import
    expect(stored).toBeLessThan(150);
    expect(existsSync(join(dir, "killed", "report.json"))).toBe(false);

    const next = nightly(inbox, db, join(dir, "out")).report;
    expect(next.imported.new).toBe(150 - stored);
    expect(keys(next)).toEqual(keys(clean));
  }, 300_000);
});
