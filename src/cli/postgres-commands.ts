/**
 * Which commands take `--db postgres://…` (issue 18): import, query, search, show,
 * doctor, nightly and export run on either backend (src/store/backend.ts). The
 * others still need a store file; on PostgreSQL they say so in one line and exit 2
 * before anything runs, instead of failing half-way with a driver's message.
 */
import type { Command } from "commander";
import { VanbanError } from "../i18n/index.js";
import { isPostgresUrl } from "../store/index.js";
import { reportError } from "./output.js";

/** `vanban sql` runs SQLite's read-only statements; `vanban serve` registers SQL functions on a SQLite connection. */
const SQLITE_ONLY = new Set(["sql", "serve"]);

export function refuseOnPostgres(action: Command): void {
  const db = (action.opts() as { db?: unknown }).db;
  if (typeof db !== "string" || !isPostgresUrl(db) || !SQLITE_ONLY.has(action.name())) return;
  reportError(new VanbanError("pg.unsupported", { command: action.name() }));
  process.exit(2);
}
