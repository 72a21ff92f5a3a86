/**
 * Fills ruled grids with the page's text: each glyph goes to the merged cell
 * under it, and each cell's lines are joined as a small paragraph (a cell keeps
 * its hard line breaks as "\n").
 *
 * Rows come out complete: a cell merged down from a row above is repeated in the
 * rows it covers as a `spanned` copy, so every row has every column.
 */
import type { DraftCell, DraftRow } from "../draft.js";
import { joinLines } from "./line-joining.js";
import type { Glyph } from "./marks.js";
import type { PlacedTable } from "./placed-table.js";
import { cellUnder, type Grid, type GridCell } from "./table-grid.js";
import { buildLines, type Word } from "./text-lines.js";
import { minOf } from "../../large-arrays.js";

/** Cell padding is guessed from the text's left inset, within these bounds. */
const MAX_PADDING = 8;

export type GridGlyphs = Map<GridCell, Glyph[]>;

/** Splits a page's glyphs into those inside a grid cell and the rest. */
export function assignToGrids(grids: Grid[], glyphs: Glyph[]): { inCells: GridGlyphs; rest: Glyph[] } {
  const rest: Glyph[] = [];
  const inCells: GridGlyphs = new Map();
  for (const g of glyphs) {
    const x = (g.x0 + g.x1) / 2;
    const y = g.base - 0.3 * g.size;
    let cell: GridCell | null = null;
    for (const grid of grids) if ((cell = cellUnder(grid, x, y))) break;
    if (!cell) rest.push(g);
    else {
      const list = inCells.get(cell);
      if (list) list.push(g);
      else inCells.set(cell, [g]);
    }
  }
  return { inCells, rest };
}

export function gridTables(grids: Grid[], inCells: GridGlyphs, page: number, keepSup: (w: Word) => boolean): PlacedTable[] {
  const tables: PlacedTable[] = [];
  for (const grid of grids) {
    const texts = new Map<GridCell, DraftCell>();
    for (const cell of grid.cells) texts.set(cell, cellText(cell, inCells.get(cell) ?? [], keepSup));
    const rows: DraftRow[] = [];
    for (let r = 0; r < grid.ys.length - 1; r++) {
      const cells: DraftCell[] = [];
      for (let c = 0; c < grid.xs.length - 1; ) {
        const cell = grid.cellAt[r][c];
        const drawn = texts.get(cell)!;
        if (cell.row === r) cells.push({ ...drawn, rowspan: cell.rowspan, colspan: cell.colspan });
        else cells.push({ ...drawn, colspan: cell.colspan, spanned: true });
        c += cell.colspan;
      }
      rows.push({ cells, page });
    }
    // Rows with no text at all are drawing artefacts (a doubled border), not data.
    const kept = rows.filter((r) => r.cells.some((c) => c.text && !c.spanned));
    if (!kept.length) continue;
    tables.push({ top: grid.ys[0], bottom: grid.ys[grid.ys.length - 1], block: { type: "table", page, rows: kept } });
  }
  return tables;
}

function cellText(cell: GridCell, glyphs: Glyph[], keepSup: (w: Word) => boolean): DraftCell {
  const lines = buildLines(glyphs);
  if (!lines.length) return { text: "" };
  const inset = minOf(lines, (l) => l.x0) - cell.x0;
  const padding = Math.max(1, Math.min(MAX_PADDING, inset));
  const text = joinLines(lines, { right: cell.x1 - padding, keepSup });
  return { text, bold: lines.every((l) => l.bold) };
}
