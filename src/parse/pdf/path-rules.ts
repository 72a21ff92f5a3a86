/**
 * Ruling segments from drawn paths: the straight horizontal and vertical pieces
 * of stroked paths, and filled rectangles thin enough to be lines (producers
 * draw table borders and the footnote separator either way). Curves and
 * thicker fills (shading) are not rules.
 */
import { OPS } from "./pdfjs.js";
import type { Rule } from "./marks.js";
import { maxOf, minOf } from "../../large-arrays.js";

// pdf.js path opcodes inside constructPath (its DrawOPS, which it does not export).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

/** Thicker filled shapes are shading, not rules. */
const MAX_RULE_THICKNESS = 2.5;
const MIN_RULE_LENGTH = 3;

const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

const apply = (m: number[], x: number, y: number): number[] => [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];

/** Adds the rules a constructPath operation draws; `m` maps user space to the page. */
export function addPathRules(paint: number, data: ArrayLike<number> | null, m: number[], rules: Rule[]): void {
  const stroke = STROKES.has(paint);
  const fill = FILLS.has(paint);
  if (!data || (!stroke && !fill)) return; // clipping paths and endPath draw nothing
  for (const points of subpaths(data, m)) {
    if (fill && thinBox(points, rules)) continue;
    if (stroke) segmentsOf(points, rules);
  }
}

/** Polylines on the page; a curve leaves a gap (NaN point) so it never reads as a rule. */
function subpaths(data: ArrayLike<number>, m: number[]): number[][][] {
  const out: number[][][] = [];
  let points: number[][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      if (points.length) out.push(points);
      points = [apply(m, data[i++], data[i++])];
    } else if (op === LINE_TO) points.push(apply(m, data[i++], data[i++]));
    else if (op === CURVE_TO) {
      i += 4;
      points.push([NaN, NaN], apply(m, data[i++], data[i++]));
    } else if (op === CLOSE_PATH) {
      if (points.length) points.push(points[0]);
    } else break;
  }
  if (points.length) out.push(points);
  return out;
}

/** A filled shape thin in one direction is a rule; true when the shape was a line or a dot. */
function thinBox(points: number[][], rules: Rule[]): boolean {
  const finite = points.filter((p) => Number.isFinite(p[0]));
  if (finite.length < 3) return false;
  const xs = finite.map((p) => p[0]);
  const ys = finite.map((p) => p[1]);
  const x0 = minOf(xs, Number);
  const x1 = maxOf(xs, Number);
  const y0 = minOf(ys, Number);
  const y1 = maxOf(ys, Number);
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) rules.push({ axis: "h", at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) rules.push({ axis: "v", at: (x0 + x1) / 2, from: y0, to: y1 });
  else if (w > MAX_RULE_THICKNESS && h > MAX_RULE_THICKNESS) return false;
  return true;
}

/** Axis-parallel pieces of a stroked polyline. */
function segmentsOf(points: number[][], rules: Rule[]): void {
  for (let k = 1; k < points.length; k++) {
    const [ax, ay] = points[k - 1];
    const [bx, by] = points[k];
    if (!Number.isFinite(ax) || !Number.isFinite(bx)) continue;
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_RULE_LENGTH)
      rules.push({ axis: "h", at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_RULE_LENGTH)
      rules.push({ axis: "v", at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  }
}
