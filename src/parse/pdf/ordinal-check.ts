/**
 * A check on tables read from geometry: the ordinals in the first column
 * ("1", "2", "2.1", "II") should run on without gaps. A gap means a row was
 * missed or merged into the one above it, which the rows themselves cannot
 * show; it is reported as a warning, with the page.
 *
 * Allowed steps: the next number at the same depth (2.1 → 2.2), one level down
 * (2 → 2.1), back up with the next number (2.3 → 3), and a restart at 1 (each
 * section may number its rows afresh). Section rows ("I", "II") run on too.
 */
import type { DraftBlock, DraftRow } from "../draft.js";
import { message } from "../draft.js";
import type { Message } from "../../../schemas/document.js";

const ARABIC = /^(\d{1,3}(?:\.\d{1,3})*)\.?$/;
const ROMAN = /^([IVXLC]+)\.?(?:\s|$)/;

const romanValue = (s: string) => {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) total += v[s[i]] < (v[s[i + 1]] ?? 0) ? -v[s[i]] : v[s[i]];
  return total;
};

function follows(prev: number[] | null, next: number[]): boolean {
  if (!prev) return true;
  if (next.length === 1 && next[0] === 1) return true;
  if (next.length === prev.length + 1 && next[next.length - 1] === 1 && prev.every((n, i) => n === next[i])) return true;
  if (next.length <= prev.length)
    return next.slice(0, -1).every((n, i) => n === prev[i]) && next[next.length - 1] === prev[next.length - 1] + 1;
  return false;
}

/** Warnings for the tables of a document. */
export function checkOrdinals(blocks: DraftBlock[]): Message[] {
  const warnings: Message[] = [];
  let arabic: number[] | null = null;
  let roman = 0;
  // Adjacent tables (footnotes aside) are page pieces of one table, as the shared joiner takes them.
  let adjacent = false;
  for (const b of blocks) {
    if (b.type === "footnote") continue;
    if (b.type !== "table") {
      adjacent = false;
      continue;
    }
    if (!adjacent) {
      arabic = null;
      roman = 0;
    }
    adjacent = true;
    for (const row of b.rows) {
      if (row.header) continue;
      const lead = leadOf(row);
      const n = lead.match(ARABIC);
      if (n) {
        const value = n[1].split(".").map(Number);
        if (!follows(arabic, value)) warnings.push(message("parse-pdf", `table row "${lead}" follows "${arabic!.join(".")}": a row may be missing or merged`, row.page));
        arabic = value;
        continue;
      }
      const r = lead.match(ROMAN);
      if (r) {
        const value = romanValue(r[1]);
        if (roman && value !== roman + 1) warnings.push(message("parse-pdf", `table section "${r[1]}" follows section ${roman}: a row may be missing or merged`, row.page));
        roman = value;
      }
    }
  }
  return warnings;
}

const leadOf = (row: DraftRow) => (row.cells[0]?.text ?? "").trim();
