/**
 * A pure function of a string, with its answers remembered: header wordings, letterhead
 * lines and month starts repeat across tables and documents. Bounded: the memory is
 * emptied when it holds `limit` answers, so a long import cannot grow it without end.
 */
export function remembered<V>(compute: (key: string) => V, limit = 10_000): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    if (answers.has(key)) return answers.get(key)!;
    if (answers.size >= limit) answers.clear();
    const value = compute(key);
    answers.set(key, value);
    return value;
  };
}
