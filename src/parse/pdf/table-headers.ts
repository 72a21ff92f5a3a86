/**
 * Header rows of PDF tables. A PDF says nothing about headers, but it shows
 * them two ways: a row repeated at the top of the table's next page piece, and
 * leading rows set entirely in bold (that are not numbered section rows).
 */
import { foldLoose } from "../../normalise/fold.js";
import type { DraftRow } from "../draft.js";
import type { TableDraft } from "./placed-table.js";

const ORDINAL = /^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.?|[a-zđ]\)|\(\d+\))(?:\s|$)/iu;

const rowKey = (row: DraftRow) => row.cells.map((c) => foldLoose(c.text).replace(/\s+/g, " ").trim()).join("|");

export function markPdfHeaderRows(tables: TableDraft[]): void {
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const next = tables.slice(i + 1).find((n) => n.page > t.page);
    const first = t.rows[0];
    if (!first) continue;
    if (next && next.page === t.page + 1 && next.rows[0] && rowKey(next.rows[0]) === rowKey(first) && t.rows.length > 1) {
      first.header = true;
      next.rows[0].header = true;
      continue;
    }
    if (t.rows.some((r) => r.header)) continue;
    for (const row of t.rows.slice(0, -1)) {
      const filled = row.cells.filter((c) => c.text.trim() && !c.spanned);
      const opener = row.cells[0]?.text.trim() ?? "";
      if (filled.length < 2 || !filled.every((c) => c.bold) || ORDINAL.test(opener)) break;
      row.header = true;
    }
  }
}
