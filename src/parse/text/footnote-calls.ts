const isSpaceLike = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** "[^label]" naming a defined footnote: index past "]", else -1. */
export function footnoteCallEnd(s: string, at: number, footnotes: ReadonlySet<string>): number {
  let i = at + 2;
  let size = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (size > 999 || c === 91 || isSpaceLike(c)) return -1;
    if (c === 93) {
      if (size === 0) return -1;
      const label = s.slice(at + 2, i);
      return footnotes.has(label.toLowerCase().toUpperCase()) ? i + 1 : -1;
    }
    size++;
    if (c === 92) {
      const d = s.charCodeAt(i + 1);
      if (d === 91 || d === 92 || d === 93) {
        i++;
        size++;
      }
    }
    i++;
  }
  return -1;
}
