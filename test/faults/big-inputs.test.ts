/**
 * Issue 12 item 11: big inputs. Tables of any length parse (no argument spreading of
 * rows: 150,000 rows used to throw "Maximum call stack size exceeded" in layout), and
 * the work per document is capped: a 50 MB text on one line is refused at once with
 * the limit named (it took 2.9 GB and a minute), and a worker that needs more than its
 * memory cap fails that one document with the cap named, while the pool goes on.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAN_SENTENCE } from "../../scripts/faults/files.js";
import { ExtractPool } from "../../pipelines/worker-pool.js";
import { buildOnce, ROOT, vanban } from "./cli.js";
import { makeSingleLineText, makeTabTableText, tempDir } from "./generate.js";
import { parseInWorker } from "./run-in-worker.js";

const temp = tempDir("big");
beforeAll(() => buildOnce(), 180_000);
afterAll(() => temp.cleanup());

describe("tab tables of any length", () => {
  it("150,000 rows: `vanban parse` reads one table with every row", { timeout: 120_000 }, () => {
    const file = makeTabTableText(temp.dir, 150_000);
    const r = vanban(["parse", file], { timeout: 110_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("[bảng: 150001 dòng × 4 cột, tr. 1–1]");
  });

  it("1,000,000 rows parse, the last row intact", { timeout: 300_000 }, async () => {
    const file = makeTabTableText(temp.dir, 1_000_000);
    const result = await parseInWorker(file, 240_000);
    if (result.status !== "parsed") expect.fail(JSON.stringify(result));
    console.log(`1,000,000 tab rows: parsed in ${(result.summary.ms / 1000).toFixed(1)} s`);
    expect(result.summary.tables).toHaveLength(1);
    const [table] = result.summary.tables;
    expect(table.rows).toBe(1_000_001);
    expect(table.firstCells).toEqual(["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Thời gian thực hiện"]);
    // Row 1,000,000: day (1e6 % 28) + 1 = 8 + 1 = 9, month (1e6 % 12) + 1 = 4 + 1 = 5.
    expect(table.lastCells).toEqual(["1000000", "Rà soát hồ sơ số 1000000", "Văn phòng", "9/5/2026"]);
    expect(result.summary.text.tail.endsWith(PLAN_SENTENCE)).toBe(true);
  });
});

describe("the work per document is capped", () => {
  it("a 50 MB text on one line: refused with the limit, in a CLI whose heap may not pass 400 MB", { timeout: 120_000 }, () => {
    const file = makeSingleLineText(temp.dir, 50);
    // Before, parsing alone took 1.6 GB: this heap cap made the process die of it.
    const r = vanban(["parse", file], { timeout: 110_000, env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=400" } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^lỗi: ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: parse-text: a line of [\\d,]+ characters, over the 4,000,000 limit per line — not a document's text$`));
  });

  it("the same file in an import fails alone; the other file is stored", { timeout: 120_000 }, () => {
    const file = makeSingleLineText(temp.dir, 50);
    const db = join(temp.dir, "big.db");
    const r = vanban(["import", file, join(ROOT, "fixtures/000_9cf0e1b2418f68ec.txt"), "--db", db, "--json"], { timeout: 110_000 });
    expect(r.status).toBe(2);
    const summary = JSON.parse(r.stdout);
    expect(summary.new).toBe(1);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toMatchObject({ file, stage: "parse-text" });
    expect(summary.errors[0].reason).toMatch(/over the 4,000,000 limit per line/);
  });

  it("a worker over its memory cap fails that document with the cap named; the pool goes on", { timeout: 120_000 }, async () => {
    const file = makeTabTableText(temp.dir, 150_000);
    const { readFileSync } = await import("node:fs");
    // Parsing 150,000 rows needs ~300 MB; a 48 MB cap cannot hold it.
    const pool = new ExtractPool(1, 100_000, 48);
    try {
      const big = await pool.run(file, readFileSync(file));
      expect(big).toMatchObject({ ok: false, stage: "memory", reason: "needed more than the 48 MB of memory one document may use" });
      const fixture = join(ROOT, "fixtures/000_9cf0e1b2418f68ec.txt");
      const small = await pool.run(fixture, readFileSync(fixture));
      expect(small.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
