/**
 * The corpus check on ../shared/real-dev (real web-layout texts, PDF and DOCX): its
 * totals must not fall below test/corpus-baseline.json, and nothing may come out of
 * the letterhead, "Kính gửi", the "Căn cứ" preamble or "Nơi nhận". When a change
 * raises a total, raise the baseline with it (`npm run corpus -- ../shared/real-dev --json`);
 * lowering one needs a reason in the commit message.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCorpus, type CorpusReport } from "../scripts/corpus.js";
import { sharedDir } from "../scripts/eval.js";

const baseline = JSON.parse(readFileSync(new URL("./corpus-baseline.json", import.meta.url), "utf8")) as Record<string, number>;
/** Totals where fewer is better; every other total is a floor. */
const CEILINGS = new Set(["zoneItems", "skipped"]);

describe("corpus check on real-dev", () => {
  let report: CorpusReport;

  it("keeps every total at or above its baseline", async () => {
    // OCR off: the baseline is of the text-layer files; the scan's OCR is test/ocr.test.ts's.
    report = await runCorpus(join(sharedDir, "real-dev"), { ocr: { enabled: false } });
    for (const [key, floor] of Object.entries(baseline)) {
      const total = (report.totals as Record<string, number>)[key];
      if (CEILINGS.has(key)) expect(total, key).toBeLessThanOrEqual(floor);
      else expect(total, key).toBeGreaterThanOrEqual(floor);
    }
  }, 120_000);

  it("finds nothing in the letterhead, Kính gửi, Căn cứ or Nơi nhận zones of any document", () => {
    expect(report.rows.filter((r) => r.zoneItems > 0).map((r) => r.file)).toEqual([]);
  });

  it("skips the scan without a text layer with a note, and reads every other file", () => {
    expect(report.skipped).toEqual([{ file: "files/05_c04-3980-cv-ma-tuy-scan-den.pdf", reason: expect.stringContaining("no text layer") }]);
    expect(report.rows).toHaveLength(28);
  });
});
