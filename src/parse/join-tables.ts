/**
 * Stitches tables that a page break cut into pieces, for every format.
 *
 * Two adjacent table blocks are one table when the second
 *   - repeats the first one's header row (the repeated header is dropped), or
 *   - has the same number of columns, no header, and starts either with a row whose
 *     ordinal cell is empty (a continuation) or with the ordinal that follows the
 *     first table's last ordinal.
 * After a join, a first row with an empty ordinal cell continues the row above it:
 * its cells are appended cell by cell ("Ủy" + "ban Mặt trận…" → "Ủy ban Mặt trận…";
 * "13-TB/" + "CQTT" → "13-TB/CQTT", no space inside a code).
 */
import type { DraftBlock, DraftCell, DraftRow } from "./draft.js";
import { foldLoose } from "../normalise/fold.js";

type TableDraft = Extract<DraftBlock, { type: "table" }>;

const ORDINAL = /^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.?|[a-zđ]\)|\(\d+\))$/i;

const rowKey = (row: DraftRow) => row.cells.map((c) => foldLoose(c.text)).join("|");
const width = (t: TableDraft) => Math.max(0, ...t.rows.map((r) => r.cells.reduce((n, c) => n + (c.colspan ?? 1), 0)));
const isBlankRow = (row: DraftRow) => row.cells.every((c) => !c.text.trim());

export function markHeaderRows(t: TableDraft): void {
  if (t.rows.some((r) => r.header)) return;
  const first = t.rows[0];
  if (!first) return;
  const c0 = first.cells[0]?.text.trim() ?? "";
  const looksLikeData = ORDINAL.test(c0) || c0 === "";
  const labelled = first.cells.filter((c) => c.text.trim()).length >= 2;
  if (!looksLikeData && labelled && t.rows.length > 1) first.header = true;
}

function ordinalValue(text: string): number | null {
  const t = text.trim().replace(/\.$/, "");
  return /^\d+$/.test(t) ? Number(t) : null;
}

function lastOrdinal(t: TableDraft): number | null {
  for (let i = t.rows.length - 1; i >= 0; i--) {
    const v = ordinalValue(t.rows[i].cells[0]?.text ?? "");
    if (v !== null) return v;
    const top = (t.rows[i].cells[0]?.text ?? "").trim();
    if (top) return null;
  }
  return null;
}

function continues(prev: TableDraft, next: TableDraft): boolean {
  const header = prev.rows.find((r) => r.header);
  const first = next.rows[0];
  if (!first) return false;
  if (header && rowKey(header) === rowKey(first)) return true;
  if (width(prev) !== width(next) || next.rows.some((r) => r.header)) return false;
  const c0 = first.cells[0]?.text.trim() ?? "";
  if (c0 === "") return true;
  const last = lastOrdinal(prev);
  const v = ordinalValue(c0);
  return last !== null && v === last + 1;
}

/** Append `more` to `cell`; no space where the break fell inside a code or word joint. */
export function joinCellText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  if (/[/\-–]$/.test(a) && !/\s[/\-–]$/.test(a)) return a + b;
  return `${a} ${b}`;
}

function mergeContinuation(above: DraftRow, row: DraftRow): void {
  row.cells.forEach((cell: DraftCell, i) => {
    const target = above.cells[i];
    if (!target) above.cells[i] = { ...cell };
    else if (cell.text && !cell.spanned) target.text = joinCellText(target.text, cell.text);
  });
}

export function joinTables(blocks: DraftBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (const block of blocks) {
    if (block.type !== "table") {
      out.push(block);
      continue;
    }
    block.rows = block.rows.filter((r) => !isBlankRow(r));
    markHeaderRows(block);
    const prev = out[out.length - 1];
    if (prev?.type === "table" && continues(prev, block)) {
      const header = prev.rows.find((r) => r.header);
      let rows = block.rows;
      if (header && rows[0] && rowKey(header) === rowKey(rows[0])) rows = rows.slice(1);
      const first = rows[0];
      if (first && !(first.cells[0]?.text.trim()) && prev.rows.length && !prev.rows[prev.rows.length - 1].header) {
        mergeContinuation(prev.rows[prev.rows.length - 1], first);
        rows = rows.slice(1);
      }
      prev.rows.push(...rows);
      continue;
    }
    out.push(block);
  }
  return out;
}
