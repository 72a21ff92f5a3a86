/**
 * An HTML <table> → one table draft.
 *
 * Merged cells keep their rowspan/colspan; a rowspan cell is also copied, marked
 * `spanned`, into every row below that it covers, at its grid column, so every
 * row has every column (the lead agency of a merged "Cơ quan chủ trì" cell is
 * then on each task row). Header rows: rows of <th> or inside <thead>, the rows
 * a header cell's rowspan reaches into, or else the first row when the rows
 * after it open with ordinals ("1.", "I", "a)").
 */
import type { Element, ElementContent } from "hast";
import type { DraftBlock, DraftCell, DraftRow } from "../draft.js";
import { inlineText, type Flow } from "./inline-text.js";
import type { Note } from "./notes.js";
import { appendAll } from "../../large-arrays.js";

type TableDraft = Extract<DraftBlock, { type: "table" }>;

/** HTML's own ceiling for colspan; rowspans past the last row simply end there. */
const MAX_SPAN = 1000;
/** Copies of merged cells per table: real tables need hundreds; crafted ones could ask for billions. */
const MAX_SPANNED_COPIES = 200_000;
const ORDINAL = /^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.?|[a-zđ]\)|\(\d+\))$/iu;

type SourceRow = { cells: Element[]; inHead: boolean };
type Covering = { cell: DraftCell; col: number; rowsLeft: number };

export function tableDraft(table: Element, flow: Flow): { table: TableDraft | null; notes: Note[] } {
  const notes: Note[] = [];
  const rows: DraftRow[] = [];
  const headerByMarkup: boolean[] = [];
  /** Cells reaching down into the next rows, ordered by column. */
  let covering: Covering[] = [];
  let copiesLeft = MAX_SPANNED_COPIES;
  let headerRowsBelow = 0;

  for (const source of sourceRows(table)) {
    const rowPage = flow.page;
    const placed: { col: number; cell: DraftCell }[] = covering.map((c) => ({ col: c.col, cell: { ...c.cell, spanned: true } }));
    copiesLeft -= covering.length;
    let col = 0;
    let k = 0;
    let firstPage: number | null = null;
    let allHeaderCells = source.cells.length > 0;
    const reaching: Covering[] = [];
    for (const el of source.cells) {
      // Skip the columns that cells from the rows above still occupy.
      for (; k < covering.length && covering[k].col <= col; k++) col = Math.max(col, covering[k].col + (covering[k].cell.colspan ?? 1));
      const inline = inlineText(el.children as ElementContent[], flow);
      appendAll(notes, inline.notes);
      firstPage ??= inline.page;
      const rowspan = span(el.properties.rowSpan);
      const colspan = span(el.properties.colSpan);
      const cell: DraftCell = { text: inline.text, bold: inline.bold };
      if (rowspan > 1) cell.rowspan = rowspan;
      if (colspan > 1) cell.colspan = colspan;
      placed.push({ col, cell });
      if (rowspan > 1) reaching.push({ cell, col, rowsLeft: rowspan - 1 });
      if (el.tagName !== "th") allHeaderCells = false;
      col += colspan;
    }
    covering = [...covering.filter((c) => --c.rowsLeft > 0), ...reaching].sort((a, b) => a.col - b.col);
    if (copiesLeft < covering.length && covering.length) {
      // Only hostile markup gets here (rowspans over thousands of wide rows): stop copying.
      flow.warnings.push(`table: more than ${MAX_SPANNED_COPIES} merged-cell copies; later rows keep merged cells only where they start`);
      copiesLeft = 0;
      covering = [];
    }
    placed.sort((a, b) => a.col - b.col);
    const isHeader = source.inHead || allHeaderCells || headerRowsBelow > 0;
    headerRowsBelow = Math.max(headerRowsBelow - 1, 0);
    if (isHeader) for (const p of placed) if (!p.cell.spanned) headerRowsBelow = Math.max(headerRowsBelow, (p.cell.rowspan ?? 1) - 1);
    rows.push({ cells: placed.map((p) => p.cell), page: firstPage ?? rowPage });
    headerByMarkup.push(isHeader);
  }
  if (!rows.length) return { table: null, notes };

  // Header marking only from the top: a <th> row in the middle is a section label, not a header.
  for (let i = 0; i < rows.length && headerByMarkup[i]; i++) rows[i].header = true;
  if (!rows[0].header && firstRowIsHeader(rows)) rows[0].header = true;
  return { table: { type: "table", page: rows[0].page, rows }, notes };
}

function firstRowIsHeader(rows: DraftRow[]): boolean {
  const [first, ...rest] = rows;
  const lead = (r: DraftRow) => r.cells[0]?.text.trim() ?? "";
  if (!rest.length || ORDINAL.test(lead(first)) || first.cells.filter((c) => c.text.trim()).length < 2) return false;
  const next = rest.slice(0, 3).filter((r) => lead(r));
  return next.length > 0 && next.every((r) => ORDINAL.test(lead(r)));
}

function span(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_SPAN) : 1;
}

/** The rows of this table only (not of tables nested in its cells), in order. */
function sourceRows(table: Element): SourceRow[] {
  const out: SourceRow[] = [];
  const visit = (parent: Element, inHead: boolean) => {
    for (const child of parent.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "tr") out.push({ cells: child.children.filter(isCell), inHead });
      else if (child.tagName === "thead" || child.tagName === "tbody" || child.tagName === "tfoot")
        visit(child, inHead || child.tagName === "thead");
    }
  };
  visit(table, false);
  return out;
}

const isCell = (n: ElementContent): n is Element => n.type === "element" && (n.tagName === "td" || n.tagName === "th");
