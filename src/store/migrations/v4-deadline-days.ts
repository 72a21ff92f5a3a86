import type { Migration } from "./migration.js";

// Version 4: the nightly report asks for deadlines by the day they fall on — the
// end, else the start (src/store/read/task-state.ts: due soon, overdue).
// Queries must write the expression exactly so for SQLite to use the index.
const V4_DEADLINE_DAYS = `
CREATE INDEX deadlines_due ON deadlines (COALESCE("end", start));
`;

export const V4: Migration = { version: 4, name: "deadline days index (nightly)", up: (db) => db.exec(V4_DEADLINE_DAYS) };
