/**
 * Scanned PDFs through the real OCR route: Debian's pdftoppm and Tesseract (vie)
 * as child processes, a real SQLite store, the CLI spawned.
 *
 * Inputs (fixtures/scanned/, made by scripts/make-fixtures from the seed PDFs:
 * rendered grey at 150 dpi, tilted, noised, packed as image-only PDFs):
 *   000 scan (4 pages), 002 scan (8 pages, ruled annex tables), 000 page 1 with a
 *   hand-written number after "Số:", 002 page 3 fed sideways, 000 page 2 with a
 *   garbled text layer (Tesseract's English model under the image), and the real
 *   scanned công văn of real-dev (a hand-written number, a red incoming stamp).
 *
 * Every file is OCR'd once, by the import in beforeAll; the per-file checks
 * parse again through the import's OCR cache, which is itself under test (a
 * cache hit is counted, Tesseract does not run again).
 *
 * Without Tesseract these tests fail with the install hint: `npm test` installs
 * it first (scripts/setup-system).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importPaths, type ImportSummary } from "../pipelines/import.js";
import type { DocumentModel } from "../schemas/document.js";
import type { Extraction } from "../schemas/extraction.js";
import { extractDocument } from "../src/extract/index.js";
import { foldLoose } from "../src/normalise/fold.js";
import { parseBytes } from "../src/parse/index.js";
import { readDocumentMarks } from "../src/parse/pdf/open-document.js";
import { ocrCacheDirFor } from "../src/parse/pdf/ocr/ocr-cache.js";
import { ocrUnavailable } from "../src/parse/pdf/ocr/tesseract.js";
import { buildOnce } from "./faults/cli.js";
import { isGarbled, textLayerQuality } from "../src/parse/pdf/ocr/text-layer-quality.js";

const root = new URL("..", import.meta.url).pathname;
const fixture = (name: string) => join(root, "fixtures", name);
const REAL_SCAN = join(root, "../shared/real-dev/files/05_c04-3980-cv-ma-tuy-scan-den.pdf");

const SCANS = {
  s000: "scanned/000_9cf0e1b2418f68ec.scan.pdf",
  s002: "scanned/002_6446a6058fd84167.scan.pdf",
  handwritten: "scanned/000_9cf0e1b2418f68ec.handwritten.pdf",
  rotated: "scanned/002_6446a6058fd84167.rotated.pdf",
  garbled: "scanned/000_9cf0e1b2418f68ec.garbled.pdf",
};

let dir: string;
let db: string;
let first: ImportSummary;
const read = new Map<string, { model: DocumentModel; x: Extraction }>();

/** A scanned file parsed again (from the import's OCR cache) and extracted. */
async function scanned(name: keyof typeof SCANS | "real"): Promise<{ model: DocumentModel; x: Extraction }> {
  const file = name === "real" ? REAL_SCAN : fixture(SCANS[name]);
  let r = read.get(file);
  if (!r) {
    const model = await parseBytes(new Uint8Array(readFileSync(file)), file, { ocr: { cacheDir: ocrCacheDirFor(db) } });
    r = { model, x: extractDocument(model) };
    read.set(file, r);
  }
  return r;
}

async function bornDigital(name: string): Promise<Extraction> {
  const file = fixture(name);
  return extractDocument(await parseBytes(new Uint8Array(readFileSync(file)), file));
}

/** Words of a task, folded (case, diacritics, đ), for matching OCR'd text against print. */
const words = (s: string) => new Set(foldLoose(s).match(/[\p{L}\p{N}]+/gu) ?? []);
function sameTask(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared >= 0.8 * Math.max(wa.size, wb.size);
}
const codes = (x: Extraction) => [...new Set(x.references.map((r) => r.code ?? r.raw))].sort();

beforeAll(async () => {
  // The import's workers and the spawned CLI run dist/: built here if stale, before
  // anything starts, so that no other file's build rewrites it under them.
  buildOnce();
  const missing = await ocrUnavailable();
  if (missing) throw new Error(`OCR tests need Tesseract: ${missing} (npm test runs scripts/setup-system, which installs them as root)`);
  dir = mkdtempSync(join(tmpdir(), "vanban-ocr-"));
  const archive = join(dir, "archive");
  mkdirSync(archive);
  for (const f of [...Object.values(SCANS).map(fixture), REAL_SCAN]) copyFileSync(f, join(archive, basename(f)));
  db = join(dir, "store.db");
  // The machine may be shared: a generous per-page limit, so that load does not fail a page.
  first = await importPaths([archive], { db, jobs: 2, timeoutMs: 900_000 });
}, 1_800_000);

describe("import of scanned PDFs", () => {
  it("reads every scan by OCR and counts it", () => {
    expect(first).toMatchObject({ seen: 6, failed: 0, needsOcr: 0 });
    // 4 + 8 + 1 + 1 + 1 pages of fixtures, 3 of the real scan; nothing cached yet.
    expect(first.ocr).toMatchObject({ documents: 6, pages: 18, cachedPages: 0 });
    expect(first.ocr.meanConfidence).toBeGreaterThan(85);
  });

  it("does not OCR again on a re-import, even with --force: every page comes from the cache", async () => {
    const again = await importPaths([join(dir, "archive")], { db, jobs: 2, timeoutMs: 900_000 });
    expect(again).toMatchObject({ seen: 6, skipped: 6, failed: 0, ocr: { documents: 0, pages: 0 } });
    const forced = await importPaths([join(dir, "archive")], { db, jobs: 2, force: true, timeoutMs: 900_000 });
    expect(forced).toMatchObject({ seen: 6, failed: 0, ocr: { documents: 6, pages: 18, cachedPages: 18 } });
    expect(forced.references).toBe(first.references);
    expect(forced.tasks).toBe(first.tasks);
  }, 900_000);
});

describe("a draft both scanned and born-digital", () => {
  it("is one document in the store, whatever OCR misread in its title", async () => {
    // Seed 002 is a draft ("Số: /KH-UBND"): no number to be known by. The scan's OCR is reused (cache copied).
    const d2 = join(dir, "draft");
    mkdirSync(join(d2, "archive"), { recursive: true });
    const db2 = join(d2, "store.db");
    cpSync(ocrCacheDirFor(db), ocrCacheDirFor(db2), { recursive: true });
    for (const f of [fixture("002_6446a6058fd84167.pdf"), fixture(SCANS.s002)]) copyFileSync(f, join(d2, "archive", basename(f)));
    const s = await importPaths([join(d2, "archive")], { db: db2, jobs: 2, timeoutMs: 900_000 });
    expect(s).toMatchObject({ seen: 2, failed: 0, ocr: { documents: 1, cachedPages: 8 } });
    expect(s.ingested).toHaveLength(2);
    expect(s.ingested[0].documentId).toBe(s.ingested[1].documentId);
  }, 300_000);
});

describe("scanned copies of the seed PDFs", () => {
  /**
   * Share of the born-digital tasks the scan must yield, by origin: the issue's
   * 0.8 of the table tasks, and as much of the prose. Tables are read with their
   * rules erased and their empty-looking cells read again (empty-cells.ts).
   */
  const cases = [
    { name: "s000", born: "000_9cf0e1b2418f68ec.pdf", table: 0.8, narrative: 0.8 },
    { name: "s002", born: "002_6446a6058fd84167.pdf", table: 0.8, narrative: 0.8 },
  ] as const;
  for (const c of cases) {
    it(`${c.born}: the scan yields the born-digital references and most of its tasks`, async () => {
      const { model, x } = await scanned(c.name);
      const b = await bornDigital(c.born);
      expect(model.ocr?.pages.length).toBe(model.pages.length);
      expect(model.ocr?.cachedPages).toBe(model.pages.length);
      expect(codes(x)).toEqual(codes(b));
      expect(x.document.kind).toBe(b.document.kind);
      for (const origin of ["table", "narrative"] as const) {
        const want = b.tasks.filter((t) => t.origin === origin);
        const got = x.tasks.filter((t) => t.origin === origin);
        const found = want.filter((t) => got.some((g) => sameTask(t.text, g.text)));
        expect(found.length, `${origin} tasks found`).toBeGreaterThanOrEqual(Math.ceil(c[origin] * want.length));
      }
    });
  }

  it("002: the annex tables are rebuilt from the ruling lines in the image", async () => {
    const { model } = await scanned("s002");
    const tables = model.blocks.filter((b) => b.type === "table");
    // Phụ lục I and II, each over several pages, joined (seed 002 has two tables).
    expect(tables.length).toBeGreaterThanOrEqual(2);
    const header = tables[0].type === "table" ? tables[0].rows[0].cells.map((c) => foldLoose(c.text)).join(" | ") : "";
    expect(header).toMatch(/nhiem vu/);
  });

  it("002: table cells carry their box on the page and Tesseract's confidence", async () => {
    const { model } = await scanned("s002");
    const cells = model.blocks.flatMap((b) => (b.type === "table" ? b.rows.flatMap((r) => r.cells.filter((c) => c.text.trim() && !c.spanned).map((c) => ({ c, r }))) : []));
    const boxed = cells.filter(({ c }) => c.box && c.confidence !== undefined);
    // Cells a page break joined to the piece on the next page have no one box.
    expect(boxed.length).toBeGreaterThan(0.75 * cells.length);
    for (const { c } of boxed) {
      expect(c.box!.x0).toBeLessThan(c.box!.x1);
      expect(c.box!.y0).toBeLessThan(c.box!.y1);
      expect(c.box!.x1).toBeLessThanOrEqual(600);
      expect(c.box!.y1).toBeLessThanOrEqual(850);
      expect(c.confidence).toBeGreaterThan(0);
    }
    // Along a row, the cells stand side by side, left to right, on one band of the page.
    for (const b of model.blocks)
      if (b.type === "table")
        for (const r of b.rows) {
          const row = r.cells.filter((c) => c.box && !c.spanned);
          for (let i = 1; i < row.length; i++) {
            expect(row[i].box!.x0).toBeGreaterThanOrEqual(row[i - 1].box!.x1 - 1);
            expect(row[i].box!.y0).toBeLessThan(row[i - 1].box!.y1);
          }
        }
  });

  it("keeps every OCR line with its page, box, confidence and span into the text", async () => {
    const { model } = await scanned("s000");
    const lines = model.ocr!.lines;
    expect(lines.length).toBeGreaterThan(80);
    const placed = lines.filter((l) => l.span);
    expect(placed.length).toBeGreaterThan(0.8 * lines.length);
    for (const l of placed) expect(model.text.slice(l.span!.start, l.span!.end)).toBe(l.text);
    for (const l of lines) {
      expect(l.box.x0).toBeGreaterThanOrEqual(0);
      expect(l.box.x1).toBeLessThanOrEqual(600);
      expect(l.box.y1).toBeLessThanOrEqual(850);
      expect(l.confidence).toBeGreaterThan(0);
    }
    expect(model.ocr!.meanConfidence).toBeGreaterThan(85);
  });
});

describe("what a scan holds besides print", () => {
  it("a hand-written number: code unknown, the printed symbol kept, a warning", async () => {
    const { model, x } = await scanned("handwritten");
    // Page 1 of seed 000 ("Số: -KL/BCĐ"), with "125" written by hand in the gap.
    expect(x.document.kind).toBe("ket-luan");
    expect(x.document.code).toBeNull();
    expect(x.document.symbol).toBe("KL/BCĐ");
    expect(model.warnings.some((w) => /hand-written number/.test(w.reason) && w.page === 1)).toBe(true);
    expect(codes(x).some((c) => /KL\/BCĐ/.test(c ?? ""))).toBe(false);
  });

  it("a page fed sideways is read upright, its table included", async () => {
    const { model, x } = await scanned("rotated");
    // Page 3 of seed 002: the end of the plan's signature and the start of Phụ lục I.
    expect(foldLoose(model.text)).toMatch(/phu luc i\b/);
    expect(model.blocks.some((b) => b.type === "table")).toBe(true);
    expect(codes(x)).toEqual(expect.arrayContaining(["13-TB/CQTT"]));
  });

  it("a garbled text layer counts as none: the page is read by OCR", async () => {
    const file = fixture(SCANS.garbled);
    const marks = await readDocumentMarks(new Uint8Array(readFileSync(file)));
    expect(isGarbled(textLayerQuality(marks[0].glyphs))).toBe(true);
    const { model, x } = await scanned("garbled");
    expect(model.warnings.some((w) => /garbled text layer/.test(w.reason))).toBe(true);
    expect(model.ocr?.pages).toEqual([1]);
    // The layer reads "Nghi quyét s6 57-NQ/TW"; the page says "Nghị quyết số 57-NQ/TW".
    expect(model.text).toContain("Nghị quyết số 57-NQ/TW");
    expect(codes(x)).toContain("57-NQ/TW");
  });

  it("born-digital PDFs are never taken for garbled", async () => {
    const files = ["000_9cf0e1b2418f68ec.pdf", "001_3086ccc4e4aed2ea.pdf", "002_6446a6058fd84167.pdf", "003_dd124789fcb3a41d.pdf", "004_c41bed75581ceb3b.pdf"];
    for (const f of files) {
      const marks = await readDocumentMarks(new Uint8Array(readFileSync(fixture(f))));
      for (const p of marks) expect(isGarbled(textLayerQuality(p.glyphs)), `${f} page ${p.number}`).toBe(false);
    }
  });

  it("the real scanned công văn becomes a document of the right kind", async () => {
    const { model, x } = await scanned("real");
    // Read off the scan: "Số: 3980/C04-P6" with 3980 written by hand, "V/v chuẩn bị tổ chức triển khai …".
    expect(x.document.kind).toBe("cong-van");
    expect(x.document.symbol).toBe("C04-P6");
    // "Hà Nội, ngày 28 tháng 8 năm 2025": day and month by hand, the year printed.
    expect(x.document.date).toBe("2025");
    // The red incoming stamp ("UBND TỈNH LÂM ĐỒNG … ĐẾN") beside the subject line stays out of it.
    const subject = foldLoose(x.document.title ?? "");
    expect(subject).toMatch(/chuan bi to chuc trien khai/);
    expect(subject).toMatch(/chuong trinh mtqg phong/);
    expect(subject).not.toMatch(/lam dong|ubnd/);
    expect(codes(x)).toEqual(expect.arrayContaining(["50/NQ-CP", "163/2024/QH15"]));
    expect(model.ocr?.pages).toEqual([1, 2, 3]);
  });
});

describe("vanban import (spawned) without OCR", () => {
  /**
   * Each run on its own copy of the scan and its own store (no OCR cache to
   * share), with a generous --timeout: on a loaded machine a worker that only
   * starts up late must not be taken for a file that timed out. A failure shows
   * what the import said.
   */
  function importAlone(name: string, args: string[], env: NodeJS.ProcessEnv) {
    const home = mkdtempSync(join(tmpdir(), `vanban-ocr-${name}-`));
    const scan = join(home, basename(SCANS.rotated));
    copyFileSync(fixture(SCANS.rotated), scan);
    const r = spawnSync(process.execPath, [join(root, "bin/vanban.js"), "import", scan, "--db", join(home, "store.db"), "--timeout", "900", "--json", ...args], {
      encoding: "utf8",
      env: { ...env, VANBAN_LOG: "error" },
    });
    const s = JSON.parse(r.stdout) as ImportSummary;
    return { s, why: `import said: ${r.stdout.trim()} ${r.stderr.trim()}` };
  }

  it("--no-ocr records a scan as needing OCR", () => {
    const { s, why } = importAlone("off", ["--no-ocr"], process.env);
    expect(s, why).toMatchObject({ failed: 1, needsOcr: 1 });
    expect(s.errors[0].reason, why).toMatch(/needs OCR.*--no-ocr/);
  });

  it("without Tesseract on the PATH: needs OCR, with the Debian packages to install", () => {
    const { s, why } = importAlone("nopath", [], { ...process.env, PATH: mkdtempSync(join(tmpdir(), "vanban-empty-path-")) });
    expect(s, why).toMatchObject({ failed: 1, needsOcr: 1 });
    expect(s.errors[0].reason, why).toMatch(/needs OCR.*apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils/);
  });
});
