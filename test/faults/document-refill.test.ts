/**
 * Issue 12, items 1–3: a document held by several files of different content keeps
 * its content when the file its rows came from goes away or breaks (refilled from
 * another file in the same transaction), the need to re-read survives kill -9
 * (pending_rereads), and doctor finds and repairs invariant breaks. Real files, real
 * SQLite files, the built CLI spawned.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { generateArchive } from "../../scripts/gen-archive.js";
import { canonicalDump, openStore } from "../../src/store/index.js";
import { buildOnce, CLI, ROOT, vanban } from "./cli.js";

const fixture = (name: string) => join(ROOT, "fixtures", name);
const tempDir = () => mkdtempSync(join(tmpdir(), "vanban-refill-"));
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

beforeAll(() => buildOnce(), 180_000);

/** The document's content as the store holds it, read with plain SQLite (no vanban code). */
function contentOf(db: string) {
  const s = new Database(db, { readonly: true });
  try {
    return s.prepare(
      `SELECT d.content_sha256 AS sha, (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) AS tasks,
              (SELECT length(text) FROM document_texts x WHERE x.document_id = d.id) AS text,
              (SELECT count(*) FROM pending_rereads p WHERE p.document_id = d.id) AS pending
       FROM documents d WHERE d.is_placeholder = 0`,
    ).all() as { sha: string | null; tasks: number; text: number | null; pending: number }[];
  } finally {
    s.close();
  }
}

/** Held documents without content that nothing will fill again (the loss issue 12 item 1 describes). */
function lostDocuments(db: string): number {
  const s = new Database(db, { readonly: true });
  try {
    return Number(s.prepare(
      `SELECT count(*) FROM documents d WHERE d.is_placeholder = 0
         AND (d.content_sha256 IS NULL OR NOT EXISTS (SELECT 1 FROM document_texts t WHERE t.document_id = d.id))
         AND NOT EXISTS (SELECT 1 FROM pending_rereads p WHERE p.document_id = d.id)`,
    ).pluck().get());
  } finally {
    s.close();
  }
}

/** How many of these paths the store still holds (read with plain SQLite). */
function storedCount(db: string, paths: string[]): number {
  const s = new Database(db, { readonly: true });
  try {
    return Number(s.prepare("SELECT count(*) FROM files WHERE path IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(paths)));
  } finally {
    s.close();
  }
}

function dump(db: string) {
  const s = openStore(db, { mustExist: true });
  try {
    return canonicalDump(s);
  } finally {
    s.close();
  }
}

describe("a document held as PDF, DOCX and text (seed 000)", () => {
  const formats = ["pdf", "docx", "txt"];
  function setUp() {
    const dir = tempDir();
    mkdirSync(join(dir, "docs"));
    for (const f of formats) copyFileSync(fixture(`000_9cf0e1b2418f68ec.${f}`), join(dir, "docs", `plan.${f}`));
    const db = join(dir, "store.db");
    expect(vanban(["import", join(dir, "docs"), "--db", db]).status).toBe(0);
    // The rows come from the file of smallest sha256 (ingest.ts); for these fixtures that is the PDF.
    const winner = formats.map((f) => join(dir, "docs", `plan.${f}`)).sort((a, b) => (sha256(a) < sha256(b) ? -1 : 1))[0];
    expect(winner.endsWith("plan.pdf")).toBe(true);
    expect(contentOf(db)).toEqual([{ sha: sha256(winner), tasks: 24, text: expect.any(Number), pending: 0 }]);
    return { dir, db, winner };
  }

  /** What the store holds when only the DOCX and the text were ever imported. */
  function expectedFromTheOthers(dir: string) {
    const only = join(dir, "only");
    mkdirSync(only);
    for (const f of ["docx", "txt"]) copyFileSync(fixture(`000_9cf0e1b2418f68ec.${f}`), join(only, `plan.${f}`));
    const db = join(dir, "only.db");
    expect(vanban(["import", only, "--db", db]).status).toBe(0);
    return contentOf(db);
  }

  it("the content file deleted, import --prune: refilled from the text, doctor healthy", () => {
    const { dir, db, winner } = setUp();
    unlinkSync(winner);
    const r = vanban(["import", join(dir, "docs"), "--db", db, "--prune", "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ pruned: 1, refilled: 1 });
    const after = contentOf(db);
    expect(after).toEqual(expectedFromTheOthers(dir));
    expect(after[0]).toMatchObject({ sha: sha256(join(dir, "docs", "plan.txt")), pending: 0 });
    expect(after[0].tasks).toBeGreaterThan(0);
    const doctor = vanban(["doctor", "--db", db, "--json"]);
    expect(doctor.status).toBe(0);
    expect(JSON.parse(doctor.stdout).problems).toEqual([]);
  }, 120_000);

  it("the content file replaced by its first 20,000 bytes: recorded as failed, refilled in the same run", () => {
    const { dir, db, winner } = setUp();
    writeFileSync(winner, readFileSync(fixture("000_9cf0e1b2418f68ec.pdf")).subarray(0, 20_000));
    const r = vanban(["import", join(dir, "docs"), "--db", db, "--json"]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ failed: 1, refilled: 1 });
    expect(contentOf(db)).toEqual(expectedFromTheOthers(dir));
    // A later run finds nothing to do.
    expect(JSON.parse(vanban(["import", join(dir, "docs"), "--db", db, "--json"]).stdout)).toMatchObject({ refilled: 0 });
    expect(contentOf(db)[0].tasks).toBeGreaterThan(0);
  }, 120_000);
});

describe("kill -9 while documents are being refilled, then the same command again", () => {
  it("never leaves a document empty without it being on record, and ends where a clean import ends", async () => {
    const dir = tempDir();
    const docs = join(dir, "docs");
    mkdirSync(docs);
    // Each document twice, with different bytes: the same plan as Markdown and as text with a note.
    for (const d of generateArchive({ count: 120, seed: 11 })) {
      const stem = d.name.replace(/\.[^.]+$/, "");
      writeFileSync(join(docs, `${stem}.md`), d.text);
      writeFileSync(join(docs, `${stem}.txt`), `${d.text}\n\nGhi chú: bản sao lưu tại văn thư.\n`);
    }
    const db = join(dir, "store.db");
    expect(vanban(["import", docs, "--db", db, "--jobs", "1"]).status).toBe(0);
    // Delete, for every document, the file its rows came from.
    const s = new Database(db, { readonly: true });
    const winners = s.prepare("SELECT f.path FROM files f JOIN documents d ON d.id = f.document_id AND d.content_sha256 = f.sha256").pluck().all() as string[];
    s.close();
    expect(winners.length).toBeGreaterThan(100);
    for (const w of winners) unlinkSync(w);

    let interrupted = 0;
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, [CLI, "import", docs, "--db", db, "--prune", "--jobs", "1"], { stdio: "ignore" });
      let done = false;
      const exited = new Promise((r) => child.on("exit", () => r((done = true))));
      // Killed once --prune has forgotten one more deleted file (a refill committed), at any load.
      const before = storedCount(db, winners);
      while (!done && before > 0 && storedCount(db, winners) >= before) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50 * round));
      child.kill("SIGKILL");
      await exited;
      expect(lostDocuments(db)).toBe(0);
      const left = storedCount(db, winners);
      if (left > 0 && left < winners.length) interrupted++;
    }
    const finish = vanban(["import", docs, "--db", db, "--prune", "--json"]);
    expect(finish.status).toBe(0);
    expect(contentOf(db).every((d) => d.sha !== null && d.tasks >= 0 && d.text !== null && d.pending === 0)).toBe(true);
    const clean = join(dir, "clean.db");
    expect(vanban(["import", docs, "--db", clean]).status).toBe(0);
    expect(dump(db)).toEqual(dump(clean));
    expect(interrupted).toBeGreaterThan(0); // a kill did land while --prune was refilling
  }, 300_000);
});

describe("doctor finds invariant breaks without writing, and --repair mends them", () => {
  it("empty document, file without document, search rows out of step, pending re-read", () => {
    const dir = tempDir();
    const docs = join(dir, "docs");
    mkdirSync(docs);
    for (const n of ["000_9cf0e1b2418f68ec", "001_3086ccc4e4aed2ea", "002_6446a6058fd84167"]) copyFileSync(fixture(`${n}.txt`), join(docs, `${n}.txt`));
    const db = join(dir, "store.db");
    expect(vanban(["import", docs, "--db", db]).status).toBe(0);
    const clean = dump(db);

    // What the faults above used to leave behind, written with plain SQLite.
    const s = new Database(db);
    const [a, b, c] = s.prepare("SELECT document_id FROM files ORDER BY path").pluck().all() as number[];
    s.exec(`DELETE FROM tasks WHERE document_id = ${a}; DELETE FROM deadlines WHERE document_id = ${a};
            DELETE FROM document_texts WHERE document_id = ${a}; UPDATE documents SET content_sha256 = NULL WHERE id = ${a};
            DELETE FROM document_search WHERE rowid = ${b};
            UPDATE files SET document_id = NULL WHERE document_id = ${c};`);
    s.close();
    const before = sha256(db);

    const doctor = vanban(["doctor", "--db", db, "--json"]);
    expect(doctor.status).toBe(1);
    const report = JSON.parse(doctor.stdout);
    expect(report.invariants.emptyDocuments.map((d: { id: number }) => d.id)).toEqual([a]);
    expect(report.invariants.filesWithoutDocument).toEqual([join(docs, "002_6446a6058fd84167.txt")]);
    expect(report.invariants.documentsWithoutFiles.map((d: { id: number }) => d.id)).toEqual([c]);
    expect(report.invariants.search.documentsMissing).toBe(1);
    expect(report.problems.length).toBeGreaterThanOrEqual(4);
    for (const p of report.problems) expect(p).toContain(`vanban doctor --repair --db ${db}`);
    const text = vanban(["doctor", "--db", db]);
    expect(text.stdout).toContain("văn bản có tệp nhưng mất nội dung");
    expect(sha256(db)).toBe(before); // doctor wrote nothing

    const repair = vanban(["doctor", "--repair", "--db", db, "--json"]);
    expect(repair.stderr).toBe("");
    expect(repair.status).toBe(0);
    expect(JSON.parse(repair.stdout).problems).toEqual([]);
    expect(dump(db)).toEqual(clean);
  }, 120_000);
});
