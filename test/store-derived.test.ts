/**
 * The tables kept at ingest for fast queries (migration 7) — citation_reach and
 * task_latest_status — hold after any sequence of writes exactly what computing
 * them from scratch gives, and `query citing` read from them answers what a
 * breadth-first walk over the citations answers.
 */
import { describe, expect, it } from "vitest";
import { canonicalDump, forgetFile, openStore, queryCiting, type Store } from "../src/store/index.js";
import { fillReach } from "../src/store/write/citation-reach.js";
import { fillTaskStatus } from "../src/store/write/task-latest-status.js";
import { extraction, ingest, planPhuThinh, reportApril, tempDb, world } from "./store-fixtures.js";

/** The derived tables, then the same computed from scratch (rolled back afterwards). */
function derivedAndFromScratch(db: Store) {
  const dump = () => {
    const d = canonicalDump(db);
    return { reach: d.citationReach, status: d.latestTaskStatus };
  };
  const kept = dump();
  let fresh: ReturnType<typeof dump> | undefined;
  db.exec("SAVEPOINT scratch");
  fillReach(db);
  fillTaskStatus(db);
  fresh = dump();
  db.exec("ROLLBACK TO scratch; RELEASE scratch");
  return { kept, fresh };
}

/** Who reaches `target` and at what depth: the walk `query citing` did before the table (reverse BFS over citations). */
function walkCiters(db: Store, target: number): Map<number, number> {
  const edges = db.prepare("SELECT source_document_id, target_document_id FROM citations WHERE source_document_id <> target_document_id").raw(true).all() as [number, number][];
  const found = new Map<number, number>();
  let frontier = [target];
  for (let depth = 1; frontier.length; depth++) {
    const next: number[] = [];
    for (const to of frontier)
      for (const [from, t] of edges)
        if (t === to && from !== target && !found.has(from)) {
          found.set(from, depth);
          next.push(from);
        }
    frontier = next;
  }
  return found;
}

const revisedPlan = extraction({
  file: planPhuThinh.source.file,
  content: "revised",
  meta: { ...planPhuThinh.document, date: "2026-01-18" },
  tasks: [{ text: "Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu", lead: ["VP Đảng ủy"] }],
});

describe("tables kept at ingest", () => {
  it("match a computation from scratch after documents arrive in any order, change and go", () => {
    const db = openStore(tempDb());
    try {
      // Reports before the plan they report on, so placeholders are taken over on the way.
      for (const x of [...world].reverse()) {
        ingest(db, x);
        const { kept, fresh } = derivedAndFromScratch(db);
        expect(kept).toEqual(fresh);
      }
      const before = canonicalDump(db);
      expect(before.citationReach.length).toBeGreaterThan(world.length);
      expect(before.latestTaskStatus.length).toBeGreaterThan(0);
      ingest(db, revisedPlan); // same path, new content: its tasks and links are replaced
      let { kept, fresh } = derivedAndFromScratch(db);
      expect(kept).toEqual(fresh);
      forgetFile(db, `/virtual/${reportApril.source.file}`);
      ({ kept, fresh } = derivedAndFromScratch(db));
      expect(kept).toEqual(fresh);
      expect(kept.status).not.toEqual(before.latestTaskStatus);
    } finally {
      db.close();
    }
  });

  it("answer citing as a walk over the citations does, in order, a page at a time", () => {
    const db = openStore(tempDb());
    try {
      for (const x of world) ingest(db, x);
      const targets = db.prepare("SELECT DISTINCT target_document_id FROM citations").pluck().all() as number[];
      expect(targets.length).toBeGreaterThan(2);
      let deep = 0;
      for (const target of targets) {
        const walked = walkCiters(db, target);
        const all = queryCiting(db, String(target), { transitive: true });
        expect(all.total).toBe(walked.size);
        expect(new Map(all.citing.map((c) => [c.document.id, c.depth]))).toEqual(walked);
        for (const c of all.citing) if (c.depth > 1) {
          deep++;
          // The document it goes through is one step nearer the target.
          expect(walked.get(c.via!.id)).toBe(c.depth - 1);
        } else expect(c.via).toBeNull();
        const order = all.citing.map((c) => [c.depth, c.document.date ?? "", c.document.id] as const);
        for (let i = 1; i < order.length; i++) {
          const [a, b] = [order[i - 1], order[i]];
          expect(a[0] < b[0] || (a[0] === b[0] && a[1] >= b[1])).toBe(true);
        }
        const direct = queryCiting(db, String(target));
        expect(direct.total).toBe([...walked.values()].filter((d) => d === 1).length);
        const second = queryCiting(db, String(target), { transitive: true, limit: 1, offset: 1 });
        expect(second.total).toBe(all.total);
        expect(second.citing.map((c) => c.document.id)).toEqual(all.citing.slice(1, 2).map((c) => c.document.id));
      }
      expect(deep).toBeGreaterThan(0); // the world has chains longer than one citation
    } finally {
      db.close();
    }
  });
});
