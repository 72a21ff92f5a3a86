/**
 * The store's statements must find rows through the index that bounds the
 * work to one document, whatever the planner statistics say: a plan-task
 * lookup through tasks_status walks every plan task of the store per report
 * (import time grew with the square of the archive).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/index.js";
import { relinkAllReports } from "../src/store/write/relink.js";
import { relinkAllSameTasks } from "../src/store/write/same-task-links.js";
import { ingest, tempDb, world } from "./store-fixtures.js";

/** Every SQL text the store prepares while `run` goes, with its query plan. */
function plansDuring(db: Database.Database, run: () => void): { sql: string; plan: string[] }[] {
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.add(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return [...seen].map((sql) => {
    const params = Array((sql.match(/\?/g) ?? []).length).fill(1);
    const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    return { sql, plan };
  });
}

describe("relinking reports to plan tasks", () => {
  it("looks plan tasks up by document, never through the status index, with or without statistics", () => {
    const file = tempDb();
    const db = openStore(file);
    for (const x of world) ingest(db, x);
    expect((db.prepare("SELECT count(*) FROM task_links").pluck().get() as number) > 0).toBe(true);
    for (const analysed of [false, true]) {
      if (analysed) db.exec("ANALYZE");
      const relinkDb = openStore(file); // fresh statement cache: every statement is prepared again
      const plans = plansDuring(relinkDb, () => relinkAllReports(relinkDb));
      relinkDb.close();
      const planTasks = plans.find((p) => /json_each/.test(p.sql) && /tasks t\b/.test(p.sql));
      expect(planTasks, "the plan-task query ran").toBeDefined();
      const onTasks = planTasks!.plan.filter((d) => /\b(?:SCAN|SEARCH) t\b/.test(d));
      expect(onTasks, JSON.stringify(planTasks!.plan)).toEqual([expect.stringMatching(/INDEX sqlite_autoindex_tasks_1 \(document_id=\?\)/)]);
    }
    db.close();
  });
});

describe("same-task links at import", () => {
  it("finds candidate tasks through the places' documents, never by scanning every document, with or without statistics", () => {
    const file = tempDb();
    const db = openStore(file);
    for (const x of world) ingest(db, x);
    for (const analysed of [false, true]) {
      if (analysed) db.exec("ANALYZE");
      const relinkDb = openStore(file);
      const plans = plansDuring(relinkDb, () => relinkAllSameTasks(relinkDb));
      relinkDb.close();
      const candidates = plans.find((p) => /json_each/.test(p.sql) && /locality_key/.test(p.sql));
      expect(candidates, "the candidate query ran").toBeDefined();
      const plan = candidates!.plan;
      // By the same-task key (place, year, wording; v7), then each task's document by its id.
      expect(plan.filter((d) => /\b(?:SCAN|SEARCH) d\b/.test(d)), JSON.stringify(plan)).toEqual([expect.stringMatching(/INTEGER PRIMARY KEY \(rowid=\?\)/)]);
      expect(plan.filter((d) => /\b(?:SCAN|SEARCH) t\b/.test(d)), JSON.stringify(plan)).toEqual([expect.stringMatching(/INDEX tasks_same_key \(same_task_key=\?\)/)]);
    }
    db.close();
  });
});

describe("planner statistics", () => {
  it("an import leaves statistics for the planner (sqlite_stat1) in the store", () => {
    const file = tempDb();
    const folder = join(dirname(file), "docs");
    mkdirSync(folder);
    for (const seed of readdirSync("fixtures").filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))) copyFileSync(join("fixtures", seed), join(folder, seed));
    const run = spawnSync(process.execPath, ["bin/vanban.js", "import", folder, "--db", file, "--json"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const db = new Database(file, { readonly: true });
    const stats = db.prepare("SELECT tbl FROM sqlite_stat1").pluck().all() as string[];
    db.close();
    expect(stats).toEqual(expect.arrayContaining(["tasks", "documents", "citations"]));
  });
});
