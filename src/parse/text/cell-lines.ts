/**
 * Tables saved from web pages as "one cell per line": every cell's lines sit between
 * lines holding only "|", each row opens and closes with such a line, so a row ends
 * where two "|" lines meet:
 *
 *     |                 ← row 1 opens
 *     **TT**
 *     |
 *     **Nội dung**
 *     |                 ← row 1 closes …
 *     |                 ← … row 2 opens
 *     1
 *     |
 *     Tuyên truyền …
 *     |
 *
 * An empty cell is two "|" lines in a row too, so the column count is read from the
 * whole run: the smallest N for which the run is whole rows of N cells with nothing
 * between one row's closing "|" and the next row's opening one. Letterheads and
 * signatures arrive in this layout as well (issuer | motto, "Số:" | place and date);
 * the structure stage unwraps those.
 *
 * Inside a cell the web page wrapped lines at a fixed width, so a line break is a wrap
 * (a space: "… cấp xã thực" / "hiện công bố", "Xuân" / "Lộc (xã Xuân Lộc)") unless it
 * ends a unit of its own: a list item follows ("- ", "+ ", "a) "), the line ends a
 * sentence or label (". ; :"), an emphasis closes at the line end or opens at the next
 * line's start ("**ỦY BAN NHÂN DÂN**" / "**TỈNH HÀ TĨNH**"), or either line is all
 * capitals (letterhead and signature lines: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name).
 * Inside an open emphasis it is always a wrap ("**CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT
 * NAM**", "*Hà Nội, ngày 02" / "tháng 12 năm 2025*"). Lines of only dashes or
 * underscores (the rule under the issuer and the motto) are dropped.
 */
import type { DraftBlock, DraftRow } from "../draft.js";
import { isWhitespaceCode } from "./clean-and-tidy.js";
import { markdownCell } from "./tables.js";

/** A line holding one "|" and blanks. */
export function isLonePipe(line: string): boolean {
  let k = 0;
  while (k < line.length && isWhitespaceCode(line.charCodeAt(k))) k++;
  if (line.charCodeAt(k) !== 124) return false;
  k++;
  while (k < line.length && isWhitespaceCode(line.charCodeAt(k))) k++;
  return k === line.length;
}

const isBlank = (line: string | undefined) => line !== undefined && line.trim() === "";

/**
 * Where a run that opens with a lone "|" at `from` ends (exclusive): at the first lone
 * "|" followed by a blank line or the end of the page; `end` 0 when the run holds fewer
 * than three "|" lines (not a table of two cells or more). `searched`: no run opening
 * before this line can succeed either, so the caller need not ask again until then
 * (keeps a page of stray "|" lines linear).
 */
export function cellRunEnd(lines: string[], from: number): { end: number; searched: number } {
  let pipes = 0;
  for (let i = from; i < lines.length; i++) {
    if (!isLonePipe(lines[i])) continue;
    pipes++;
    if (i + 1 >= lines.length || isBlank(lines[i + 1])) return { end: pipes >= 3 ? i + 1 : 0, searched: i + 1 };
  }
  return { end: 0, searched: lines.length };
}

/** The run's lines → one draft table (null when it is not whole rows). */
export function cellLinesTable(lines: string[], page: number): DraftBlock | null {
  const gaps: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (isLonePipe(line)) {
      if (current) gaps.push(current);
      current = [];
    } else current?.push(line);
  }
  const rows = (uniformRows(gaps) ?? rowsByBoundaries(gaps)).map(
    (cells): DraftRow => ({ page, cells: cells.map((g) => markdownCell(unwrapCellLines(g))) }),
  );
  if (!rows.length) return null;
  let width = 0;
  for (const r of rows) width = Math.max(width, r.cells.length);
  for (const r of rows) while (r.cells.length < width) r.cells.push({ text: "" });
  return { type: "table", page, rows };
}

/** Rows of one width: the smallest N that makes the gaps whole rows of N cells, or null. */
function uniformRows(gaps: string[][]): string[][][] | null {
  const width = columnCount(gaps);
  if (!width) return null;
  const rows: string[][][] = [];
  for (let at = 0; at < gaps.length; at += width + 1) rows.push(gaps.slice(at, at + width));
  return rows;
}

/**
 * Rows whose cells a merge left out (HTML writes no cell where a rowspan or colspan
 * covers it): every empty gap ends a row, and a further empty gap right after it is an
 * empty first cell of the next row. An empty cell inside a row cannot be told from a
 * row end in this layout; it ends the row.
 */
function rowsByBoundaries(gaps: string[][]): string[][][] {
  const rows: string[][][] = [];
  let row: string[][] = [];
  let boundary = false;
  for (const g of gaps) {
    const empty = g.every((l) => !l.trim());
    if (empty && row.length && !boundary) {
      rows.push(row);
      row = [];
      boundary = true;
      continue;
    }
    row.push(g);
    boundary = false;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** The smallest column count that makes the gaps whole rows, or 0. */
function columnCount(gaps: string[][]): number {
  const empty = gaps.map((g) => g.every((l) => !l.trim()));
  // Rows of N cells give N gaps per row and one empty gap between rows: (N + 1) · rows − 1 gaps.
  for (let n = 1; n <= Math.min(gaps.length, 64); n++) {
    if ((gaps.length + 1) % (n + 1) !== 0) continue;
    let whole = true;
    for (let j = n; j < gaps.length && whole; j += n + 1) whole = empty[j];
    if (whole) return n;
  }
  return 0;
}

const RULE_LINE = /^\s*(?:\*\*)?\s*[-_=–—.]{3,}\s*(?:\*\*)?\s*$/u;
const LIST_START = /^(?:[-+•–]\s|[a-zđ]\)\s|\d+(?:\.\d+)*[.)]\s)/u;
const UNIT_END = /[.;:!?]\**$/u;

const isCapitals = (line: string) => {
  const letters = line.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toLocaleUpperCase("vi");
};

/** A cell's lines with the page's wraps undone (see the module comment); real line breaks kept. */
export function unwrapCellLines(lines: string[]): string {
  let out = "";
  let prev = "";
  let open = 0; // emphasis delimiters open at the end of the text so far (0 or 1)
  for (const raw of lines) {
    if (RULE_LINE.test(raw) || !raw.trim()) continue;
    const line = raw.trim();
    if (out) {
      const wrap =
        open > 0 ||
        !(LIST_START.test(line) || UNIT_END.test(prev) || prev.endsWith("*") || line.startsWith("*") || isCapitals(prev) || isCapitals(line));
      out += wrap ? " " : "\n";
    }
    out += line;
    prev = line;
    open = (open + emphasisMarkers(line)) % 2;
  }
  return out;
}

/** How many emphasis delimiters ("**" or a lone "*") a line holds. */
function emphasisMarkers(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== "*") continue;
    if (line[i + 1] === "*") i++;
    n++;
  }
  return n;
}
