/**
 * A file that keeps its worker busy past the pool's time limit must come back
 * as a "timeout" outcome, the worker must be replaced, and the pool must go on
 * serving. A 1 ms limit makes any real file "hang" (even booting the worker
 * takes longer), so the test needs no crafted slow input.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractPool } from "../../pipelines/worker-pool.js";
import { faultFile, FIXTURES_DIR } from "./generate.js";

const fixture = `${FIXTURES_DIR}000_9cf0e1b2418f68ec.txt`;
const bytes = (path: string) => new Uint8Array(readFileSync(path));

describe("ExtractPool time limit", () => {
  const hung = new ExtractPool(1, 1);
  const patient = new ExtractPool(1, 60_000);
  afterAll(async () => {
    await hung.close();
    await patient.close();
  });

  it("reports a worker still busy after the limit as timed out, file after file", async () => {
    const t0 = performance.now();
    const [first, second] = await Promise.all([hung.run(fixture, bytes(fixture)), hung.run(fixture, bytes(fixture))]);
    for (const outcome of [first, second]) {
      expect(outcome).toMatchObject({ ok: false, stage: "timeout" });
      expect(outcome.ok ? "" : outcome.reason).toMatch(/^timed out after \d+(\.\d+)? s$/);
    }
    // the second job ran on the replacement worker, and both came back promptly
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it("passes a parse refusal through as its stage and reason, not as a timeout", async () => {
    const outcome = await patient.run(faultFile("empty.pdf"), bytes(faultFile("empty.pdf")));
    expect(outcome).toMatchObject({ ok: false, stage: "sniff", reason: "empty file (0 bytes)" });
  });

  it("finishes a real file when the limit allows it", async () => {
    const outcome = await patient.run(fixture, bytes(fixture));
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.model.text).toContain("Kế hoạch số 41-KH/ĐU");
  });
});
