/**
 * One "overdue" (issue 15/16): `query tasks --status overdue --today D` (the
 * spawned CLI), the web deadlines and agencies (over HTTP) and the nightly
 * report's overdue rows (the store question it asks) agree on the fixtures, all
 * from src/store/read/task-state.ts. Fixture facts used: seed 002's annex row 2
 * "Trước ngày 30/4/2026" (a task deadline, open) and 60-KH/ĐU's "Tháng 01/2026".
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, overdueBefore, queryTasks, type Store } from "../src/store/index.js";
import { startFixtureServer, type WebTestStore } from "./web-test-store.js";

let store: WebTestStore;
let db: Store;
const TODAY = "2026-05-01";

/** The modules `query tasks --status overdue` runs through; rebuilt only when dist/ is older (other tests spawn the CLI meanwhile). */
const CLI_SOURCES = ["src/cli/store-commands.ts", "src/store/read/tasks.ts", "src/store/read/task-state.ts", "src/store/index.ts"];

beforeAll(async () => {
  const built = (src: string) => {
    const out = join("dist", src.replace(/\.ts$/, ".js"));
    return existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs;
  };
  if (!CLI_SOURCES.every(built))
    try {
      execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "pipe" });
    } catch {
      /* type errors in files under construction elsewhere: tsc emits anyway */
    }
  store = await startFixtureServer();
  db = openStore(store.db, { mustExist: true });
}, 180_000);

afterAll(async () => {
  db?.close();
  await store?.stop();
});

const api = async (path: string) => (await fetch(store.url + path)).json() as Promise<any>;

describe("one definition of overdue", () => {
  it("web deadlines in state overdue are exactly the nightly report's overdue rows", async () => {
    const web = await api(`/api/deadlines?state=overdue&today=${TODAY}&limit=1000`);
    const nightly = overdueBefore(db, TODAY);
    expect(web.total).toBeGreaterThan(0);
    expect(web.deadlines.map((d: any) => d.id).sort()).toEqual(nightly.map((r) => r.id).sort());
    const april = web.deadlines.find((d: any) => d.text === "Trước ngày 30/4/2026" && d.document.id === store.ids.plan002);
    expect(april).toMatchObject({ state: "overdue", end: "2026-04-30" });
    // Every overdue deadline belongs to a task and has ended.
    for (const d of web.deadlines) expect(d.task !== null && d.end < TODAY).toBe(true);
  });

  it("the CLI's tasks overdue are the tasks whose own deadline is overdue on the web, and the same as in process", async () => {
    const r = spawnSync(process.execPath, ["bin/vanban.js", "query", "tasks", "--status", "overdue", "--today", TODAY, "--db", store.db, "--json"], {
      encoding: "utf8", env: { ...process.env, VANBAN_LOG: "warn" },
    });
    expect(r.stderr).toBe("");
    const cli = JSON.parse(r.stdout) as { total: number; tasks: { id: number; deadline: { end: string | null } | null; effectiveStatus: string | null }[] };
    expect(cli.tasks.map((t) => t.id)).toEqual(queryTasks(db, { status: "overdue", today: TODAY }).tasks.map((t) => t.id));
    const web = await api(`/api/deadlines?state=overdue&today=${TODAY}&limit=1000`);
    // A task is overdue by its deadline when that deadline (the task's own, the one the CLI shows) is overdue on the web.
    const byDeadline = cli.tasks.filter((t) => t.effectiveStatus !== "overdue");
    expect(byDeadline.length).toBeGreaterThan(0);
    const webOverdueTasks = new Set(web.deadlines.map((d: any) => d.task.id));
    for (const t of byDeadline) {
      expect(t.deadline!.end! < TODAY).toBe(true);
      expect(webOverdueTasks.has(t.id)).toBe(true);
    }
    // A later day makes no task less overdue; an earlier one (before any deadline) none at all by deadline.
    expect(queryTasks(db, { status: "overdue", today: "2027-01-01" }).total).toBeGreaterThanOrEqual(cli.total);
    expect(queryTasks(db, { status: "overdue", today: "2000-01-01" }).tasks.every((t) => t.effectiveStatus === "overdue")).toBe(true);
  });

  it("the web task filter and the agencies' counts use it too", async () => {
    const web = await api(`/api/tasks?status=overdue&today=${TODAY}&limit=1000`);
    expect(web.tasks.map((t: any) => t.id)).toEqual(queryTasks(db, { status: "overdue", today: TODAY }).tasks.map((t) => t.id));
    const agencies = await api(`/api/agencies?today=${TODAY}&limit=1000`);
    const led = new Map<number, number>();
    for (const t of web.tasks) for (const a of t.lead) led.set(a.agencyId, (led.get(a.agencyId) ?? 0) + 1);
    for (const a of agencies.agencies) expect(a.overdue, a.name).toBe(led.get(a.id) ?? 0);
  });
});
