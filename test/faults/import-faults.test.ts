/**
 * The import pipeline under hostile conditions, through the built CLI and real
 * SQLite files: bad files in the middle of an archive, kill -9 and resume, two
 * imports at once with readers alongside, a store that cannot be written (read-only,
 * disk full). Nothing stored may be lost and no document may be half-written.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateArchive } from "../../scripts/gen-archive.js";
import { canonicalDump, openStore } from "../../src/store/index.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "bin/vanban.js");
const faultFile = (name: string) => join(root, "test/faults/files", name);
const fixture = (name: string) => join(root, "fixtures", name);

function vanban(args: string[], opts: { uid?: number; shell?: string } = {}) {
  const r = opts.shell
    ? spawnSync("bash", ["-c", `${opts.shell} ${[process.execPath, cli, ...args].map((a) => `'${a}'`).join(" ")}`], { encoding: "utf8" })
    : opts.uid !== undefined
      ? spawnSync("setpriv", [`--reuid=${opts.uid}`, `--regid=${opts.uid}`, "--clear-groups", process.execPath, cli, ...args], { encoding: "utf8" })
      : spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const json = (args: string[]) => {
  const r = vanban([...args, "--json"]);
  return { ...r, data: r.stdout ? JSON.parse(r.stdout) : null };
};

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "vanban-faults-"));
  chmodSync(d, 0o777);
  return d;
}

/** A generated archive of `count` Markdown/text documents (deterministic). */
function archive(count: number): string {
  const dir = tempDir();
  mkdirSync(join(dir, "docs"));
  for (const d of generateArchive({ count, seed: 7 })) writeFileSync(join(dir, "docs", d.name), d.text);
  return join(dir, "docs");
}

/** Resolves once an import holds the store's lock (it has started writing). */
async function lockTaken(db: string): Promise<void> {
  for (let i = 0; i < 600 && !existsSync(`${db}.lock`); i++) await new Promise((r) => setTimeout(r, 10));
}

function counts(db: string) {
  const s = openStore(db);
  try {
    const one = (sql: string) => Number(s.prepare(sql).pluck().get());
    return {
      integrity: s.pragma("integrity_check", { simple: true }),
      documents: one("SELECT count(*) FROM documents WHERE is_placeholder = 0"),
      files: one("SELECT count(*) FROM files"),
      tasks: one("SELECT count(*) FROM tasks"),
      // A held document without its text or file row would be half-written.
      halfWritten: one(
        `SELECT count(*) FROM documents d WHERE d.is_placeholder = 0 AND (
           NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id) OR NOT EXISTS (SELECT 1 FROM document_texts t WHERE t.document_id = d.id))`,
      ),
    };
  } finally {
    s.close();
  }
}

beforeAll(() => {
  // dist/ must match the sources (CI builds in npm ci; locally this keeps it fresh).
  spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.json")], { stdio: "pipe" });
}, 180_000);

describe("bad files in the middle of an archive", () => {
  it("records each with one line and imports the rest", () => {
    const dir = tempDir();
    const bad = ["empty.pdf", "truncated.pdf", "encrypted.pdf", "scanned.pdf", "random.pdf", "legacy-word.docx", "bomb-entries.docx"];
    for (const f of bad) copyFileSync(faultFile(f), join(dir, f));
    for (const f of ["cp1258.txt", "tcvn3.txt"]) copyFileSync(faultFile(f), join(dir, f));
    copyFileSync(fixture("000_9cf0e1b2418f68ec.txt"), join(dir, "a-000.txt"));
    copyFileSync(fixture("001_3086ccc4e4aed2ea.pdf"), join(dir, "m-001.pdf"));
    copyFileSync(fixture("002_6446a6058fd84167.docx"), join(dir, "z-002.docx"));
    const db = join(dir, "store.db");

    // --no-ocr: scanned.pdf is refused as a machine without Tesseract refuses it (OCR: test/ocr.test.ts).
    const r = json(["import", dir, "--db", db, "--no-ocr"]);
    expect(r.status).toBe(2);
    expect(r.data.failed).toBe(bad.length);
    expect(r.data.needsOcr).toBe(1);
    expect(r.data.new).toBe(5); // three fixtures + the two legacy-encoded texts
    for (const e of r.data.errors) {
      expect(e.reason).not.toContain("\n");
      expect(e.stage).toMatch(/^(sniff|parse-pdf|parse-docx|read)$/);
    }
    const reasons = Object.fromEntries(r.data.errors.map((e: { file: string; reason: string }) => [e.file.split("/").pop(), e.reason]));
    expect(reasons["encrypted.pdf"]).toBe("password-protected PDF");
    expect(reasons["scanned.pdf"]).toMatch(/no text layer/);
    expect(reasons["legacy-word.docx"]).toMatch(/legacy Word/);

    expect(vanban(["import", dir, "--db", db, "--strict", "--no-ocr"]).status).toBe(1);
    const doctor = json(["doctor", "--db", db]);
    // cp1258.txt and tcvn3.txt are the same plan in two encodings: one document, two files.
    expect(doctor.data).toMatchObject({ integrity: "ok", documents: 4 });
    expect(doctor.data.failedFiles).toHaveLength(bad.length);
  });
});

describe("kill -9 during an import, then the same command again", () => {
  let docs: string;
  let clean: string;
  beforeAll(() => {
    docs = archive(400);
    clean = join(tempDir(), "clean.db");
    expect(vanban(["import", docs, "--db", clean]).status).toBe(0);
  }, 300_000);

  it("leaves whole documents only and ends where a clean import ends", async () => {
    const db = join(tempDir(), "killed.db");
    let interrupted = 0;
    // Kill at several points of the run (deterministic delays spread over the import).
    // Kill at several points of the run: once the import holds its lock, after a delay.
    for (const delay of [50, 300, 700, 1200]) {
      const child = spawn(process.execPath, [cli, "import", docs, "--db", db], { stdio: "ignore" });
      // Listen before killing: a late round may find the import already finished.
      const exited = new Promise((r) => child.on("exit", r));
      await lockTaken(db);
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await exited;
      const c = counts(db);
      expect(c.integrity).toBe("ok");
      expect(c.halfWritten).toBe(0);
      if (c.documents < counts(clean).documents) interrupted++;
    }
    expect(interrupted).toBeGreaterThan(0); // the kills did land mid-import
    const finish = vanban(["import", docs, "--db", db, "--json"]);
    expect(finish.status).toBe(0);
    const a = openStore(db);
    const b = openStore(clean);
    try {
      expect(canonicalDump(a)).toEqual(canonicalDump(b));
    } finally {
      a.close();
      b.close();
    }
    expect(counts(db)).toEqual(counts(clean));
  }, 300_000);
});

describe("two imports at once, readers alongside", () => {
  it("refuses the second import with a clear message; queries keep working", async () => {
    const docs = archive(600);
    const db = join(tempDir(), "busy.db");
    expect(vanban(["import", fixture("000_9cf0e1b2418f68ec.txt"), "--db", db]).status).toBe(0);
    const first = spawn(process.execPath, [cli, "import", docs, "--db", db], { stdio: "ignore" });
    const exited = new Promise<number | null>((r) => first.on("exit", (code) => r(code)));
    await lockTaken(db);
    const second = vanban(["import", fixture("001_3086ccc4e4aed2ea.txt"), "--db", db]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/(đang được một lần nhập khác ghi|is being written by another import) \(pid \d+\)/);
    const reader = json(["doctor", "--db", db]);
    expect(reader.status).toBe(0);
    expect(reader.data.integrity).toBe("ok");
    expect(json(["search", "Ban Chỉ đạo", "--db", db]).status).toBe(0);
    expect(await exited).toBe(0);
    expect(vanban(["import", fixture("001_3086ccc4e4aed2ea.txt"), "--db", db]).status).toBe(0);
  }, 300_000);
});

describe("a store that cannot be written", () => {
  it("says so in one line and leaves a read-only store unchanged", () => {
    const dir = tempDir();
    const db = join(dir, "ro.db");
    expect(vanban(["import", fixture("000_9cf0e1b2418f68ec.txt"), "--db", db]).status).toBe(0);
    const before = counts(db);
    chmodSync(db, 0o444);
    chmodSync(dir, 0o755); // no new files (WAL, lock) for anyone but root
    // As an unprivileged user (root ignores file modes).
    const r = vanban(["import", fixture("002_6446a6058fd84167.txt"), "--db", db], { uid: 65534 });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/ro\.db/);
    chmodSync(dir, 0o777);
    chmodSync(db, 0o644);
    expect(counts(db)).toEqual(before);
  });

  it("stops on a full disk with one line; what was stored stays whole", () => {
    const docs = archive(120);
    const db = join(tempDir(), "full.db");
    // The file-size limit makes every write past it fail as a full disk would.
    const r = vanban(["import", docs, "--db", db, "--jobs", "1"], { shell: "ulimit -f 1200; trap '' XFSZ;" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/(không ghi được vào kho|the store cannot be written) \(.*(full|disk|I\/O|write)/i);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    const c = counts(db);
    expect(c.integrity).toBe("ok");
    expect(c.halfWritten).toBe(0);
    expect(c.documents).toBeGreaterThan(0);
  }, 300_000);
});
