/**
 * A 200 MB PDF must be refused from its size alone: the file is made at test
 * time (sparse, so it costs no disk) and deleted afterwards, and readFile is
 * watched to prove that not one byte of it was read.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const readFile = vi.fn(real.readFile);
  return { ...real, readFile, default: { ...real, readFile } };
});

const { readFile } = await import("node:fs/promises");
const { parseFile } = await import("../../src/parse/index.js");
const { expectRefusal, settle } = await import("./expect.js");
const { makeOversizePdf, OVERSIZE_BYTES, tempDir } = await import("./generate.js");

describe("a 200 MB PDF", () => {
  const temp = tempDir("oversize");
  let file = "";
  let made = 0;
  beforeAll(() => {
    const t0 = performance.now();
    file = makeOversizePdf(temp.dir);
    made = performance.now() - t0;
  });
  afterAll(() => temp.cleanup());

  const readsOf = (path: string) => vi.mocked(readFile).mock.calls.filter(([p]) => p === path).length;

  it("is refused by the default 100 MB cap before it is read", async () => {
    const { statSync } = await import("node:fs");
    expect(statSync(file).size).toBe(OVERSIZE_BYTES);
    const outcome = await settle(() => parseFile(file));
    expectRefusal(outcome, file, "read", "file is 200.0 MB, over the 100 MB limit");
    expect(readsOf(file)).toBe(0);
    // generous: a refusal from stat() alone takes milliseconds, reading 200 MB would not
    expect(outcome.ms).toBeLessThan(1000);
    console.log(`200 MB cap: file made in ${made.toFixed(0)} ms, refused in ${outcome.ms.toFixed(1)} ms`);
  });

  it("is refused by a caller's own cap, which the message names", async () => {
    const outcome = await settle(() => parseFile(file, { maxBytes: 150 * 1024 * 1024 }));
    expectRefusal(outcome, file, "read", "file is 200.0 MB, over the 150 MB limit");
    expect(readsOf(file)).toBe(0);
  });

  it("the cap does not stop a file under it (the watch on readFile is live)", async () => {
    const { FIXTURES_DIR } = await import("./generate.js");
    const small = `${FIXTURES_DIR}000_9cf0e1b2418f68ec.txt`;
    const model = await parseFile(small, { maxBytes: 1024 * 1024 });
    expect(model.text).toContain("Kế hoạch số 41-KH/ĐU");
    expect(readsOf(small)).toBe(1);
  });
});
