import type Database from "better-sqlite3";

/** One forward-only schema step: `up` runs inside the transaction that bumps PRAGMA user_version. */
export type Migration = { version: number; name: string; up: (db: Database.Database) => void };
