/**
 * What earlier nightly runs reported (table nightly_reported, schema version 3):
 * an item reported in a section is never reported in that section again. The
 * primary key (item_key, section) answers the look-ups.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";

export type Section = "new" | "due-soon" | "overdue" | "moved";

/** The items not yet reported in `section`, each key once, in their order. */
export function unreported<T>(db: Store, section: Section, items: T[], keyOf: (item: T) => string): T[] {
  if (!items.length) return [];
  const keys = [...new Set(items.map(keyOf))];
  const done = new Set(reportedKeys(db, section, keys));
  const out: T[] = [];
  for (const item of items) {
    const k = keyOf(item);
    if (done.has(k)) continue;
    done.add(k);
    out.push(item);
  }
  return out;
}

/** Which of these keys were reported in `section`. */
export function reportedKeys(db: Store, section: Section, keys: string[]): string[] {
  return prepared(db, "SELECT r.item_key FROM json_each(?) j JOIN nightly_reported r ON r.item_key = j.value AND r.section = ?")
    .pluck()
    .all(JSON.stringify(keys), section) as string[];
}

export function markReported(db: Store, section: Section, keys: string[], run: number): void {
  const insert = prepared(db, "INSERT OR IGNORE INTO nightly_reported (item_key, section, run_id) VALUES (?, ?, ?)");
  for (const k of keys) insert.run(k, section, run);
}
