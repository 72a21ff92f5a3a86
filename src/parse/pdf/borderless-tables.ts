/**
 * Tables drawn without ruling lines, found from text positions alone: data
 * tables whose borders were left out, and the layout tables of the document
 * header (issuer | national motto) and signature block ("Nơi nhận" | signer),
 * whose cells are centred.
 *
 *   - Columns: a line that breaks into pieces at blanks wider than any word
 *     space (beyond the spaces drawn there) is a table line. The pieces of such lines,
 *     overlaid, leave empty vertical bands (gutters) between them; the spans in
 *     between are the columns. The table runs up and down through neighbouring
 *     lines whose pieces each stay inside one column (a cell's wrapped lines, a
 *     header stacked word by word in a narrow column); a line crossing a gutter
 *     is running text and ends it.
 *   - Rows: a new row starts where the first column holds an ordinal ("I",
 *     "1.", "2.1"); before the first ordinal (the header, or the rest of a row cut
 *     by the page break) and in tables without ordinals, a row starts after a
 *     vertical gap wider than the line pitch inside cells.
 */
import type { DraftCell, DraftRow } from "../draft.js";
import { joinLines } from "./line-joining.js";
import type { BodyFrame } from "./body-frame.js";
import type { PlacedTable } from "./placed-table.js";
import type { Line, Word } from "./text-lines.js";
import { maxOf } from "../../large-arrays.js";

/** Blank wider than this (in ems, beyond any drawn space) separates columns. */
const COLUMN_GAP = 0.75;
/** A line alone makes a table only across a gap this wide (in ems): "Số: 12/KH-UBND … Phú Thịnh, ngày …". */
const LONE_LINE_GAP = 3;
/** Consecutive lines of one table are at most this many cell line pitches apart (rows add cell padding). */
const MAX_ROW_STEP = 1.35;
const ORDINAL = /^(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*)\.?(?:\s|$)|^[a-zđ]\)(?:\s|$)|^\(\d{1,3}\)(?:\s|$)/u;

type Piece = { words: Word[]; x0: number; x1: number };
type TableLine = { line: Line; pieces: Piece[] };
type Column = { x0: number; x1: number };

export function findBorderlessTables(
  lines: Line[],
  frame: BodyFrame,
  page: number,
  keepSup: (w: Word) => boolean,
): { tables: PlacedTable[]; rest: Line[] } {
  const split: TableLine[] = lines.map((line) => ({ line, pieces: piecesOf(line) }));
  const tables: PlacedTable[] = [];
  const used = new Set<Line>();
  for (let i = 0; i < split.length; i++) {
    if (split[i].pieces.length < 2 || used.has(split[i].line)) continue;
    const region = growRegion(split, i, frame, (t) => used.has(t.line));
    if (!region) continue;
    const table = toTable(region.lines, region.columns, frame, page, keepSup);
    if (!table) continue;
    tables.push(table);
    for (const t of region.lines) used.add(t.line);
  }
  return { tables, rest: lines.filter((l) => !used.has(l)) };
}

function piecesOf(line: Line): Piece[] {
  const out: Piece[] = [];
  for (const w of line.words) {
    const last = out[out.length - 1];
    if (last && w.gapBefore <= COLUMN_GAP * line.size) {
      last.words.push(w);
      last.x1 = Math.max(last.x1, w.x1);
    } else out.push({ words: [w], x0: w.x0, x1: w.x1 });
  }
  return out;
}

/** The spans the pieces of multi-piece lines cover, merged where they overlap. */
function columnsOf(lines: TableLine[]): Column[] {
  let columns: Column[] = [];
  for (const t of lines) if (t.pieces.length >= 2) columns = withPieces(columns, t.pieces);
  return columns;
}

/** Columns widened by a line's pieces (spans merged where they overlap). */
function withPieces(columns: Column[], pieces: Piece[]): Column[] {
  const spans = [...columns, ...pieces.map((p) => ({ x0: p.x0, x1: p.x1 }))].sort((a, b) => a.x0 - b.x0);
  const out: Column[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Index of the column a piece belongs to (the side of each gutter its centre is
 * on), or -1 when it runs across a gutter. A piece may reach into a gutter: the
 * lines of a centred cell are not all as wide as the ones that set the columns.
 */
function columnOf(p: Piece, columns: Column[], slack: number): number {
  const centre = (p.x0 + p.x1) / 2;
  let c = 0;
  for (let g = 0; g + 1 < columns.length; g++) {
    const from = columns[g].x1;
    const to = columns[g + 1].x0;
    if (p.x0 < from + slack && p.x1 > to - slack) return -1;
    if (centre > (from + to) / 2) c = g + 1;
  }
  return c;
}

const fits = (t: TableLine, columns: Column[]) => t.pieces.every((p) => columnOf(p, columns, 0.5 * t.line.size) >= 0);

function growRegion(split: TableLine[], start: number, frame: BodyFrame, taken: (t: TableLine) => boolean): { lines: TableLine[]; columns: Column[] } | null {
  let first = start;
  let end = start + 1;
  let columns = columnsOf([split[start]]);
  // Baseline step of lines within a cell: the smallest step inside the table so far.
  let cellPitch = Infinity;
  const step = (k: number) => split[k].line.base - split[k - 1].line.base;
  // Rows of a table are a little further apart than its lines, paragraphs further still.
  const near = (k: number) => {
    const size = Math.max(split[k].line.size, split[k - 1].line.size);
    return step(k) <= MAX_ROW_STEP * Math.min(cellPitch, frame.pitch, 1.2 * size);
  };
  const tryAdd = (k: number): boolean => {
    const candidate = split[k];
    if (candidate.pieces.length < 2) return fits(candidate, columns);
    const wider = withPieces(columns, candidate.pieces);
    if (wider.length < 2 || !fits(candidate, wider)) return false;
    for (let j = first; j < end; j++) if (!fits(split[j], wider)) return false;
    columns = wider;
    return true;
  };
  const grew = (k: number) => {
    if (step(k) > 0.5 * split[k].line.size) cellPitch = Math.min(cellPitch, step(k));
  };
  while (end < split.length && near(end) && tryAdd(end)) grew(end++);
  while (first > 0 && !taken(split[first - 1]) && near(first) && tryAdd(first - 1)) grew(first--);
  const lines = split.slice(first, end);
  if (columns.length < 2) return null;
  const multi = lines.filter((t) => t.pieces.length >= 2);
  const singleColumns = new Set(lines.filter((t) => t.pieces.length === 1).map((t) => columnOf(t.pieces[0], columns, 0)));
  const widest = maxOf(multi.flatMap((t) => t.pieces.slice(1).map((p) => p.words[0].gapBefore / t.line.size)), Number);
  const evident = multi.length >= 2 || singleColumns.size >= 2 || (lines.length === 1 && widest >= LONE_LINE_GAP);
  return evident ? { lines, columns } : null;
}

function toTable(lines: TableLine[], columns: Column[], frame: BodyFrame, page: number, keepSup: (w: Word) => boolean): PlacedTable | null {
  const rows = splitRows(lines, columns);
  // Text reaches `right` (its widest line); a word could have gone as far as the middle of the gutter.
  const right = columns.map((_, c) =>
    maxOf(lines.flatMap((t) => t.pieces.filter((p) => columnOf(p, columns, 0) === c).map((p) => p.x1)), Number),
  );
  const room = columns.map((col, c) => (c + 1 < columns.length ? (col.x1 + columns[c + 1].x0) / 2 : Math.max(frame.right, right[c])));
  const draftRows: DraftRow[] = rows.map((rowLines) => {
    const cells: DraftCell[] = columns.map((_, c) => {
      const cellLines: Line[] = [];
      for (const t of rowLines) {
        const words = t.pieces.filter((p) => columnOf(p, columns, 0) === c).flatMap((p) => p.words);
        if (words.length)
          cellLines.push({ ...t.line, words, x0: words[0].x0, x1: maxOf(words, (w) => w.x1), bold: words.every((w) => w.bold || !/\p{L}/u.test(w.text)) });
      }
      const text = joinLines(cellLines, { right: right[c], room: room[c], keepSup });
      return { text, bold: cellLines.length > 0 && cellLines.every((l) => l.bold) };
    });
    return { cells, page };
  });
  if (!draftRows.length) return null;
  const top = lines[0].line.base - lines[0].line.size;
  const last = lines[lines.length - 1].line;
  return { top, bottom: last.base + 0.3 * last.size, block: { type: "table", page, rows: draftRows, borderless: true } };
}

function splitRows(lines: TableLine[], columns: Column[]): TableLine[][] {
  const firstColumn = (t: TableLine) =>
    t.pieces
      .filter((p) => columnOf(p, columns, 0) === 0)
      .flatMap((p) => p.words.map((w) => w.text))
      .join(" ");
  const ordinal = lines.map((t) => ORDINAL.test(firstColumn(t)));
  const deltas = lines.slice(1).map((t, k) => t.line.base - lines[k].line.base);
  const pitch = [...deltas].sort((a, b) => a - b)[Math.floor(deltas.length / 4)] ?? 0;
  const gapBefore = (k: number) => k > 0 && deltas[k - 1] > 1.15 * pitch;
  const firstOrdinal = ordinal.indexOf(true);
  const rows: TableLine[][] = [];
  lines.forEach((t, k) => {
    const starts = k === 0 || (firstOrdinal >= 0 ? ordinal[k] || (k < firstOrdinal && gapBefore(k)) : gapBefore(k));
    if (starts) rows.push([t]);
    else rows[rows.length - 1].push(t);
  });
  return rows;
}
