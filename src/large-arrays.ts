/**
 * Folds over arrays of any length. `Math.max(...xs)` and `out.push(...xs)` pass every
 * element as a call argument, and past ~100,000 arguments V8 throws "Maximum call stack
 * size exceeded" (a 150,000-row tab table did, in layout). These loop instead; use them
 * wherever the array's length comes from the document.
 */

/** The largest `value(item)`, starting from `start` (-Infinity, as Math.max() of nothing). */
export function maxOf<T>(items: Iterable<T>, value: (item: T) => number, start = -Infinity): number {
  let max = start;
  for (const item of items) {
    const v = value(item);
    if (v > max || Number.isNaN(v)) max = v;
  }
  return max;
}

/** The smallest `value(item)`, starting from `start` (Infinity, as Math.min() of nothing). */
export function minOf<T>(items: Iterable<T>, value: (item: T) => number, start = Infinity): number {
  let min = start;
  for (const item of items) {
    const v = value(item);
    if (v < min || Number.isNaN(v)) min = v;
  }
  return min;
}

/** Appends every item to `target` (in place) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
