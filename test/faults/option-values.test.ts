/**
 * Issue 12 item 10: every numeric and date option is checked before a command runs.
 * A bad value is one line on stderr naming the option and the value, exit 2 (nightly:
 * its documented 3), and nothing is written: no store, no lock, no run row.
 * Dates are read in the forms clerks type; impossible dates are refused.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { buildOnce, ROOT, vanban } from "./cli.js";
import { tempDir } from "./generate.js";

const temp = tempDir("options");
const fixtures = join(ROOT, "fixtures");
const texts = readdirSync(fixtures).filter((f) => f.endsWith(".txt")).map((f) => join(fixtures, f));
const store = join(temp.dir, "store.db");

beforeAll(() => {
  buildOnce();
  const r = vanban(["import", ...texts, "--db", store, "--json"]);
  expect(r.status, r.stderr).toBe(0);
}, 180_000);
afterAll(() => temp.cleanup());

const runs = () => {
  const db = openStore(store);
  try {
    return Number(db.prepare("SELECT count(*) FROM runs").pluck().get());
  } finally {
    db.close();
  }
};

describe("a bad option value is refused before anything is written", () => {
  const fresh = join(temp.dir, "never.db");
  const cases: [string, string[], RegExp][] = [
    ["import --jobs abc", ["import", fixtures, "--db", fresh, "--jobs", "abc"], /^lỗi: --jobs abc: /],
    ["import --jobs 0", ["import", fixtures, "--db", fresh, "--jobs", "0"], /^lỗi: --jobs 0: /],
    ["import --timeout abc", ["import", fixtures, "--db", fresh, "--timeout", "abc"], /^lỗi: --timeout abc: /],
    ["import --timeout -5", ["import", fixtures, "--db", fresh, "--timeout=-5"], /^lỗi: --timeout -5: /],
    ["import --max-size abc", ["import", fixtures, "--db", fresh, "--max-size", "abc"], /^lỗi: --max-size abc: /],
    ["import --max-size 0", ["import", fixtures, "--db", fresh, "--max-size", "0"], /^lỗi: --max-size 0: /],
    ["query tasks --due-before 2026-13-45", ["query", "tasks", "--db", fresh, "--due-before", "2026-13-45"], /^lỗi: --due-before 2026-13-45: /],
    ["query tasks --due-after 31/02/2026", ["query", "tasks", "--db", fresh, "--due-after", "31/02/2026"], /^lỗi: --due-after 31\/02\/2026: /],
    ["query tasks --limit 1.5", ["query", "tasks", "--db", fresh, "--limit", "1.5"], /^lỗi: --limit 1\.5: /],
    ["search --limit abc", ["search", "x", "--db", fresh, "--limit", "abc"], /^lỗi: --limit abc: /],
    ["query citing --limit -1", ["query", "citing", "1/NQ", "--db", fresh, "--limit=-1"], /^lỗi: --limit -1: /],
    ["serve --port 70000", ["serve", "--db", fresh, "--port", "70000"], /^lỗi: --port 70000: /],
  ];
  for (const [name, args, line] of cases) {
    it(name, () => {
      const r = vanban(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(line);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(readdirSync(temp.dir).filter((f) => f.startsWith("never.db"))).toEqual([]);
    });
  }

  it("on an existing store: no run row, no lock left", () => {
    const before = runs();
    for (const bad of [["--jobs", "abc"], ["--timeout", "NaN"], ["--max-size", "1e3"]]) {
      const r = vanban(["import", fixtures, "--db", store, ...bad]);
      expect(r.status).toBe(2);
      expect(existsSync(`${store}.lock`)).toBe(false);
    }
    expect(runs()).toBe(before);
  });

  it("nightly: exit 3 (its documented bad-option code), nothing imported", () => {
    const before = runs();
    for (const bad of [["--today", "2026-13-45"], ["--today", "31/02/2026"], ["--horizon", "soon"], ["--horizon", "-1"]]) {
      const r = vanban(["nightly", fixtures, "--db", store, "--out", join(temp.dir, "night"), `${bad[0]}=${bad[1]}`]);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`^lỗi: ${bad[0]} ${bad[1].replace(/[/-]/g, "\\$&")}: `));
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    expect(runs()).toBe(before);
    expect(existsSync(join(temp.dir, "night"))).toBe(false);
  });
});

describe("dates in the forms clerks type", () => {
  const dueAfter = (value: string) => {
    const r = vanban(["query", "tasks", "--db", store, "--due-after", value, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as { total: number; tasks: { deadline: { start: string | null; end: string | null } | null }[] };
  };
  const dueBefore = (value: string) => JSON.parse(vanban(["query", "tasks", "--db", store, "--due-before", value, "--json"]).stdout) as { total: number };

  it("30/04/2026, 30/4/2026, 30-04-2026 and 2026-04-30 are the same day", () => {
    const iso = dueAfter("2026-04-30");
    expect(iso.total).toBeGreaterThan(0);
    for (const t of iso.tasks) expect((t.deadline!.end ?? t.deadline!.start)! >= "2026-04-30").toBe(true);
    for (const typed of ["30/04/2026", "30/4/2026", "30-04-2026", " 30/04/2026 "]) expect(dueAfter(typed).total).toBe(iso.total);
  });

  it("a month or a year covers its days: after 2026-05 = after 01/05/2026, before 2026-04 = before 30/04/2026", () => {
    expect(dueAfter("2026-05").total).toBe(dueAfter("01/05/2026").total);
    expect(dueAfter("5/2026").total).toBe(dueAfter("2026-05-01").total);
    expect(dueBefore("2026-04").total).toBe(dueBefore("30/04/2026").total);
    expect(dueBefore("2026").total).toBe(dueBefore("31/12/2026").total);
  });

  it("nightly --today takes 20/4/2026 as 2026-04-20", () => {
    const out = join(temp.dir, "today");
    const r = vanban(["nightly", texts[0], "--db", store, "--today", "20/4/2026", "--out", out, "--json"]);
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout).today).toBe("2026-04-20");
  });
});
