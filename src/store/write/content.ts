/**
 * A document's content rows — citations, tasks with their sources and agencies,
 * deadlines, metrics — written from what the link stage decided
 * (src/link/index.ts: identities, agencies), and removed again when the content
 * is replaced or released.
 */
import type { Span } from "../../../schemas/document.js";
import type { Extraction } from "../../../schemas/extraction.js";
import { placeKey, type Identity, type LinkedExtraction } from "../../link/index.js";
import { normText, sameTaskKey } from "../../link/task-identity.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { targetFor, touchGroup, type GraphChanges } from "./citation-graph.js";
import { rereadDone } from "../rereads.js";
import { indexTasks, unindexTasks } from "./search-index.js";
import { unindexPassages } from "./passage-index.js";

/** One ingest transaction's bookkeeping: graph changes to settle, reports to relink, paths to ingest again. */
export type Work = { db: Store; changes: GraphChanges; reports: Set<number> };

/** Removes every row a document's extraction produced (the document row itself stays). */
export function clearContent(w: Work, id: number): void {
  const { db, changes } = w;
  prepared(db, "DELETE FROM document_texts WHERE document_id = ?").run(id);
  unindexPassages(db, id);
  const linkedReports = prepared(db,
      `SELECT DISTINCT r.document_id FROM task_links l JOIN tasks r ON r.id = l.report_task_id JOIN tasks p ON p.id = l.plan_task_id
       WHERE p.document_id = ?`,
    )
    .pluck()
    .all(id) as number[];
  for (const r of linkedReports) w.reports.add(r);
  const owned = prepared(db, "SELECT code_key, scope, target_document_id FROM citations WHERE document_id = ?").all(id) as {
    code_key: string;
    scope: string;
    target_document_id: number;
  }[];
  for (const c of owned) {
    touchGroup(db, changes, c.code_key, c.scope);
    changes.describeAgain.add(c.target_document_id);
  }
  const agencies = prepared(db, "SELECT DISTINCT a.agency_id FROM task_agencies a JOIN tasks t ON t.id = a.task_id WHERE t.document_id = ?")
    .pluck()
    .all(id) as number[];
  unindexTasks(db, id);
  prepared(db, "DELETE FROM citations WHERE document_id = ?").run(id);
  prepared(db, "DELETE FROM tasks WHERE document_id = ?").run(id);
  prepared(db, "DELETE FROM deadlines WHERE document_id = ?").run(id);
  prepared(db, "DELETE FROM metrics WHERE document_id = ?").run(id);
  forgetUnusedAgencies(db, agencies);
}

function forgetUnusedAgencies(db: Store, ids: number[]): void {
  if (!ids.length) return;
  const list = JSON.stringify(ids);
  prepared(db,
    `DELETE FROM agency_aliases WHERE agency_id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM task_agencies t WHERE t.agency_id = agency_aliases.agency_id AND t.written = agency_aliases.written)`,
  ).run(list);
  prepared(db,
    "DELETE FROM agencies WHERE id IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM task_agencies t WHERE t.agency_id = agencies.id)",
  ).run(list);
  prepared(db,
    "UPDATE agencies SET name = (SELECT MIN(normalised) FROM agency_aliases a WHERE a.agency_id = agencies.id) WHERE id IN (SELECT value FROM json_each(?))",
  ).run(list);
}

export function writeContent(w: Work, id: number, linked: LinkedExtraction): void {
  const { db } = w;
  const x = linked.extraction;
  const ident = linked.identity;
  const ctx = linked.context;
  const m = x.document;
  prepared(db,
    `UPDATE documents SET key = ?, is_placeholder = 0, code = ?, code_key = ?, scope = ?, year = ?, locality_key = ?, kind = ?,
       symbol = ?, issuer = ?, parent_issuer = ?, locality = ?, place = ?, date = ?, title = ?, signer_name = ?, signer_position = ?,
       cited_as = NULL, content_sha256 = ?, format = ?, pages = ?, warnings = ?, provenance = ?
     WHERE id = ?`,
  ).run(
    ident.key, m.code, ident.codeKey, ident.scope, ident.year, placeKey(ctx.locality), m.kind, m.symbol, m.issuer, m.parentIssuer ?? null,
    m.locality ?? null, m.place, m.date, m.title, m.signer?.name ?? null, m.signer?.position ?? null, x.source.sha256, x.source.format,
    x.source.pages ?? null, JSON.stringify(x.warnings), m.provenance ? JSON.stringify(m.provenance) : null, id,
  );
  rereadDone(db, id);
  const pointers = writeCitations(w, id, linked);
  const taskIds = writeTasks(w, id, linked, pointers);
  writeDeadlines(db, id, x, taskIds);
  writeMetrics(db, id, linked, taskIds);
  // Reports that point at this document may now find its tasks.
  for (const r of prepared(db, "SELECT DISTINCT document_id FROM citations WHERE target_document_id = ? AND origin <> 'implements'")
    .pluck()
    .all(id) as number[])
    w.reports.add(r);
  w.reports.add(id);
  w.changes.reindex.add(id);
  indexTasks(db, id);
}

type Pointers = {
  /** identity key → citation id of this document's reference to it. */
  byKey: Map<string, number>;
  insert: (row: CitationRow) => number;
};

type CitationRow = {
  source: number;
  target: number;
  via: number | null;
  origin: "reference" | "task-source" | "implements";
  relation: string;
  code: string;
  ident: Identity;
  kind: string | null;
  date: string | null;
  issuer: string | null;
  text: string;
  mentions: number | null;
  page: number | null;
  span: Span | null;
};

function writeCitations(w: Work, id: number, linked: LinkedExtraction): Pointers {
  const { db, changes } = w;
  const ctx = linked.context;
  const statement = prepared(db,
    `INSERT INTO citations (document_id, source_document_id, target_document_id, via_citation_id, origin, relation, code, code_key,
       scope, year, citing_year, kind, date, issuer, text, mentions, page, span_start, span_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insert = (r: CitationRow): number => {
    const citation = Number(
      statement.run(
        id, r.source, r.target, r.via, r.origin, r.relation, r.code, r.ident.codeKey, r.ident.scope, r.ident.national ? null : r.ident.year,
        ctx.year, r.kind, r.date, r.issuer, r.text, r.mentions, r.page, r.span?.start ?? null, r.span?.end ?? null,
      ).lastInsertRowid,
    );
    if (!r.ident.national && r.ident.year === null) changes.newYearless.add(citation);
    changes.describeFromNew.add(r.target);
    return citation;
  };
  const byKey = new Map<string, number>();
  for (const ref of linked.references) {
    const r = linked.extraction.references[ref.index];
    const { code, identity: ident } = ref;
    const target = targetFor(db, changes, ident, ctx.year);
    const citation = insert({
      source: id, target, via: null, origin: "reference", relation: r.relation ?? "cites", code, ident, kind: r.kind, date: r.date,
      issuer: r.issuer, text: r.text || code, mentions: r.mentions ?? null, page: r.page ?? null, span: r.span ?? null,
    });
    if (!byKey.has(ident.key)) byKey.set(ident.key, citation);
    // What the cited document says it implements, read from this citation: an edge from the cited node.
    for (const implemented of ref.implements)
      insert({
        source: target, target: targetFor(db, changes, implemented.identity, ref.citedContext.year), via: citation, origin: "implements",
        relation: "implements", code: implemented.code, ident: implemented.identity, kind: null, date: null, issuer: null, text: r.text || code,
        mentions: null, page: r.page ?? null, span: r.span ?? null,
      });
  }
  return { byKey, insert };
}

function writeTasks(w: Work, id: number, linked: LinkedExtraction, pointers: Pointers): number[] {
  const { db, changes } = w;
  const ctx = linked.context;
  const insertTask = prepared(db,
    `INSERT INTO tasks (document_id, position, ordinal, section, text, output, status, status_text, origin, due_text, due_kind,
       due_start, due_end, extra, page, span_start, span_end, same_task_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Plan tasks of a dated document of a place carry the key same-task links look up (same-task-links.ts).
  const place = prepared(db, "SELECT locality_key, substr(date, 1, 4) AS year FROM documents WHERE id = ?").get(id) as { locality_key: string | null; year: string | null };
  const keyOf = (t: { status: string | null; text: string }) =>
    t.status === null && place.locality_key && place.year ? sameTaskKey(place.locality_key, place.year, normText(t.text)) : null;
  const insertSource = prepared(db, "INSERT INTO task_sources (task_id, position, code, citation_id) VALUES (?, ?, ?, ?)");
  const upsertAgency = prepared(db,
    `INSERT INTO agencies (key, name, name_key, locality_key, locality) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name WHERE excluded.name < agencies.name
     RETURNING id`,
  );
  const agencyId = prepared(db, "SELECT id FROM agencies WHERE key = ?");
  const alias = prepared(db, "INSERT OR IGNORE INTO agency_aliases (agency_id, written, normalised) VALUES (?, ?, ?)");
  // The task list's order rides along (migration 10): the document's date and key, the task's position.
  const taskAgency = prepared(db,
    "INSERT INTO task_agencies (task_id, role, position, agency_id, written, doc_date, doc_key, task_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const ids: number[] = [];
  const agencies = new Map<string, number>();
  linked.extraction.tasks.forEach((t, position) => {
    const links = linked.tasks[position];
    const d = t.deadline;
    const taskId = Number(
      insertTask.run(
        id, position, t.ordinal, t.section, t.text, t.output, t.status, t.statusText, t.origin, d?.text ?? null, d?.kind ?? null,
        d?.start ?? null, d?.end ?? null, t.extra ? JSON.stringify(t.extra) : null, t.page ?? null, t.span?.start ?? null,
        t.span?.end ?? null, keyOf(t),
      ).lastInsertRowid,
    );
    ids.push(taskId);
    links.sources.forEach((source, i) => {
      if (!source) return;
      const { code, identity: ident } = source;
      let citation = pointers.byKey.get(ident.key) ?? sameCodeReference(pointers, ident);
      if (citation === undefined) {
        citation = pointers.insert({
          source: id, target: targetFor(db, changes, ident, ctx.year), via: null, origin: "task-source", relation: "cites", code, ident,
          kind: null, date: null, issuer: null, text: code, mentions: null, page: t.page ?? null, span: t.span ?? null,
        });
        pointers.byKey.set(ident.key, citation);
      }
      insertSource.run(taskId, i, code, citation);
    });
    for (const role of ["lead", "support"] as const)
      links[role].forEach((linkedAgency, i) => {
        if (!linkedAgency) return;
        const { written: name, agency: a } = linkedAgency;
        // The same agency under the same name again in this document: the upsert would change nothing.
        const seen = `${a.key}\u0000${a.normalised}`;
        let agency = agencies.get(seen);
        if (agency === undefined) {
          agency = ((upsertAgency.get(a.key, a.normalised, a.nameKey, a.localityKey, a.locality) ?? agencyId.get(a.key)) as { id: number }).id;
          agencies.set(seen, agency);
        }
        alias.run(agency, name, a.normalised);
        taskAgency.run(taskId, role, i, agency, name, linked.extraction.document.date, linked.identity.key, position);
      });
  });
  return ids;
}

/**
 * A bare source code ("41-KH/TU") usually repeats a reference of the same
 * document that names the issuer and date ("Kế hoạch số 41-KH/TU ngày 15/01/2026
 * của Ban Thường vụ Tỉnh ủy"). Reuse that reference — the one with the same scope
 * if there are several — rather than guess a scope from the bare code.
 */
function sameCodeReference(pointers: Pointers, ident: Identity): number | undefined {
  if (ident.national) return undefined;
  const sameCode = [...pointers.byKey.entries()]
    .filter(([k]) => k.startsWith(`${ident.codeKey}|`))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const sameScope = sameCode.filter(([k]) => k.startsWith(`${ident.codeKey}|${ident.scope}|`));
  return (sameScope[sameScope.length - 1] ?? sameCode[0])?.[1];
}

function writeDeadlines(db: Store, id: number, x: Extraction, taskIds: number[]): void {
  const insert = prepared(db,
    "INSERT INTO deadlines (document_id, task_id, position, text, kind, start, end, page, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  x.deadlines.forEach((d, i) =>
    insert.run(id, d.task !== undefined ? (taskIds[d.task] ?? null) : null, i, d.text, d.kind, d.start, d.end, d.page ?? null,
      d.span?.start ?? null, d.span?.end ?? null),
  );
}

function writeMetrics(db: Store, id: number, linked: LinkedExtraction, taskIds: number[]): void {
  const insert = prepared(db,
    `INSERT INTO metrics (document_id, task_id, position, text, subject, subject_key, value, unit, comparator, role, numerator,
       denominator, max, page, span_start, span_end, compares) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  linked.extraction.metrics.forEach((m, i) =>
    insert.run(id, m.task !== undefined ? (taskIds[m.task] ?? null) : null, i, m.text, m.subject, linked.metricSubjectKeys[i], m.value,
      m.unit, m.comparator, m.role, m.numerator ?? null, m.denominator ?? null, m.max ?? null, m.page ?? null, m.span?.start ?? null,
      m.span?.end ?? null, m.compares ?? null),
  );
}

