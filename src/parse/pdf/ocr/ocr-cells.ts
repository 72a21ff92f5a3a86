/**
 * Table cells on pages read by OCR: the box of each ruled cell and how sure
 * Tesseract was of its words, carried to the document model's cells.
 *
 * The cells are the grid the ruled-table code finds in the rules of the image
 * (table-grid.ts), and a word belongs to the cell under its middle, as its
 * letters do when the table is laid out. A laid-out cell is matched to the
 * page's grid cell holding the same words (in order of the rows, then the
 * columns, where several hold the same): a cell that a page break joined
 * with the piece on the next page matches none and keeps no box.
 */
import type { DocumentModel, OcrLine } from "../../../../schemas/document.js";
import type { Rule } from "../marks.js";
import { cellUnder, findGrids, type GridCell } from "../table-grid.js";

type Box = OcrLine["box"];

/** A ruled cell of an OCR'd page: its words (cellWords form), box in points and mean word confidence. */
export type OcrCellDraft = { page: number; words: string; box: Box; confidence: number };

/** A word as laid out: its middle in points, its text and confidence. */
export type PlacedWord = { x: number; y: number; text: string; conf: number };

export function ocrCells(page: number, rules: Rule[], words: PlacedWord[]): OcrCellDraft[] {
  const grids = findGrids(rules);
  if (!grids.length) return [];
  const held = new Map<GridCell, PlacedWord[]>();
  for (const w of words)
    for (const grid of grids) {
      const cell = cellUnder(grid, w.x, w.y);
      if (!cell) continue;
      held.set(cell, [...(held.get(cell) ?? []), w]);
      break;
    }
  return [...held]
    .sort(([a], [b]) => a.y0 - b.y0 || a.x0 - b.x0)
    .map(([c, ws]) => ({
      page,
      words: cellWords(ws.map((w) => w.text).join(" ")),
      box: { x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 },
      confidence: Math.round((ws.reduce((s, w) => s + w.conf, 0) / ws.length) * 10) / 10,
    }));
}

/** A cell's words, whitespace aside, in a fixed order: what layout keeps of them whichever way it ordered the lines. */
const cellWords = (text: string) => text.split(/\s+/).filter(Boolean).sort().join(" ");

/** Each table cell of the model that holds the same words as an OCR'd grid cell on its row's page gets that cell's box and confidence. */
export function boxCells(model: DocumentModel, cells: OcrCellDraft[]): void {
  const waiting = new Map<string, OcrCellDraft[]>();
  for (const c of cells) {
    const k = `${c.page}|${c.words}`;
    waiting.set(k, [...(waiting.get(k) ?? []), c]);
  }
  for (const b of model.blocks) {
    if (b.type !== "table") continue;
    for (const row of b.rows)
      for (const cell of row.cells) {
        if (cell.spanned || !cell.text.trim()) continue;
        const match = waiting.get(`${row.page}|${cellWords(cell.text)}`)?.shift();
        if (!match) continue;
        cell.box = match.box;
        cell.confidence = match.confidence;
      }
  }
}
