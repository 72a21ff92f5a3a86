/**
 * Issue 12 item 5: what the walk may read. Through the real CLI on real files:
 * - a symlink inside the archive that leads out of the folders named on the command
 *   line (a folder `etc → outside/`, a file `note.txt → outside/secret.txt`) is not
 *   followed: nothing from outside is stored or searchable, and the summary names each
 *   link with the reason; `--follow-links` follows them; a link that stays inside is
 *   followed as before;
 * - a FIFO or a device named on the command line is refused at once (a FIFO used to
 *   hang the import, holding the store's lock);
 * - a file is read with a byte cap, not trusting stat: /proc/self/maps says 0 bytes.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOnce, ROOT, vanban } from "./cli.js";
import { tempDir } from "./generate.js";

const temp = tempDir("links");
const fixture = join(ROOT, "fixtures/000_9cf0e1b2418f68ec.txt");
/** A document only the outside folder holds: if its number is searchable, the link was followed. */
const SECRET = "Kế hoạch số 99-KH/BMAT ngày 02/3/2026 của Ủy ban nhân dân xã Tân Bí Mật về triển khai nhiệm vụ năm 2026.\n\n1. Giao Văn phòng rà soát hồ sơ, hoàn thành trước ngày 30/4/2026.\n";

beforeAll(() => {
  buildOnce();
  mkdirSync(join(temp.dir, "outside"));
  writeFileSync(join(temp.dir, "outside/secret.txt"), SECRET);
  writeFileSync(join(temp.dir, "outside/plan.md"), SECRET.replace("99-KH/BMAT", "98-KH/BMAT"));
  mkdirSync(join(temp.dir, "archive/sub"), { recursive: true });
  copyFileSync(fixture, join(temp.dir, "archive/plan.txt"));
  symlinkSync(join(temp.dir, "outside"), join(temp.dir, "archive/etc"));
  symlinkSync(join(temp.dir, "outside/secret.txt"), join(temp.dir, "archive/note.txt"));
  symlinkSync("../plan.txt", join(temp.dir, "archive/sub/same-plan.txt"));
}, 180_000);
afterAll(() => temp.cleanup());

const importJson = (args: string[]) => {
  const r = vanban(["import", ...args, "--json"]);
  return { ...r, summary: r.stdout ? JSON.parse(r.stdout) : null };
};
const searchTotal = (db: string, words: string) => JSON.parse(vanban(["search", words, "--db", db, "--json"]).stdout).hits.length as number;

describe("symlinks out of the archive", () => {
  it("are skipped with the reason, and nothing from outside is stored", () => {
    const db = join(temp.dir, "default.db");
    const r = importJson([join(temp.dir, "archive"), "--db", db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.summary.new).toBe(1);
    const skipped = r.summary.skippedFiles.map((s: { file: string; reason: string }) => `${s.file}: ${s.reason}`);
    expect(skipped).toContain(`${join(temp.dir, "archive/etc")}: symlink to ${join(temp.dir, "outside")}, outside the folders being imported (--follow-links follows it)`);
    expect(skipped).toContain(`${join(temp.dir, "archive/note.txt")}: symlink to ${join(temp.dir, "outside/secret.txt")}, outside the folders being imported (--follow-links follows it)`);
    expect(searchTotal(db, "BMAT")).toBe(0);
    const table = vanban(["import", join(temp.dir, "archive"), "--db", db]);
    expect(table.stdout).toContain(`bỏ qua: ${join(temp.dir, "archive/etc")}: symlink to`);
  });

  it("a link that stays inside is followed; both folders named: the link is inside", () => {
    const db = join(temp.dir, "both.db");
    const r = importJson([join(temp.dir, "archive"), join(temp.dir, "outside"), "--db", db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.summary.skippedFiles.filter((s: { reason: string }) => s.reason.startsWith("symlink to"))).toEqual([]);
    // sub/same-plan.txt → ../plan.txt: seen and recorded as a copy of plan.txt.
    expect(r.summary.seen).toBeGreaterThanOrEqual(4);
    expect(searchTotal(db, "BMAT")).toBeGreaterThan(0);
  });

  it("--follow-links follows them", () => {
    const db = join(temp.dir, "follow.db");
    const r = importJson([join(temp.dir, "archive"), "--db", db, "--follow-links"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.summary.new).toBe(3);
    expect(searchTotal(db, "BMAT")).toBeGreaterThan(0);
  });
});

describe("special files named on the command line", () => {
  it("a FIFO and /dev/zero are refused at once, and the lock is released", () => {
    const fifo = join(temp.dir, "inbox.txt");
    execFileSync("mkfifo", [fifo]);
    const db = join(temp.dir, "special.db");
    const started = Date.now();
    const r = importJson([fifo, "/dev/zero", fixture, "--db", db]);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.status).toBe(2);
    expect(r.summary.new).toBe(1);
    expect(r.summary.errors).toEqual([
      { file: fifo, stage: "read", reason: "a FIFO (named pipe), not a regular file — refused without reading" },
      { file: "/dev/zero", stage: "read", reason: "a character device, not a regular file — refused without reading" },
    ]);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it("`vanban parse` refuses them too, at once", () => {
    const r = vanban(["parse", "/dev/zero"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("lỗi: /dev/zero: read: a character device, not a regular file — refused without reading\n");
  });

  it("a file whose stat size is 0 but whose content is larger is read with the cap", () => {
    const db = join(temp.dir, "proc.db");
    // /proc/self/maps of a Node process is tens of KB; stat says 0. The cap is 1,048 bytes.
    const r = importJson(["/proc/self/maps", "--db", db, "--max-size", "0.001"]);
    expect(r.status).toBe(2);
    expect(r.summary.errors).toEqual([
      { file: "/proc/self/maps", stage: "read", reason: "more than 1048 bytes read although the file said 0 bytes (it grew, or it is a stream), over the 1048 bytes limit" },
    ]);
  });
});
