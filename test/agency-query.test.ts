/**
 * `vanban query tasks --agency` (issue 16 item 7), spawned on a real store built by the
 * real CLI from a fixture: spellings of one office find the same tasks, and a name
 * the store does not hold gets the nearest agencies (Vietnamese line on stderr, a
 * `suggestions` array in --json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCliAndWorld, spawnCli } from "./cli-world.js";
import { tempDir } from "./store-fixtures.js";

const FIXTURE = "fixtures/001_3086ccc4e4aed2ea.txt";
let db: string;

const tasksJson = (agency: string) => {
  const r = spawnCli(["query", "tasks", "--agency", agency, "--db", db, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { total: number; tasks: { id: number; lead: { written: string }[]; support: { written: string }[] }[]; suggestions?: { agency: string; locality: string | null }[] };
};

beforeAll(() => {
  buildCliAndWorld();
  db = join(tempDir(), "kho.db");
  const r = spawnCli(["import", FIXTURE, "--db", db, "--json"]);
  expect(JSON.parse(r.stdout)).toMatchObject({ new: 1, failed: 0 });
}, 180_000);

describe("query tasks --agency", () => {
  it("finds the same tasks for every spelling of Phòng Văn hóa - Xã hội: dashes, spacing, diacritics, tone placement, abbreviations", () => {
    // The plan's task table names the office in its lead or support cell on this many rows (counted from the document).
    const rows = readFileSync(FIXTURE, "utf8").split("\n").map((l) => l.split("\t"))
      .filter((c) => c.length >= 4 && c.slice(2, 4).some((x) => /văn hoá\s*[–-]\s*xã hội/iu.test(x.normalize("NFC"))));
    expect(rows.length).toBeGreaterThan(5);
    const spellings = ["Phòng Văn hóa Xã hội", "Phòng VH-XH", "van hoa xa hoi", "phòng văn hoá - xã hội", "phòng vh-xh"];
    const answers = spellings.map(tasksJson);
    for (const a of answers) {
      expect(a.total).toBe(rows.length);
      expect(a.tasks.map((t) => t.id)).toEqual(answers[0].tasks.map((t) => t.id));
      expect(a.suggestions).toBeUndefined();
    }
    for (const t of answers[0].tasks)
      expect([...t.lead, ...t.support].some((x) => /văn ho[aá]\s*[–-]\s*xã hội/iu.test(x.written))).toBe(true);
  });

  it("matches whole words in order: 'hội xã' names no agency", () => {
    expect(tasksJson("hội xã").total).toBe(0);
  });

  it("suggests the nearest agencies of the store when the name matches none", () => {
    const answer = tasksJson("Phòng Văn hóa Thông tin");
    expect(answer.total).toBe(0);
    expect(answer.suggestions!.length).toBeGreaterThan(0);
    expect(answer.suggestions![0]).toMatchObject({ agency: "Phòng Văn hóa - Xã hội" });
    const table = spawnCli(["query", "tasks", "--agency", "Phòng Văn hóa Thông tin", "--db", db]);
    expect(table.status).toBe(0);
    expect(table.stderr).toMatch(/^không có cơ quan nào khớp với “Phòng Văn hóa Thông tin” — có phải ý bạn là: Phòng Văn hóa - Xã hội/u);
    const english = spawnCli(["query", "tasks", "--agency", "Phòng Văn hóa Thông tin", "--db", db], { env: { LANG: "en_US.UTF-8" } });
    expect(english.stderr).toMatch(/^no agency matches “Phòng Văn hóa Thông tin” — did you mean: Phòng Văn hóa - Xã hội/u);
  });

  it("says so when nothing in the store is near", () => {
    expect(tasksJson("zzz qqq").suggestions).toEqual([]);
    expect(spawnCli(["query", "tasks", "--agency", "zzz qqq", "--db", db]).stderr).toBe("không có cơ quan nào khớp với “zzz qqq” trong kho\n");
  });
});
