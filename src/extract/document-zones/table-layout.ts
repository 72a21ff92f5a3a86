/** Table column layouts: roles from the header row, and the column of each cell. */
import type { Row, TableBlock } from "../../../schemas/document.js";
import { columnRoles, type ColumnRole } from "../registries/columns.js";

export type TableLayout = {
  /** Role of each column, by position after expanding column spans. */
  roles: (ColumnRole | null)[];
  /** Indicator table (Chỉ tiêu | Đơn vị tính | Mục tiêu | Kết quả). */
  indicator: boolean;
};

/** Column roles from the table's header row (the first row when none is marked). */
export function tableLayout(t: TableBlock): TableLayout {
  const header = t.rows.find((r) => r.header) ?? t.rows[0];
  const texts: string[] = [];
  for (const c of header?.cells ?? []) for (let k = 0; k < c.colspan; k++) texts.push(k ? "" : c.text.replace(/<[^>]+>/g, ""));
  const roles = columnRoles(texts);
  return { roles, indicator: roles.includes("indicator") || roles.includes("unit") };
}

/** The column index of each cell of a row (column spans shift later cells). */
export function cellColumns(row: Row): number[] {
  const cols: number[] = [];
  let col = 0;
  for (const c of row.cells) {
    cols.push(col);
    col += c.colspan;
  }
  return cols;
}
