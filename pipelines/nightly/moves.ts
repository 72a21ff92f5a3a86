/**
 * Moved deadlines: the same task, an earlier and a later deadline.
 *
 * Three ways to know two task rows are the same task:
 *   - adjusted column: one table row with two time cells — "Thời gian giao theo kế
 *     hoạch | … | Tiến độ điều chỉnh" (Phụ lục II of seed 002). Both cells are time
 *     columns (registries/columns.ts), so the extractor stores both as deadlines of
 *     the task; they are told apart by a cell boundary (a tab in the document's
 *     linear text, document_texts) between them. The last time cell is the one in
 *     force. An adjusted time under a header that is not a time column ("Đề xuất
 *     điều chỉnh", "Gia hạn") lands in the task's `extra`; it is read from there.
 *   - report: a report's status row and the plan task it is linked to (task_links),
 *     when the row carries its own deadline (not one its wording mentions).
 *   - same task: the link stage's task identity (src/link/task-identity.ts): same
 *     place, same folded wording, related documents of the same year — decided at
 *     import and read here (same_task_links).
 *
 * Versions of a task are ordered by document date (then identity key); a move is a
 * pair of consecutive versions whose days (end, else start) differ. A deadline is
 * superseded when its task has a version in a later document (which speaks for the
 * task, whether it moved the day or repeated it), or when a later time cell of its
 * own row gives another day. Superseded deadlines are reported neither as new, due
 * nor overdue: the later version is, and a move says what happened.
 */
import { foldLoose } from "../../src/normalise/fold.js";
import { readTimeCell } from "../../src/extract/deadlines.js";
import {
  datedDeadlinesOfTasks, linkedTasks, sameTaskPeers, taskVersionRows, textBetween, type DeadlineRow, type Store, type TaskVersionRow,
} from "../../src/store/index.js";
import { rowKey } from "./items.js";
import { normText } from "../../src/link/index.js";
import { dueDay } from "./keys.js";

export type MoveHow = "adjusted-column" | "report" | "same-task";
export type Move = { current: DeadlineRow; previous: DeadlineRow; how: MoveHow };

type TaskRow = TaskVersionRow;

export type TaskVersion = TaskRow & {
  /** Every dated deadline of the task, in text order. */
  dated: DeadlineRow[];
  /** The one in force: first dated deadline of the last time cell, or an adjusted time from `extra`. */
  current: DeadlineRow;
  /** The first dated deadline, when an adjusted column replaced it. */
  original: DeadlineRow | null;
};

export type MoveAnalysis = {
  moves: Move[];
  /** deadlines.id of deadlines a later version or a later time cell replaced. */
  superseded: Set<number>;
  /** deadlines.id → item keys of earlier versions' deadlines on the same day (one item, restated). */
  aliases: Map<number, string[]>;
};

const chunk = <T>(xs: T[], n = 5000): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

/** The tasks' versions (only tasks with a dated deadline), keyed by task id. */
export function loadVersions(db: Store, taskIds: Iterable<number>): Map<number, TaskVersion> {
  const out = new Map<number, TaskVersion>();
  for (const ids of chunk([...new Set(taskIds)])) {
    const tasks = taskVersionRows(db, ids);
    const dated = new Map<number, DeadlineRow[]>();
    for (const r of datedDeadlinesOfTasks(db, ids)) {
      const l = dated.get(r.taskId!);
      if (l) l.push(r);
      else dated.set(r.taskId!, [r]);
    }
    for (const t of tasks) {
      let rows = dated.get(t.id) ?? [];
      // A report's status row has no time cell of its own in most annexes; a period its
      // wording mentions ("… ban hành Kế hoạch cụ thể hóa thực hiện năm 2026") is not a new time.
      if (t.status !== null) rows = rows.filter((r) => !normText(t.text).includes(normText(r.text)));
      const adjusted = adjustedFromExtra(t);
      if (!rows.length && !adjusted) continue;
      const cells = t.origin === "table" ? timeCells(db, t.documentId, rows) : [rows];
      const last = cells.length ? cells[cells.length - 1][0] : null;
      const current = adjusted ?? last!;
      const original = rows.length && rows[0] !== current && dueDay(rows[0]) !== dueDay(current) ? rows[0] : null;
      out.set(t.id, { ...t, dated: rows, current, original });
    }
  }
  return out;
}

/**
 * Splits a row's deadlines into time cells: a new cell starts at a deadline that
 * opens a table cell (only blanks after the tab that precedes it in the linear
 * text), so a date in the prose of a content or output cell never counts as an
 * adjusted time.
 */
function timeCells(db: Store, documentId: number, rows: DeadlineRow[]): DeadlineRow[][] {
  if (rows.length < 2) return rows.length ? [rows] : [];
  const cells: DeadlineRow[][] = [[rows[0]]];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1], b = rows[i];
    const gap = a.spanEnd !== null && b.spanStart !== null && b.spanStart > a.spanEnd ? textBetween(db, documentId, a.spanEnd, b.spanStart) : "";
    const boundary = /\t[ ]*$/.test(gap);
    if (boundary) cells.push([b]);
    else cells[cells.length - 1].push(b);
  }
  return cells;
}

const ADJUSTED_HEADER = /(?:^| )(dieu chinh|gia han|lui han|thoi han moi|han moi)(?: |$)/;
/** An adjusted time written in an `extra` column ("Đề xuất điều chỉnh": "Trước ngày 30/6/2026"). */
function adjustedFromExtra(t: TaskRow): DeadlineRow | null {
  if (!t.extra) return null;
  let extra: Record<string, string>;
  try {
    extra = JSON.parse(t.extra) as Record<string, string>;
  } catch {
    return null;
  }
  for (const [header, value] of Object.entries(extra)) {
    if (!ADJUSTED_HEADER.test(foldLoose(header).replace(/[^\p{L}\p{N}]+/gu, " "))) continue;
    // Read as the extractor reads a time cell; a date without its year takes the document's.
    const when = readTimeCell(value, t.documentDate ? Number(t.documentDate.slice(0, 4)) : null).find((d) => d.start || d.end);
    if (!when) continue;
    return {
      id: null, documentId: t.documentId, taskId: t.id, text: value, kind: when.kind, start: when.start, end: when.end, page: t.page, spanStart: t.spanStart, spanEnd: t.spanEnd,
      documentKey: t.documentKey, taskText: t.text,
    };
  }
  return null;
}

/**
 * For the tasks `taskIds`: which of their deadlines are superseded or restated, and
 * — for those among `movesFor` (tonight's tasks) — the moves from or to them.
 */
export function analyseMoves(db: Store, taskIds: number[], movesFor: Set<number> = new Set(taskIds)): MoveAnalysis {
  const own = loadVersions(db, taskIds);
  const moves: Move[] = [];
  const superseded = new Set<number>();
  const aliases = new Map<number, string[]>();

  // Adjusted column / extra.
  for (const v of own.values()) {
    if (!v.original) continue;
    if (movesFor.has(v.id)) moves.push({ current: v.current, previous: v.original, how: "adjusted-column" });
    for (const d of v.dated) if (d !== v.current && d.id !== null && dueDay(d) !== dueDay(v.current)) superseded.add(d.id);
  }

  // Other versions of each task: linked report rows / plan tasks, and same-wording tasks of related documents.
  const peers = new Map<number, Map<number, MoveHow>>();
  const addPeer = (task: number, peer: number, how: MoveHow) => {
    let m = peers.get(task);
    if (!m) peers.set(task, (m = new Map()));
    if (!m.has(peer)) m.set(peer, how);
  };
  for (const [task, linked] of linkedTasks(db, [...own.keys()])) addPeer(task, linked, "report");
  for (const [task, peer] of sameTaskPeers(db, [...own.keys()])) addPeer(task, peer, "same-task");

  const others = loadVersions(db, [...peers.values()].flatMap((m) => [...m.keys()]).filter((id) => !own.has(id)));
  const version = (id: number) => own.get(id) ?? others.get(id);
  const order = (a: TaskVersion, b: TaskVersion) => {
    const da = a.documentDate ?? "", dbb = b.documentDate ?? "";
    if (da !== dbb) return da < dbb ? -1 : 1;
    return a.documentKey < b.documentKey ? -1 : a.documentKey > b.documentKey ? 1 : a.id - b.id;
  };
  for (const [taskId, related] of peers) {
    const v = own.get(taskId)!;
    const chain = [v, ...[...related.keys()].map(version).filter((x): x is TaskVersion => !!x)].sort(order);
    const i = chain.indexOf(v);
    if (movesFor.has(v.id)) for (const [a, b] of [[chain[i - 1], v], [v, chain[i + 1]]] as [TaskVersion | undefined, TaskVersion | undefined][]) {
      if (!a || !b || a.documentId === b.documentId || dueDay(a.current) === dueDay(b.current)) continue;
      const other = a === v ? b : a;
      moves.push({ current: b.current, previous: a.current, how: related.get(other.id)! });
    }
    // A later version speaks for the task, whether it moved the day or repeated it.
    const newest = chain.slice(i + 1).filter((x) => x.documentId !== v.documentId).pop();
    if (newest) for (const d of v.dated) if (d.id !== null) superseded.add(d.id);
    const earlier = chain.slice(0, i).filter((x) => x.documentId !== v.documentId).flatMap((x) => x.dated);
    for (const d of v.dated) {
      const same = earlier.filter((e) => dueDay(e) === dueDay(d)).map(rowKey);
      if (d.id !== null && same.length) aliases.set(d.id, same);
    }
  }
  return { moves, superseded, aliases };
}
