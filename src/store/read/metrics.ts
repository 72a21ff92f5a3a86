/**
 * `query metrics`: each target beside its result — first where one document sets them
 * side by side (an indicator table's row, a sentence: metric-pairs.ts), then the same
 * indicator across documents of the same place (a plan's target and a report's
 * result, by subject similarity) — with the gap, the percent of plan, and a report's
 * own "% so với kế hoạch" kept beside the computed one.
 */
import type { MetricItem, MetricPair, MetricsResult } from "../../../schemas/answers.js";
import { comparable, similarity, type Comparable } from "../../link/text-similarity.js";
import { foldLoose } from "../../normalise/fold.js";
import { documentSummaries, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { resolveDocument } from "./resolve-document.js";
import { StoreError } from "../store-error.js";
import { compare, pairsInPlace } from "./metric-pairs.js";
import { placeLink } from "./place-link.js";
export type { MetricItem, MetricPair, MetricsResult };

type MetricRow = {
  id: number; value: number; max: number | null; unit: string; comparator: string | null; role: string | null; numerator: number | null;
  denominator: number | null; subject: string | null; text: string; task_id: number | null; page: number | null; subject_key: string;
  document_id: number; locality_key: string | null; date: string | null; doc_key: string; position: number; compares: string | null;
  span_start: number | null; span_end: number | null;
};

/** Subjects this alike (text-similarity.ts) are taken to measure the same thing. */
const SAME_SUBJECT = 0.6;

export function queryMetrics(db: Store, filters: { subject?: string; doc?: string; issuer?: string; limit?: number } = {}): MetricsResult {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.doc) {
    where.push("m.document_id = ?");
    params.push(resolveDocument(db, filters.doc, { issuer: filters.issuer }));
  }
  if (filters.subject) {
    const words = foldLoose(filters.subject).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.length) throw new StoreError("store.subjectNoWords");
    for (const w of words) {
      where.push("m.subject_key LIKE ? ESCAPE '\\'");
      params.push(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  const select = `
    SELECT m.id, m.value, m.max, m.unit, m.comparator, m.role, m.numerator, m.denominator, m.subject, m.text, m.task_id, m.page,
           m.subject_key, m.document_id, d.locality_key, d.date, d.key AS doc_key, m.position, m.compares, m.span_start, m.span_end
    FROM metrics m JOIN documents d ON d.id = m.document_id`;
  const chosen = db
    .prepare(`${select} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY d.date DESC NULLS LAST, d.key, m.position`)
    .all(...params) as MetricRow[];
  const rows = filters.limit !== undefined ? chosen.slice(0, filters.limit) : chosen;

  // Counterparts: the other role, same unit, another document of the same place — read once per such
  // group, and bunched by identical subject (a commune reports the same indicators month after month).
  const counterparts = db.prepare(`${select} WHERE m.role = ? AND m.unit = ? AND d.locality_key IS ? AND m.compares IS NULL ORDER BY d.date DESC NULLS LAST, d.key, m.position`);
  const groups = new Map<string, { key: string; cmp: Comparable; rows: MetricRow[] }[]>();
  const groupOf = (role: string, unit: string, locality: string | null) => {
    const k = JSON.stringify([role, unit, locality]);
    let g = groups.get(k);
    if (!g) {
      const bySubject = new Map<string, MetricRow[]>();
      for (const row of counterparts.all(role, unit, locality) as MetricRow[]) bySubject.set(row.subject_key, [...(bySubject.get(row.subject_key) ?? []), row]);
      groups.set(k, (g = [...bySubject.entries()].map(([key, rows]) => ({ key, cmp: comparable(key), rows }))));
    }
    return g;
  };
  const scores = new Map<string, number>();
  type Raw = { subject: string; target: MetricRow | null; actual: MetricRow | null; other: MetricRow | null; reported: MetricRow | null; score: number | null; method: "row" | "subject" | null };
  const raw: Raw[] = [];
  const inPlace = pairsInPlace(rows);
  const pairOf = new Map(inPlace.pairs.map((p) => [p.target.id, p]));
  const paired = new Set<string>();
  for (const r of rows) {
    const subject = r.subject ?? r.text;
    const own = pairOf.get(r.id);
    if (own) {
      raw.push({ subject, ...own, other: null, score: null, method: "row" });
      continue;
    }
    if (inPlace.used.has(r.id)) continue;
    if ((r.role !== "target" && r.role !== "actual") || r.compares) {
      raw.push({ subject, target: null, actual: null, other: r, reported: null, score: null, method: null });
      continue;
    }
    let mine: Comparable | undefined;
    let best: { row: MetricRow; score: number } | null = null;
    for (const c of groupOf(r.role === "target" ? "actual" : "target", r.unit, r.locality_key)) {
      const pair = `${r.subject_key}\u0000${c.key}`;
      let score = scores.get(pair);
      if (score === undefined) scores.set(pair, (score = similarity((mine ??= comparable(r.subject_key)), c.cmp)));
      if (score < SAME_SUBJECT) continue;
      // Rows come newest first: the first one from another document is this subject's candidate.
      const row = c.rows.find((x) => x.document_id !== r.document_id);
      // Best wording first; among equals the newest document, then the smaller key.
      if (row && (!best || score > best.score || (score === best.score && newer(row, best.row)))) best = { row, score };
    }
    const target = r.role === "target" ? r : (best?.row ?? null);
    const actual = r.role === "actual" ? r : (best?.row ?? null);
    const k = `${target?.id ?? "-"}|${actual?.id ?? "-"}`;
    if (paired.has(k)) continue;
    paired.add(k);
    raw.push({ subject, target, actual, other: null, reported: null, score: best?.score ?? null, method: best ? "subject" : null });
  }
  const summaries = documentSummaries(db, raw.flatMap((p) => [p.target, p.actual, p.other, p.reported].flatMap((m) => (m ? [m.document_id] : []))));
  const item = (r: MetricRow | null): MetricItem | null =>
    r && {
      id: r.id, value: r.value, max: r.max, unit: r.unit, comparator: r.comparator, role: r.role, numerator: r.numerator,
      denominator: r.denominator, subject: r.subject, text: r.text, taskId: r.task_id, page: r.page, document: summaries.get(r.document_id)!,
    };
  const link = (r: MetricRow | null) =>
    r && placeLink(r.document_id, r.page, r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null);
  const pairs = raw.map((p) => ({
    subject: p.subject, target: item(p.target), actual: item(p.actual), other: item(p.other), score: p.score, method: p.method,
    ...compare(p.target, p.actual, p.reported), reported: item(p.reported),
    links: { target: link(p.target), actual: link(p.actual), other: link(p.other) },
  }));
  return { pairs, total: chosen.length, paired: pairs.filter((p) => p.target && p.actual).length };
}

function newer(a: MetricRow, b: MetricRow): boolean {
  const da = a.date ?? "", dbb = b.date ?? "";
  return da !== dbb ? da > dbb : a.doc_key < b.doc_key;
}
