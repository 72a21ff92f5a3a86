/**
 * Targets beside results, read where a document puts them side by side.
 *
 * An indicator table gives each row a target column and a result column ("Kế hoạch
 * | Thực hiện", "Mục tiêu | Kết quả tháng 4/2026"; roles from the header wording,
 * src/extract/registries/metric-roles.ts + columns.ts) and often the report's own
 * "% so với kế hoạch". The extractor gives every metric of one row the row's text
 * (cells joined), and a sentence's metrics the sentence: metrics of one document
 * with one text are one place. There, targets and results of one unit are paired
 * in column order; a "% so với kế hoạch" cell is kept beside the pair as the
 * report's own figure, compared with the one computed.
 *
 * What is left unpaired is matched across documents by subject (metrics.ts).
 */

/** What pairing needs of a stored metric. */
export type PairingMetric = {
  id: number; document_id: number; text: string; position: number; role: string | null; unit: string; value: number;
  comparator: string | null; compares: string | null;
};

export type PlacePair<M extends PairingMetric> = { target: M; actual: M; reported: M | null };

/** A report's percentage and the one computed from its figures may differ by rounding: more than this is a disagreement. */
const PERCENT_TOLERANCE = 1;

/** Target/result pairs of one row (or sentence) each, and the ids they use. */
export function pairsInPlace<M extends PairingMetric>(rows: readonly M[]): { pairs: PlacePair<M>[]; used: Set<number> } {
  const places = new Map<string, M[]>();
  for (const m of rows) {
    const k = `${m.document_id}\u0000${m.text}`;
    places.set(k, [...(places.get(k) ?? []), m]);
  }
  const pairs: PlacePair<M>[] = [];
  const used = new Set<number>();
  for (const place of places.values()) {
    const ordered = [...place].sort((a, b) => a.position - b.position);
    const reported = ordered.filter((m) => m.compares === "target");
    for (const unit of new Set(ordered.map((m) => m.unit))) {
      const targets = ordered.filter((m) => m.role === "target" && !m.compares && m.unit === unit);
      const actuals = ordered.filter((m) => m.role === "actual" && !m.compares && m.unit === unit);
      // Column order pairs them when the counts agree; one target with several results keeps the first result.
      const n = targets.length === actuals.length ? targets.length : targets.length === 1 && actuals.length ? 1 : 0;
      for (let i = 0; i < n; i++) {
        const own = reported.length === n ? reported[i] : reported.length === 1 && n === 1 ? reported[0] : null;
        pairs.push({ target: targets[i], actual: actuals[i], reported: own });
        for (const m of [targets[i], actuals[i], own]) if (m) used.add(m.id);
      }
    }
    // The row's comparisons with the period before say nothing of the plan: they go with the row.
    if (ordered.some((m) => used.has(m.id))) for (const m of ordered) if (m.compares === "previous") used.add(m.id);
  }
  return { pairs, used };
}

export type Comparison = { gap: number | null; percentOfPlan: number | null; met: boolean | null; warning: "reported-percent-differs" | null };

/**
 * The result against its target: the gap in the unit (result − target) and the result
 * as a percent of the target, both only when the units agree; whether the target's
 * comparator is satisfied ("≥ 98%": at least; "< 2%": below); and whether the report's
 * own percentage of plan disagrees with the computed one.
 */
export function compare(target: PairingMetric | null, actual: PairingMetric | null, reported: PairingMetric | null): Comparison {
  if (!target || !actual || target.unit !== actual.unit) return { gap: null, percentOfPlan: null, met: null, warning: null };
  const gap = round(actual.value - target.value, 4);
  const percentOfPlan = target.value !== 0 ? round((actual.value / target.value) * 100, 2) : null;
  const c = target.comparator ?? "=";
  const met = c === "<" ? actual.value < target.value : c === "<=" ? actual.value <= target.value : c === ">" ? actual.value > target.value : actual.value >= target.value;
  const differs = reported !== null && percentOfPlan !== null && Math.abs(reported.value - percentOfPlan) > PERCENT_TOLERANCE;
  return { gap, percentOfPlan, met, warning: differs ? "reported-percent-differs" : null };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
