/**
 * A table's rows laid out on its columns, for the extractors that read tables by
 * column (tasks, indicator metrics): a cell merged across columns (colspan) stands in
 * every column it covers, and a cell merged down (rowspan) fills the rows below when
 * the parser did not copy it there already (`spanned` copies).
 */
import type { Cell, Row, TableBlock } from "../../schemas/document.js";
import { maxOf } from "../large-arrays.js";

export type Grid = { row: Row; cells: (Cell | null)[] }[];

/** Rows laid out on columns: colspans repeat their cell, rowspans fill the rows below when the parser did not. */
export function tableGrid(table: TableBlock): { rows: Grid; width: number } {
  const width = maxOf(table.rows, (r) => r.cells.reduce((n, c) => n + c.colspan, 0), 0);
  const carry: ({ cell: Cell; left: number } | null)[] = new Array(width).fill(null);
  const rows: Grid = [];
  for (const row of table.rows) {
    const own = row.cells.reduce((n, c) => n + c.colspan, 0);
    const fill = own < width;
    const cells: (Cell | null)[] = [];
    const takeCarry = () => {
      while (fill && cells.length < width && carry[cells.length] && carry[cells.length]!.left > 0) {
        const c = carry[cells.length]!;
        c.left--;
        cells.push({ ...c.cell, spanned: true });
      }
    };
    takeCarry();
    for (const cell of row.cells) {
      const col = cells.length;
      for (let s = 0; s < cell.colspan && cells.length < width; s++) cells.push(cell);
      if (!cell.spanned && cell.rowspan > 1) carry[col] = { cell, left: cell.rowspan - 1 };
      else if (carry[col] && !cell.spanned) carry[col] = null;
      takeCarry();
    }
    while (cells.length < width) cells.push(null);
    rows.push({ row, cells });
  }
  return { rows, width };
}

