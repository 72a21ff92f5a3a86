/**
 * Code spans: a backtick run closes at the next run of exactly its length.
 * Looking ahead from every opener would be quadratic on text full of unmatched
 * runs, so the runs are indexed once, by length, and each length keeps a cursor.
 */
export class BacktickRuns {
  private runs: Map<number, number[]> | null = null;
  private readonly cursor = new Map<number, number>();
  constructor(private readonly src: string) {}

  /** Length of the run at `at` and the start of its closing run (-1: none, the run is text). */
  at(at: number): { length: number; close: number } {
    const s = this.src;
    let j = at + 1;
    while (s.charCodeAt(j) === 96) j++;
    const length = j - at;
    this.runs ??= indexBacktickRuns(s, at);
    const runs = this.runs.get(length) ?? [];
    let k = this.cursor.get(length) ?? 0;
    while (k < runs.length && runs[k] < j) k++;
    this.cursor.set(length, k);
    return { length, close: k < runs.length ? runs[k] : -1 };
  }
}

/** Start offsets of every maximal backtick run from `from` on, by run length. */
function indexBacktickRuns(s: string, from: number): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  let i = s.indexOf("`", from);
  while (i >= 0) {
    let j = i + 1;
    while (s.charCodeAt(j) === 96) j++;
    const list = runs.get(j - i);
    if (list) list.push(i);
    else runs.set(j - i, [i]);
    i = s.indexOf("`", j);
  }
  return runs;
}

/** Code span content: one leading and trailing space (or line ending) go when both are there and something else is. */
export function codeValue(raw: string): string {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (raw.length > 2 && (first === 32 || first === 10) && (last === 32 || last === 10)) {
    for (let k = 1; k < raw.length - 1; k++) {
      const c = raw.charCodeAt(k);
      if (c !== 32 && c !== 10) return raw.slice(1, -1);
    }
  }
  return raw;
}
