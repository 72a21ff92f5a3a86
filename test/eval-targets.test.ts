/**
 * The seed gold, every format, against the issues' targets (issues 3 and 4). The
 * same extraction code is scored on real documents we do not have, so these are
 * floors, not goals: a rule written for one seed sentence shows up in
 * test/holdout.test.ts instead.
 */
import { describe, expect, it } from "vitest";
import { evaluate, FORMATS } from "../scripts/eval.js";

describe.each(FORMATS)("seed gold, %s", (format) => {
  it("meets the extraction targets", async () => {
    const { score: s, failures } = await evaluate(format);
    expect(failures).toEqual([]);
    expect(s.references.f1).toBeGreaterThanOrEqual(0.97);
    expect(s.references.dateAcc).toBeGreaterThanOrEqual(0.95);
    expect(s.deadlines.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.metrics.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.metrics.comparatorAcc).toBeGreaterThanOrEqual(0.95);
    expect(s.metrics.roleAcc).toBeGreaterThanOrEqual(0.95);
    for (const field of ["kind", "code", "date", "issuer", "signer"]) expect(s.document[field]).toBeGreaterThanOrEqual(0.9);
    expect(s.tasks.f1).toBeGreaterThanOrEqual(0.92);
    expect(s.tasks.leadF1).toBeGreaterThanOrEqual(0.92);
    expect(s.tasks.supportF1).toBeGreaterThanOrEqual(0.9);
    expect(s.tasks.deadlineAcc).toBeGreaterThanOrEqual(0.95);
    expect(s.tasks.statusAcc).toBe(1);
    expect(s.tasks.sourcesF1).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});
