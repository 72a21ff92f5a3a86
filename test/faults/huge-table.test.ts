/**
 * A Markdown annex of 100,000 task rows (~9 MB, made at test time, deleted
 * after) must parse completely in bounded time. The 60 s limit is a hang guard,
 * not a performance target: the measured time is printed for the record.
 */
import { afterAll, describe, expect, it } from "vitest";
import { PLAN_SENTENCE } from "../../scripts/faults/files.js";
import { makeHugeTableMarkdown, tempDir } from "./generate.js";
import { parseInWorker } from "./run-in-worker.js";

const ROWS = 100_000;
const HANG_GUARD_MS = 60_000;

describe(`a Markdown table of ${ROWS.toLocaleString("en")} rows`, () => {
  const temp = tempDir("huge-table");
  afterAll(() => temp.cleanup());

  it("parses into one table with every row, within the hang guard", { timeout: HANG_GUARD_MS + 30_000 }, async () => {
    const file = makeHugeTableMarkdown(temp.dir, ROWS);
    const result = await parseInWorker(file, HANG_GUARD_MS);
    if (result.status === "killed") expect.fail(`still parsing after ${HANG_GUARD_MS / 1000} s — worker terminated`);
    if (result.status === "refused") expect.fail(`refused: ${result.message}`);
    const { summary } = result;
    console.log(`${ROWS} Markdown rows: parsed in ${(summary.ms / 1000).toFixed(1)} s`);
    expect(summary.blocks).toEqual(["heading", "table", "paragraph"]);
    expect(summary.tables).toEqual([
      {
        rows: ROWS + 1,
        headerRows: 1,
        firstCells: ["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Thời gian thực hiện"],
        lastCells: [String(ROWS), `Rà soát, cập nhật hồ sơ thủ tục hành chính số ${ROWS}`, "Văn phòng Đảng ủy", "13/5/2026"],
      },
    ]);
    expect(summary.text.tail.endsWith(PLAN_SENTENCE)).toBe(true);
  });
});
