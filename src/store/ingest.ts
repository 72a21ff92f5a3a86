/**
 * One extraction into the store, in one transaction.
 *
 * A file's path is recorded with its content's sha256. The document it describes
 * is found by identity (document-identity.ts): a placeholder left by earlier
 * citations is taken over (same id, edges kept); a document already held under
 * another file of different content (the same plan as PDF and DOCX) keeps the
 * content of the file with the smaller sha256, so the result never depends on
 * which came first. A path whose content changed loses its old rows in the same
 * transaction that writes the new ones; a document left with no file becomes a
 * placeholder again if something cites it, and disappears otherwise; a document
 * whose rows came from a file that left it while files of other content remain is
 * emptied and queued to be read again from one of those (rereads.ts), in the same
 * transaction.
 */
import type { Extraction } from "../../schemas/extraction.js";
import { foldLoose } from "../normalise/fold.js";
import { resolveAgency } from "./agency-resolution.js";
import { newGraphChanges, rowForHeldDocument, settle, targetFor, touchGroup, type GraphChanges } from "./citation-graph.js";
import { citedIdentity, identityContext, ownIdentity, placeKey, type Identity, type IdentityContext, type PlaceLevel } from "./document-identity.js";
import { relinkReports } from "./link.js";
import type { Store } from "./open-store.js";
import { prepared } from "./prepared.js";
import { heldFiles, losesContent, queueReread, rereadDone } from "./rereads.js";
import { indexDocument, indexTasks, unindexDocument, unindexTasks } from "./search-index.js";

export type FileFacts = {
  /** Absolute path. */
  path: string;
  sha256: string;
  format: string | null;
  size: number | null;
  /** ISO timestamp of the file's modification time. */
  mtime: string | null;
};

export type IngestOutcome = {
  /** The document the file now belongs to (null for a failure). */
  documentId: number | null;
};

type Work = { db: Store; changes: GraphChanges; reports: Set<number> };

/** `text` is the document model's linear text, which every stored span points into. */
export function ingestExtraction(db: Store, x: Extraction, file: FileFacts, runId: number | null = null, text?: string): IngestOutcome {
  return db.transaction((): IngestOutcome => {
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    const previous = fileRow(db, file.path);
    const ctx = identityContext(x);
    const ident = ownIdentity(x, ctx);
    const existing = rowForHeldDocument(db, w.changes, ident);
    const node = existing === undefined ? undefined : documentRow(db, existing);

    let id: number;
    if (node && !node.is_placeholder && node.content_sha256 && node.content_sha256 < x.source.sha256 && heldElsewhere(db, node.content_sha256, file.path)) {
      id = node.id; // another file of this document wins: keep its rows, record this path beside it
    } else {
      if (node && !node.is_placeholder) clearContent(w, node.id);
      id = node?.id ?? insertDocumentRow(db, ident);
      writeContent(w, id, x, ident, ctx);
      if (text !== undefined) prepared(db, "INSERT OR REPLACE INTO document_texts (document_id, text) VALUES (?, ?)").run(id, text);
    }
    upsertFile(db, file, "ingested", null, id, runId);
    if (previous?.document_id != null && previous.document_id !== id) release(w, previous.document_id, previous.sha256);
    else if (previous?.document_id === id && previous.sha256 !== file.sha256) release(w, id, previous.sha256);
    finish(w);
    return { documentId: id };
  })();
}

/** A new path whose content is already stored: recorded beside the same document, nothing parsed. */
export function recordCopy(db: Store, file: FileFacts, runId: number | null = null): IngestOutcome | null {
  return db.transaction((): IngestOutcome | null => {
    const holder = prepared(db, "SELECT document_id FROM files WHERE sha256 = ? AND status = 'ingested' AND document_id IS NOT NULL LIMIT 1")
      .get(file.sha256) as { document_id: number } | undefined;
    if (!holder) return null;
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    const previous = fileRow(db, file.path);
    upsertFile(db, file, "ingested", null, holder.document_id, runId);
    if (previous?.document_id != null && previous.document_id !== holder.document_id) release(w, previous.document_id, previous.sha256);
    finish(w);
    return { documentId: holder.document_id };
  })();
}

/** A file that could not be parsed or extracted: recorded with its error; whatever it held before is released. */
export function recordFailure(db: Store, file: FileFacts, error: string, runId: number | null = null): IngestOutcome {
  return db.transaction((): IngestOutcome => {
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    const previous = fileRow(db, file.path);
    upsertFile(db, file, "failed", error, null, runId);
    if (previous?.document_id != null) release(w, previous.document_id, previous.sha256);
    finish(w);
    return { documentId: null };
  })();
}

/** A stored path whose file is gone (`import --prune`): its row goes, and whatever it held is released. */
export function forgetFile(db: Store, path: string): IngestOutcome {
  return db.transaction((): IngestOutcome => {
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    const previous = fileRow(db, path);
    prepared(db, "DELETE FROM files WHERE path = ?").run(path);
    if (previous?.document_id != null) release(w, previous.document_id, previous.sha256);
    finish(w);
    return { documentId: null };
  })();
}

type FileRow = { id: number; sha256: string; document_id: number | null };
type DocumentRow = { id: number; key: string; is_placeholder: number; content_sha256: string | null; code_key: string | null; scope: string };

function fileRow(db: Store, path: string): FileRow | undefined {
  return prepared(db, "SELECT id, sha256, document_id FROM files WHERE path = ?").get(path) as FileRow | undefined;
}

function documentRow(db: Store, id: number): DocumentRow {
  return prepared(db, "SELECT id, key, is_placeholder, content_sha256, code_key, scope FROM documents WHERE id = ?").get(id) as DocumentRow;
}

function heldElsewhere(db: Store, sha256: string, path: string): boolean {
  return prepared(db, "SELECT 1 FROM files WHERE sha256 = ? AND path <> ? AND status = 'ingested' LIMIT 1").get(sha256, path) !== undefined;
}

function insertDocumentRow(db: Store, ident: Identity): number {
  return Number(
    prepared(db, "INSERT INTO documents (key, code_key, scope, year) VALUES (?, ?, ?, ?)").run(ident.key, ident.codeKey, ident.scope, ident.year)
      .lastInsertRowid,
  );
}

function upsertFile(db: Store, f: FileFacts, status: "ingested" | "failed", error: string | null, documentId: number | null, runId: number | null): void {
  prepared(db, 
    `INSERT INTO files (path, sha256, format, size, mtime, status, error, document_id, run_id, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, format = excluded.format, size = excluded.size,
       mtime = excluded.mtime, status = excluded.status, error = excluded.error, document_id = excluded.document_id,
       run_id = excluded.run_id, ingested_at = excluded.ingested_at`,
  ).run(f.path, f.sha256, f.format, f.size, f.mtime, status, error, documentId, runId, new Date().toISOString());
}

/**
 * A path stopped holding `sha256` of document `id`. With no file left the document
 * is retired; if its rows came from that content and only files of other content
 * remain, the rows go and the caller is told to ingest one of those again.
 */
function release(w: Work, id: number, sha256: string): void {
  const { db } = w;
  const remaining = heldFiles(db, id);
  const doc = documentRow(db, id);
  if (!remaining.length) return retire(w, doc);
  if (losesContent(doc.content_sha256, sha256, remaining)) {
    clearContent(w, id);
    prepared(db, "UPDATE documents SET content_sha256 = NULL WHERE id = ?").run(id);
    queueReread(db, id);
  }
}

/**
 * A document waiting to be read again whose files are all gone or failed: retired
 * (a placeholder if something cites it). The import's re-read pass ends with this.
 */
export function settleOrphan(db: Store, id: number): void {
  db.transaction(() => {
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    rereadDone(db, id);
    if (heldFiles(db, id).length || !prepared(db, "SELECT 1 FROM documents WHERE id = ?").get(id)) return;
    retire(w, documentRow(db, id));
    finish(w);
  })();
}

function retire(w: Work, doc: DocumentRow): void {
  const { db, changes } = w;
  clearContent(w, doc.id);
  rereadDone(db, doc.id);
  if (doc.code_key) touchGroup(db, changes, doc.code_key, doc.scope);
  const cited = prepared(db, "SELECT 1 FROM citations WHERE target_document_id = ? LIMIT 1").get(doc.id) !== undefined;
  if (cited) {
    prepared(db, 
      `UPDATE documents SET is_placeholder = 1, kind = NULL, symbol = NULL, issuer = NULL, parent_issuer = NULL, locality = NULL,
         place = NULL, date = NULL, title = NULL, signer_name = NULL, signer_position = NULL, cited_as = NULL,
         content_sha256 = NULL, format = NULL, pages = NULL, warnings = NULL, provenance = NULL WHERE id = ?`,
    ).run(doc.id);
    changes.describeAgain.add(doc.id);
    changes.reindex.add(doc.id);
  } else {
    unindexDocument(db, doc.id);
    prepared(db, "DELETE FROM documents WHERE id = ?").run(doc.id);
    changes.reindex.delete(doc.id);
  }
}

/** Removes every row a document's extraction produced (the document row itself stays). */
function clearContent(w: Work, id: number): void {
  const { db, changes } = w;
  prepared(db, "DELETE FROM document_texts WHERE document_id = ?").run(id);
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

function writeContent(w: Work, id: number, x: Extraction, ident: Identity, ctx: IdentityContext): void {
  const { db } = w;
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
  const pointers = writeCitations(w, id, x, ident, ctx);
  const taskIds = writeTasks(w, id, x, ctx, pointers);
  writeDeadlines(db, id, x, taskIds);
  writeMetrics(db, id, x, taskIds);
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
  span: { start: number; end: number } | null;
};

function writeCitations(w: Work, id: number, x: Extraction, own: Identity, ctx: IdentityContext): Pointers {
  const { db, changes } = w;
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
  for (const r of x.references) {
    const code = r.code.trim();
    if (!code) continue;
    const ident = citedIdentity(code, r.issuer, r.date, ctx);
    if (ident.key === own.key) continue; // an annex repeating the document's own number
    const target = targetFor(db, changes, ident, ctx.year);
    const citation = insert({
      source: id, target, via: null, origin: "reference", relation: r.relation ?? "cites", code, ident, kind: r.kind, date: r.date,
      issuer: r.issuer, text: r.text || code, mentions: r.mentions ?? null, page: r.page ?? null, span: r.span ?? null,
    });
    if (!byKey.has(ident.key)) byKey.set(ident.key, citation);
    // What the cited document says it implements, read from this citation: an edge from the cited node.
    const citedCtx = contextOfCited(ident, ctx);
    for (const implemented of new Set(r.implements ?? [])) {
      const code2 = implemented.trim();
      if (!code2) continue;
      const ident2 = citedIdentity(code2, null, null, citedCtx);
      if (ident2.key === ident.key) continue;
      insert({
        source: target, target: targetFor(db, changes, ident2, citedCtx.year), via: citation, origin: "implements", relation: "implements",
        code: code2, ident: ident2, kind: null, date: null, issuer: null, text: r.text || code, mentions: null, page: r.page ?? null,
        span: r.span ?? null,
      });
    }
  }
  return { byKey, insert };
}

/** Local codes that a cited document implements belong to that document's place, not the citer's. */
function contextOfCited(ident: Identity, citer: IdentityContext): IdentityContext {
  const m = /^(commune|district|province):(.+)$/.exec(ident.scope);
  if (!m || m[2] === "?") return { ...citer, year: ident.year ?? citer.year };
  const place = { level: m[1] as PlaceLevel, name: m[2] };
  return {
    locality: place,
    province: place.level === "province" ? place : citer.province,
    district: place.level === "district" ? place : citer.district,
    year: ident.year ?? citer.year,
  };
}

function writeTasks(w: Work, id: number, x: Extraction, ctx: IdentityContext, pointers: Pointers): number[] {
  const { db, changes } = w;
  const insertTask = prepared(db, 
    `INSERT INTO tasks (document_id, position, ordinal, section, text, output, status, status_text, origin, due_text, due_kind,
       due_start, due_end, extra, page, span_start, span_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSource = prepared(db, "INSERT INTO task_sources (task_id, position, code, citation_id) VALUES (?, ?, ?, ?)");
  const upsertAgency = prepared(db, 
    `INSERT INTO agencies (key, name, name_key, locality_key, locality) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name WHERE excluded.name < agencies.name
     RETURNING id`,
  );
  const agencyId = prepared(db, "SELECT id FROM agencies WHERE key = ?");
  const alias = prepared(db, "INSERT OR IGNORE INTO agency_aliases (agency_id, written, normalised) VALUES (?, ?, ?)");
  const taskAgency = prepared(db, "INSERT INTO task_agencies (task_id, role, position, agency_id, written) VALUES (?, ?, ?, ?, ?)");
  const ids: number[] = [];
  x.tasks.forEach((t, position) => {
    const d = t.deadline;
    const taskId = Number(
      insertTask.run(
        id, position, t.ordinal, t.section, t.text, t.output, t.status, t.statusText, t.origin, d?.text ?? null, d?.kind ?? null,
        d?.start ?? null, d?.end ?? null, t.extra ? JSON.stringify(t.extra) : null, t.page ?? null, t.span?.start ?? null,
        t.span?.end ?? null,
      ).lastInsertRowid,
    );
    ids.push(taskId);
    t.sources.forEach((source, i) => {
      const code = source.trim();
      if (!code) return;
      const ident = citedIdentity(code, null, null, ctx);
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
      t[role].forEach((written, i) => {
        const name = written.trim();
        if (!name) return;
        const a = resolveAgency(name, ctx);
        const row = (upsertAgency.get(a.key, a.normalised, a.nameKey, a.localityKey, a.locality) ?? agencyId.get(a.key)) as { id: number };
        alias.run(row.id, name, a.normalised);
        taskAgency.run(taskId, role, i, row.id, name);
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

function writeMetrics(db: Store, id: number, x: Extraction, taskIds: number[]): void {
  const insert = prepared(db, 
    `INSERT INTO metrics (document_id, task_id, position, text, subject, subject_key, value, unit, comparator, role, numerator,
       denominator, max, page, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  x.metrics.forEach((m, i) =>
    insert.run(id, m.task !== undefined ? (taskIds[m.task] ?? null) : null, i, m.text, m.subject, foldLoose(m.subject ?? m.text), m.value,
      m.unit, m.comparator, m.role, m.numerator ?? null, m.denominator ?? null, m.max ?? null, m.page ?? null, m.span?.start ?? null,
      m.span?.end ?? null),
  );
}

function finish(w: Work): void {
  const { db, changes } = w;
  settle(db, changes);
  for (const id of changes.removed) unindexDocument(db, id);
  for (const id of changes.reindex) indexDocument(db, id);
  for (const id of changes.retargetedCiters) w.reports.add(id);
  const exists = prepared(db, "SELECT 1 FROM documents WHERE id = ?");
  relinkReports(db, [...w.reports].filter((id) => exists.get(id)));
}

