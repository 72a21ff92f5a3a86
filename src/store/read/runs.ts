/** Import runs, newest first: when the archive last changed and what each run did. */
import type { RunEntry } from "../../../schemas/answers.js";
import type { Store } from "../open-store.js";
import type { Page } from "./page.js";
export type { RunEntry };

export function listRuns(db: Store, page: Page): { total: number; runs: RunEntry[] } {
  const total = db.prepare("SELECT count(*) FROM runs").pluck().get() as number;
  const rows = db
    .prepare(
      `SELECT id, command, arguments, started_at AS startedAt, finished_at AS finishedAt, seen, new, changed, skipped, failed
       FROM runs ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as (Omit<RunEntry, "arguments"> & { arguments: string })[];
  return { total, runs: rows.map((r) => ({ ...r, arguments: parseJson(r.arguments) })) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
