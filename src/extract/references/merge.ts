/** Mentions of one code merged into one reference (split by date when two documents share a local code). */
import type { Reference } from "../../../schemas/extraction.js";
import type { ExtractContext } from "../context.js";
import { kindFromCode } from "../registries/document-codes.js";
import { RELATION_STRENGTH } from "../registries/relations.js";
import { Mention, codeKey } from "./mention.js";
import { appendAll } from "../../large-arrays.js";

/** One reference per code (per code and date when two documents share a local code). */
export function mergeByCode(ctx: ExtractContext, mentions: Mention[]): Reference[] {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = codeKey(m.code);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const out: { at: number; ref: Reference }[] = [];
  for (const group of groups.values())
    for (const cluster of splitByDate(group)) out.push({ at: cluster[0].start, ref: toReference(ctx, cluster) });
  return out.sort((a, b) => a.at - b.at).map((x) => x.ref);
}

export function splitByDate(group: Mention[]): Mention[][] {
  const dates = [...new Set(group.map((m) => m.date).filter((d): d is string => d !== null))];
  if (dates.length < 2) return [group];
  const clusters = dates.map((d) => group.filter((m) => m.date === d));
  appendAll(clusters[0], group.filter((m) => m.date === null));
  clusters[0].sort((a, b) => a.start - b.start);
  return clusters;
}

export function toReference(ctx: ExtractContext, cluster: Mention[]): Reference {
  const first = cluster[0];
  // The fullest mention is shown: a date, an issuer written with it, the kind word, "số".
  const score = (m: Mention) =>
    (m.date ? 2 : 0) + (m.issuer ? 1 : 0) + (m.ownIssuer ? 0.5 : 0) + (m.kindWord ? 0.5 : 0) + (m.numberWord ? 0.25 : 0);
  const best = cluster.reduce((a, b) => (score(b) > score(a) ? b : a));
  const kindWord = best.kindWord ?? cluster.find((m) => m.kindWord)?.kindWord ?? null;
  const relation = RELATION_STRENGTH.find((r) => cluster.some((m) => m.relation === r)) ?? "cites";
  const implementsCodes = [...new Set(cluster.flatMap((m) => m.implements))];
  const ref: Reference = {
    kind: kindWord ?? kindFromCode(best.parsed),
    code: best.code,
    date: best.date ?? cluster.find((m) => m.date)?.date ?? null,
    issuer: best.issuer ?? cluster.find((m) => m.issuer)?.issuer ?? null,
    text: ctx.doc.text.slice(best.start, best.end).replace(/\s+/g, " ").trim(),
    mentions: cluster.length,
    relation,
    mentionSpans: cluster.map((m) => ({ start: m.start, end: m.end })),
    page: ctx.pageAt(first.start),
    span: { start: first.start, end: first.end },
  };
  if (implementsCodes.length) ref.implements = implementsCodes;
  return ref;
}
