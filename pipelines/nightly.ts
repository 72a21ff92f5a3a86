/**
 * The nightly run: import what is new in the inbox (pipelines/import.ts, the same
 * code path as `vanban import`), then report on deadlines:
 *
 *   newDeadlines  dated deadlines of the documents this run stored (new or changed files);
 *   dueSoon       open deadlines falling on today … today + horizon (end, else start);
 *   overdue       open task deadlines whose end is before today;
 *   moved         a task's deadline that differs from an earlier version of the same task
 *                 (nightly/moves.ts), for the tasks of the documents this run stored.
 *
 * Each section leaves out what an earlier run already reported in it
 * (nightly_reported, keyed by document identity, task text and dates — not row
 * ids; a later version of a task restating the same day counts as reported), and
 * deadlines superseded by a later version of their task (nightly/moves.ts). Writes report.md, report.json and
 * deadlines.ics to `out` (default ./nightly/<today>/; a later run the same day
 * writes to ./nightly/<today>/run-<id>/ rather than over the first report; an
 * explicit `out` is always written to), and records the run in
 * `runs` as command 'nightly' (the import's run row, renamed: files.run_id of the
 * files imported tonight points at it).
 *
 * The reading, the file writing and the marking as reported happen in one IMMEDIATE
 * transaction: two runs started together cannot both report an item. Each file is
 * written under a temporary name and renamed when complete, and items are marked
 * reported only after all three are in place: a failure to write them leaves
 * nothing marked (NightlyReportError: imported, but not reported). The run row is
 * 'nightly' from the start and gets `reported_at` with the marks, so the documents
 * of a run that was killed or could not write its report are "new" for the next
 * run too (store/runs.ts).
 *
 * Only `vanban import` creates a store: a nightly run on a path with no store
 * refuses before importing anything (a mistyped --db in cron must not report
 * "nothing new" forever).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  deadlinesOfDocuments, documentsOfUnreportedRuns, dueBetween, itemContext, localToday, markReported, markRunReported, openStore, overdueBefore,
  reportedKeys, tasksOfDocuments, unreported, type DeadlineRow, type ItemContext, type Section, type Store,
} from "../src/store/index.js";
import { VanbanError } from "../src/i18n/index.js";
import { importPaths, type ImportSummary } from "./import.js";
import { rowKey, toItem } from "./nightly/items.js";
import { dueDay, movedKey } from "./nightly/keys.js";
import { analyseMoves, type Move } from "./nightly/moves.js";
import { renderIcs, renderMarkdown, type DeadlineItem, type NightlyReport } from "./nightly/report.js";

export type NightlyOptions = {
  db: string;
  /** YYYY-MM-DD; default: today in the local time zone (set TZ=Asia/Ho_Chi_Minh on a UTC server). */
  today?: string;
  /** Days after today that count as "due soon" (default 30). */
  horizonDays?: number;
  /** Folder for report.md, report.json, deadlines.ics (default ./nightly/<today>/). */
  out?: string;
  /** Passed to the import. */
  jobs?: number;
  timeoutMs?: number;
};

export type NightlyResult = { report: NightlyReport; files: string[] };

/** A bad --today / --horizon: nothing was imported. */
export class NightlyOptionError extends VanbanError {}

/** The inbox was imported but the report could not be written: nothing was marked reported; the next run reports it all. */
export class NightlyReportError extends VanbanError {
  constructor(
    readonly summary: ImportSummary,
    readonly out: string,
    cause: unknown,
  ) {
    const reason = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0];
    super("nightly.reportFailed", { n: summary.new + summary.changed, out, reason });
  }
}

export const DEFAULT_HORIZON_DAYS = 30;

export async function runNightly(inbox: string[], opts: NightlyOptions): Promise<NightlyResult> {
  const today = opts.today ?? localToday();
  if (!isIsoDay(today)) throw new NightlyOptionError("option.refused", { flag: "--today", value: today, reason: { key: "option.day" } });
  const horizonDays = opts.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > 3660)
    throw new NightlyOptionError("option.refused", { flag: "--horizon", value: horizonDays, reason: { key: "option.wholeNumber", params: { min: 0, max: 3660 } } });
  const out = resolve(opts.out ?? join("nightly", today));

  const summary = await importPaths(inbox, { db: opts.db, jobs: opts.jobs, timeoutMs: opts.timeoutMs, command: "nightly", mustExist: true });
  // A second run on the same day keeps the first one's files: its own go to run-<id>/.
  const folder = !opts.out && existsSync(join(out, "report.json")) ? join(out, `run-${summary.run}`) : out;
  try {
    const db = openStore(opts.db, { mustExist: true });
    try {
      return db.transaction(() => report(db, summary, { inbox, today, horizonDays, out: folder })).immediate();
    } finally {
      db.close();
    }
  } catch (e) {
    throw new NightlyReportError(summary, folder, e);
  }
}

type Settings = { inbox: string[]; today: string; horizonDays: number; out: string };

function report(db: Store, summary: ImportSummary, s: Settings): NightlyResult {
  const runDocuments = [...new Set([...summary.ingested.map((i) => i.documentId), ...documentsOfUnreportedRuns(db, summary.run)])];
  const preferredFiles = new Map(summary.ingested.map((i) => [i.documentId, i.file]));

  // Candidates not yet reported in their section.
  const fresh = unreported(db, "new", deadlinesOfDocuments(db, runDocuments), rowKey);
  const due = unreported(db, "due-soon", dueBetween(db, s.today, addDays(s.today, s.horizonDays)), rowKey);
  const late = unreported(db, "overdue", overdueBefore(db, s.today), rowKey);

  // Moves touching tonight's tasks; which candidates a move superseded.
  const runTasks = tasksOfDocuments(db, runDocuments);
  const candidateTasks = [...fresh, ...due, ...late].flatMap((r) => (r.taskId === null ? [] : [r.taskId]));
  const analysis = analyseMoves(db, [...new Set([...runTasks, ...candidateTasks])], new Set(runTasks));
  const moveKey = (m: Move) => movedKey(rowKey(m.current), rowKey(m.previous));
  const moves = unreported(db, "moved", analysis.moves.sort((a, b) => byDue(a.current, b.current)), moveKey);
  const standing = (r: DeadlineRow) => r.id === null || !analysis.superseded.has(r.id);
  // The same day restated by a later version of the task was reported under the earlier version's key.
  const notRestated = (section: Section) => {
    const aliasKeys = [...new Set([...analysis.aliases.values()].flat())];
    const reported = new Set(aliasKeys.length ? reportedKeys(db, section, aliasKeys) : []);
    return (r: DeadlineRow) => !(r.id !== null && analysis.aliases.get(r.id)?.some((k) => reported.has(k)));
  };
  const sections = {
    fresh: fresh.filter(standing).filter(notRestated("new")),
    due: due.filter(standing).filter(notRestated("due-soon")),
    late: late.filter(standing).filter(notRestated("overdue")),
  };

  const ctx = itemContext(db, [...sections.fresh, ...sections.due, ...sections.late, ...moves.flatMap((m) => [m.current, m.previous])], preferredFiles);
  const result: NightlyReport = {
    run: summary.run,
    today: s.today,
    horizonDays: s.horizonDays,
    imported: {
      seen: summary.seen, new: summary.new, changed: summary.changed, skipped: summary.skipped, failed: summary.failed,
      errors: summary.errors,
    },
    newDeadlines: sections.fresh.map((r) => toItem(r, ctx)),
    dueSoon: sections.due.map((r) => toItem(r, ctx)),
    overdue: sections.late.map((r) => toItem(r, ctx)),
    moved: moves.map((m) => movedItem(m, ctx)),
  };

  const files = writeReportFiles(s.out, [
    ["report.md", renderMarkdown(result)],
    ["report.json", `${JSON.stringify(result, null, 2)}\n`],
    ["deadlines.ics", renderIcs(result)],
  ]);

  markReported(db, "new", sections.fresh.map(rowKey), summary.run);
  markReported(db, "due-soon", sections.due.map(rowKey), summary.run);
  markReported(db, "overdue", sections.late.map(rowKey), summary.run);
  markReported(db, "moved", moves.map(moveKey), summary.run);
  markRunReported(db, summary.run, { inbox: s.inbox, today: s.today, horizonDays: s.horizonDays, out: s.out });
  return { report: result, files };
}

/** Each file written whole under a temporary name, then all renamed into place; a failure leaves no partial file. */
function writeReportFiles(out: string, contents: [name: string, text: string][]): string[] {
  mkdirSync(out, { recursive: true });
  const temps = contents.map(([name]) => join(out, `.${name}.tmp-${process.pid}`));
  try {
    contents.forEach(([, text], i) => writeFileSync(temps[i], text));
    const files = contents.map(([name]) => join(out, name));
    temps.forEach((t, i) => renameSync(t, files[i]));
    return files;
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}

function movedItem(m: Move, ctx: ItemContext): DeadlineItem {
  const p = m.previous;
  return {
    ...toItem(m.current, ctx),
    previous: { key: rowKey(p), text: p.text, kind: p.kind, start: p.start, end: p.end, document: ctx.documents.get(p.documentId)!, page: p.page },
    how: m.how,
  };
}

function byDue(a: DeadlineRow, b: DeadlineRow): number {
  const x = dueDay(a) ?? "", y = dueDay(b) ?? "";
  return x < y ? -1 : x > y ? 1 : a.documentKey < b.documentKey ? -1 : a.documentKey > b.documentKey ? 1 : 0;
}

function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
