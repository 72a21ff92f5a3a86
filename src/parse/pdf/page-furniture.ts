/**
 * Running headers, footers and page numbers: lines at the top or bottom edge
 * of the text that are a page number, or that repeat (digits aside) on many
 * pages. They are dropped before paragraphs are built.
 */
import { wordsText, type Line } from "./text-lines.js";

export type PageLines = { number: number; height: number; lines: Line[] };

/** Outer share of the page height where running lines live. */
const EDGE = 0.14;
const EDGE_LINES = 2;
/** Gap (in ems) that sets a running line apart from the text next to it. */
const ISOLATION = 1.4;
const PAGE_NUMBER = /^(?:[-–]\s*)?(\d{1,4})(?:\s*[-–])?$|^(?:trang|page)\s+(\d{1,4})(?:\s*(?:\/|of|trên)\s*\d{1,4})?$/iu;

export function dropPageFurniture(pages: PageLines[]): void {
  // A header may sit under the page number (or a footer over it), so the first (last) one
  // or two lines are candidates — when they stand apart from the text, as running lines do
  // and a table header repeated on every page does not.
  const edgeLines = (p: PageLines) => {
    const out = new Set<Line>();
    const apart = (a: Line, b: Line | undefined) => !b || Math.abs(b.base - a.base) > ISOLATION * Math.max(a.size, b.size);
    const top = p.lines.slice(0, EDGE_LINES);
    const bottom = p.lines.slice(-EDGE_LINES).reverse();
    for (const [run, inBand, next] of [
      [top, (l: Line) => l.base < EDGE * p.height, (k: number) => p.lines[k]],
      [bottom, (l: Line) => l.base > (1 - EDGE) * p.height, (k: number) => p.lines[p.lines.length - 1 - k]],
    ] as const) {
      for (let k = run.length; k >= 1; k--) {
        const block = run.slice(0, k);
        if (block.every(inBand) && apart(block[k - 1], next(k))) {
          for (const l of block) out.add(l);
          break;
        }
      }
    }
    return [...out];
  };
  const edges = new Map(pages.map((p) => [p, edgeLines(p)]));
  const key = (l: Line) => wordsText(l.words).replace(/\d+/g, "#").toLocaleLowerCase("vi");
  const repeats = new Map<string, number>();
  for (const p of pages) for (const k of new Set(edges.get(p)!.map(key))) repeats.set(k, (repeats.get(k) ?? 0) + 1);

  // Page numbers agree with the page order: the printed number minus the page index is constant.
  const offsets = new Map<number, number>();
  for (const p of pages)
    for (const l of edges.get(p)!) {
      const n = pageNumberOf(l);
      if (n !== null) offsets.set(n - p.number, (offsets.get(n - p.number) ?? 0) + 1);
    }

  for (const p of pages) {
    const drop = new Set<Line>();
    for (const l of edges.get(p)!) {
      const n = pageNumberOf(l);
      if (n !== null && ((offsets.get(n - p.number) ?? 0) >= 2 || (pages.length === 1 && n === 1))) drop.add(l);
      else if (pages.length >= 3 && (repeats.get(key(l)) ?? 0) >= Math.max(2, pages.length / 2) && key(l).length < 120) drop.add(l);
    }
    if (drop.size) p.lines = p.lines.filter((l) => !drop.has(l));
  }
}

function pageNumberOf(line: Line): number | null {
  const m = wordsText(line.words).trim().match(PAGE_NUMBER);
  if (!m) return null;
  return Number(m[1] ?? m[2]);
}
