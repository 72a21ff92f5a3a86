/**
 * Ruled tables: grids found in a page's ruling segments.
 *
 * Segments that touch form one table. Its distinct vertical positions are the
 * column edges and its distinct horizontal positions the row edges; a missing
 * inner segment between two grid cells means they are one merged cell (a
 * colspan when the vertical piece is missing, a rowspan when the horizontal
 * piece is).
 */
import type { Rule } from "./marks.js";

export type GridCell = { row: number; col: number; rowspan: number; colspan: number; x0: number; x1: number; y0: number; y1: number };

export type Grid = {
  /** Column edges, left to right. */
  xs: number[];
  /** Row edges, top to bottom. */
  ys: number[];
  /** Every grid position → the merged cell covering it. */
  cellAt: GridCell[][];
  cells: GridCell[];
};

/** Positions closer than this are the same line (double rules, rounding). */
const SNAP = 2.5;
/** Share of a grid edge a segment must cover to count as drawn. */
const COVER = 0.6;

export function findGrids(rules: Rule[]): Grid[] {
  const h = mergeCollinear(rules.filter((r) => r.axis === "h"));
  const v = mergeCollinear(rules.filter((r) => r.axis === "v"));
  const all = [...h, ...v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < h.length; i++)
    for (let j = 0; j < v.length; j++)
      if (touches(h[i], v[j])) parent[find(i)] = find(h.length + j);
  const groups = new Map<number, Rule[]>();
  all.forEach((r, i) => {
    const k = find(i);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const grid = gridOf(group);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0] - b.ys[0]);
}

const touches = (h: Rule, v: Rule) =>
  v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;

/** Pieces of one line drawn as several segments become one segment each run. */
function mergeCollinear(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const same = out.filter((o) => Math.abs(o.at - r.at) <= SNAP && r.from <= o.to + SNAP && r.to >= o.from - SNAP);
    if (same.length) {
      const o = same[0];
      o.from = Math.min(o.from, r.from);
      o.to = Math.max(o.to, r.to);
    } else out.push({ ...r });
  }
  return out;
}

function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

function covered(segments: Rule[], at: number, from: number, to: number): boolean {
  const len = to - from;
  if (len <= 0) return true;
  let sum = 0;
  for (const s of segments) {
    if (Math.abs(s.at - at) > SNAP) continue;
    sum += Math.max(0, Math.min(s.to, to) - Math.max(s.from, from));
  }
  return sum >= COVER * len;
}

function gridOf(rules: Rule[]): Grid | null {
  const h = rules.filter((r) => r.axis === "h");
  const v = rules.filter((r) => r.axis === "v");
  const ys = positions(h.map((r) => r.at));
  const xs = positions(v.map((r) => r.at));
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows * cols < 2) return null; // a frame around a paragraph, not a table
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(v, xs[c + 1], ys[r], ys[r + 1])) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(h, ys[r + 1], xs[c], xs[c + 1])) union(r * cols + c, (r + 1) * cols + c);
    }
  const byRoot = new Map<number, GridCell>();
  const cellAt: GridCell[][] = Array.from({ length: rows }, () => new Array<GridCell>(cols));
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      let cell = byRoot.get(root);
      if (!cell) {
        cell = { row: r, col: c, rowspan: 1, colspan: 1, x0: xs[c], x1: xs[c + 1], y0: ys[r], y1: ys[r + 1] };
        byRoot.set(root, cell);
      }
      cell.rowspan = Math.max(cell.rowspan, r - cell.row + 1);
      cell.colspan = Math.max(cell.colspan, c - cell.col + 1);
      cell.x1 = Math.max(cell.x1, xs[c + 1]);
      cell.y1 = Math.max(cell.y1, ys[r + 1]);
      cellAt[r][c] = cell;
    }
  return { xs, ys, cellAt, cells: [...byRoot.values()] };
}

/** The merged cell under a point, or null outside the grid. */
export function cellUnder(grid: Grid, x: number, y: number): GridCell | null {
  const { xs, ys } = grid;
  if (x < xs[0] || x > xs[xs.length - 1] || y < ys[0] || y > ys[ys.length - 1]) return null;
  let c = 0;
  while (c < xs.length - 2 && x > xs[c + 1]) c++;
  let r = 0;
  while (r < ys.length - 2 && y > ys[r + 1]) r++;
  return grid.cellAt[r][c];
}
