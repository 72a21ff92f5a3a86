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
 * "13-TB/" + "CQTT" → "13-TB/CQTT", no space inside a code). A cell merged down
 * across the break (rowspan) keeps its whole text in the rows it covers on the
 * next page, where the page piece printed only the rest of it or nothing.
 */
import type { DraftBlock, DraftCell, DraftRow } from "./draft.js";
import { foldLoose } from "../normalise/fold.js";
import { appendAll, maxOf } from "../large-arrays.js";

type TableDraft = Extract<DraftBlock, { type: "table" }>;

const ORDINAL = /^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.?|[a-zđ]\)|\(\d+\))$/i;

/**
 * A repeated header row: the same cells, word for word, punctuation aside. A
 * scanned page's header is read anew by OCR on every page, with stray dots and
 * dashes and now and then a word lost or misread: most words of a cell, and all
 * cells but one of a wide row, must match.
 */
function sameRow(a: DraftRow, b: DraftRow): boolean {
  if (a.cells.length !== b.cells.length) return false;
  const alike = a.cells.filter((c, i) => {
    const x = cellWords(c.text);
    const y = cellWords(b.cells[i].text);
    const shared = x.filter((w) => y.includes(w)).length;
    return shared >= 0.6 * Math.max(x.length, y.length);
  }).length;
  return alike === a.cells.length || (a.cells.length >= 4 && alike >= Math.ceil(0.8 * a.cells.length));
}
const cellWords = (text: string): string[] => foldLoose(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const width = (t: TableDraft) => maxOf(t.rows, (r) => r.cells.reduce((n, c) => n + (c.colspan ?? 1), 0), 0);
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
  if (header && sameRow(header, first)) return true;
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

function mergeContinuation(above: DraftRow, row: DraftRow, below: DraftRow[]): void {
  row.cells.forEach((cell: DraftCell, i) => {
    const target = above.cells[i];
    if (!target) above.cells[i] = { ...cell };
    else if (cell.text && !cell.spanned) {
      target.text = joinCellText(target.text, cell.text);
      // Rows that inherit this merged cell copied only the part printed after the break.
      for (const r of below) {
        const copy = r.cells[i];
        if (copy?.spanned && copy.text === cell.text && r.cells.length === row.cells.length) copy.text = target.text;
        else break;
      }
    }
  });
}

const isVerticallyMerged = (cell: DraftCell | undefined) => Boolean(cell && (cell.spanned || (cell.rowspan ?? 1) > 1));

/**
 * A cell merged down to the bottom of a page piece whose column opens the next
 * piece with an empty cell: the merge was cut by the page break, and the text
 * is printed only above it. The empty cell (and the rows its merge covers)
 * inherit it.
 */
function carryVerticalMerges(above: DraftRow, rows: DraftRow[]): void {
  const first = rows[0];
  if (!first || first.cells.length !== above.cells.length) return;
  above.cells.forEach((cell, i) => {
    const opening = first.cells[i];
    if (!isVerticallyMerged(cell) || !cell.text.trim() || !opening || opening.text.trim()) return;
    for (let k = 0; k < rows.length; k++) {
      const target = rows[k].cells[i];
      // Below the opening cell, only copies of the same merged cell continue it.
      if (!target || target.text.trim() || (k > 0 && !target.spanned)) break;
      rows[k].cells[i] = { ...target, text: cell.text, bold: cell.bold, spanned: true, rowspan: undefined };
    }
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
      if (header && rows[0] && sameRow(header, rows[0])) rows = rows.slice(1);
      const first = rows[0];
      const above = prev.rows[prev.rows.length - 1];
      if (first && !(first.cells[0]?.text.trim()) && above && !above.header) {
        mergeContinuation(above, first, rows.slice(1));
        rows = rows.slice(1);
      }
      if (above && !above.header) carryVerticalMerges(above, rows);
      appendAll(prev.rows, rows);
      continue;
    }
    out.push(block);
  }
  return out;
}
