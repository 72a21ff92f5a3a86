/**
 * The capacity plan's store figures (docs/scale.md): a PostgreSQL store grown to
 * N documents, its size, and the first-page latency of the three questions analysts
 * ask most — `query citing 57-NQ/TW --transitive`, `query tasks --agency A`, `search`.
 *
 *   npx tsx bench/pg-scale.ts --db postgres://…/vanban_scale [--seed-docs 300] [--documents 100000,1000000] [--runs 5]
 *
 * 1. Seed: a generated archive (scripts/gen-archive.ts) imported by the real importer
 *    into the empty database: every row in the shape the importer writes.
 * 2. Grow: the seed's held documents copied with SQL (generate_series, INSERT … SELECT),
 *    copy k as the archive of another commune — ids shifted, identity keys, paths,
 *    hashes and localities suffixed with k; placeholders (national documents nobody
 *    holds: 57-NQ/TW, 71/NQ-CP…) stay shared, so every commune's chain still reaches
 *    them, as in a province. Then VACUUM ANALYZE.
 * 3. At each size: database and store size, and each question's median latency
 *    (warm, `--runs` runs) through the store's own read functions.
 * Results are appended to bench/pg-scale.json.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { importPaths } from "../pipelines/import.js";
import { openBackend } from "../src/store/index.js";
import { writeArchive } from "./corpus.js";
import { load, median, round } from "./measure.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const url = arg("db", "");
if (!url) throw new Error("--db postgres://… (an empty database, or one this script grew before)");
const seedDocs = Number(arg("seed-docs", "300"));
const sizes = arg("documents", "10000,100000").split(",").map(Number);
const runs = Number(arg("runs", "5"));
const out = join(import.meta.dirname, "pg-scale.json");

/** Column → expression in a copy (k = the copy's number); other columns are copied as they are. */
type Shift = Record<string, string>;
const doc = (c: string) => `vb_doc(${c}, k)`;
const TABLES: Array<{ table: string; shift: Shift; where?: string }> = [
  { table: "documents", shift: { id: "id + k * :documents", key: "key || '~' || k", locality_key: "locality_key || '~' || k", content_sha256: "content_sha256 || '~' || k" }, where: "is_placeholder = 0" },
  { table: "files", shift: { id: "id + k * :files", path: "'/xa-' || k || path", sha256: "sha256 || '~' || k", document_id: doc("document_id") } },
  { table: "agencies", shift: { id: "id + k * :agencies", key: "key || '~' || k", locality_key: "locality_key || '~' || k" } },
  { table: "agency_aliases", shift: { agency_id: "agency_id + k * :agencies" } },
  { table: "citations", shift: { id: "id + k * :citations", document_id: doc("document_id"), source_document_id: doc("source_document_id"), target_document_id: doc("target_document_id"), via_citation_id: "via_citation_id + k * :citations" } },
  { table: "tasks", shift: { id: "id + k * :tasks", document_id: doc("document_id") } },
  { table: "task_sources", shift: { task_id: "task_id + k * :tasks", citation_id: "citation_id + k * :citations" } },
  { table: "task_agencies", shift: { task_id: "task_id + k * :tasks", agency_id: "agency_id + k * :agencies" } },
  { table: "deadlines", shift: { id: "id + k * :deadlines", document_id: doc("document_id"), task_id: "task_id + k * :tasks" } },
  { table: "metrics", shift: { id: "id + k * :metrics", document_id: doc("document_id"), task_id: "task_id + k * :tasks" } },
  { table: "task_links", shift: { report_task_id: "report_task_id + k * :tasks", plan_task_id: "plan_task_id + k * :tasks" } },
  { table: "document_texts", shift: { document_id: doc("document_id") } },
  { table: "document_search", shift: { rowid: doc("rowid") } },
  { table: "task_search", shift: { rowid: "rowid + k * :tasks" } },
];
const ID_TABLES = ["documents", "files", "agencies", "citations", "tasks", "deadlines", "metrics"];

const client = new pg.Client({ connectionString: url });
await client.connect();
const q = async <T = Record<string, unknown>>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[];

async function seed(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "vanban-pg-scale-"));
  try {
    writeArchive(dir, seedDocs, 3);
    const s = await importPaths([dir], { db: url, jobs: 2, ocr: false });
    console.log(`seed: ${s.documents} documents imported in ${round(s.seconds)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The template: the seed's rows (ids up to these) and which documents are held (copied) rather than shared. */
async function template(): Promise<Record<string, number>> {
  await q(`CREATE TABLE IF NOT EXISTS vb_template (name text PRIMARY KEY, max_id bigint NOT NULL)`);
  if (!(await q(`SELECT 1 FROM vb_template`)).length) {
    for (const t of ID_TABLES) await q(`INSERT INTO vb_template VALUES ($1, (SELECT COALESCE(max(id), 0) FROM ${t}))`, [t]);
    await q(`INSERT INTO vb_template VALUES ('copies', 0)`);
    await q(`CREATE TABLE vb_held AS SELECT id FROM documents WHERE is_placeholder = 0`);
    await q(`ALTER TABLE vb_held ADD PRIMARY KEY (id)`);
    const m = Object.fromEntries((await q<{ name: string; max_id: string }>(`SELECT * FROM vb_template`)).map((r) => [r.name, Number(r.max_id)]));
    await q(`CREATE FUNCTION vb_doc(x bigint, k int) RETURNS bigint LANGUAGE sql STABLE
             AS $$ SELECT CASE WHEN x IS NULL THEN NULL WHEN EXISTS (SELECT 1 FROM vb_held WHERE id = x) THEN x + k * ${m.documents}::bigint ELSE x END $$`);
  }
  return Object.fromEntries((await q<{ name: string; max_id: string }>(`SELECT * FROM vb_template`)).map((r) => [r.name, Number(r.max_id)]));
}

async function grow(m: Record<string, number>, fromCopy: number, toCopy: number): Promise<void> {
  for (const { table, shift, where } of TABLES) {
    const cols = (await q<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [table],
    )).map((r) => r.column_name);
    const exprs = cols.map((c) => (shift[c] ?? `t.${JSON.stringify(c)}`).replace(/:(\w+)/g, (_, n: string) => `${m[n]}::bigint`));
    const templateRows = ID_TABLES.includes(table) ? `t.id <= ${m[table]}` : "true";
    const ownerFilter = ownerOf(table, m);
    await q(`INSERT INTO ${table} (${cols.map((c) => JSON.stringify(c)).join(", ")})
             SELECT ${exprs.join(", ")} FROM ${table} t CROSS JOIN generate_series(${fromCopy}, ${toCopy - 1}) AS k
             WHERE ${templateRows} AND ${ownerFilter}${where ? ` AND ${where}` : ""}`);
  }
  await q(`UPDATE vb_template SET max_id = $1 WHERE name = 'copies'`, [toCopy - 1]);
}

/** Rows of tables without an id belong to the template when their owner does. */
function ownerOf(table: string, m: Record<string, number>): string {
  // Placeholders are shared, not copied: their search and text rows stay single too.
  switch (table) {
    case "agency_aliases": return `t.agency_id <= ${m.agencies}`;
    case "task_sources": case "task_agencies": return `t.task_id <= ${m.tasks}`;
    case "task_links": return `t.report_task_id <= ${m.tasks}`;
    case "document_texts": return "t.document_id IN (SELECT id FROM vb_held)";
    case "document_search": return "t.rowid IN (SELECT id FROM vb_held)";
    case "task_search": return `t.rowid <= ${m.tasks}`;
    default: return "true";
  }
}

/** Median milliseconds of `runs` warm runs, or why the question could not be asked. */
async function timeIt(f: () => unknown): Promise<number | string> {
  try {
    f();
  } catch (e) {
    return `error: ${(e as Error).message.split("\n")[0]}`;
  }
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return round(median(xs), 1);
}

if (!(await q(`SELECT to_regclass('documents') AS t`))[0].t || !(await q(`SELECT 1 FROM documents LIMIT 1`)).length) await seed();
const m = await template();
const held = Number((await q<{ n: string }>(`SELECT count(*) AS n FROM vb_held`))[0].n);
const agency = (await q<{ name: string }>(`SELECT a.name FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id GROUP BY a.name ORDER BY count(*) DESC LIMIT 1`))[0].name;
const results = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as unknown[]) : [];
for (const size of sizes) {
  const copies = Math.ceil(size / held);
  let done = Number((await q<{ max_id: string }>(`SELECT max_id FROM vb_template WHERE name = 'copies'`))[0].max_id) + 1;
  const started = performance.now();
  while (done < copies) {
    const next = Math.min(copies, done + 20);
    await q("BEGIN");
    await grow(m, done, next);
    await q("COMMIT");
    done = next;
    process.stdout.write(`\r${done * held} documents`);
  }
  const growSeconds = round((performance.now() - started) / 1000);
  for (const t of ID_TABLES) await q(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  await q("VACUUM ANALYZE");
  const documents = Number((await q<{ n: string }>(`SELECT count(*) AS n FROM documents WHERE is_placeholder = 0`))[0].n);
  const bytes = Number((await q<{ b: string }>(`SELECT sum(pg_total_relation_size(c.oid)) AS b FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'vb\\_%'`))[0].b);
  const store = openBackend(url, { mustExist: true });
  const ops = store.operations;
  const latencyMs = {
    citingTransitive: await timeIt(() => ops.queryCiting("57-NQ/TW", { transitive: true, limit: 20 })),
    tasksByAgency: await timeIt(() => ops.queryTasks({ agency, limit: 20 })),
    search: await timeIt(() => ops.searchStore("chuyển đổi số", { limit: 20 })),
  };
  store.close();
  const row = { documents, storeMB: round(bytes / 1e6, 1), mbPer10k: round((bytes / 1e6) * (10_000 / documents), 1), growSeconds, agency, latencyMs, load: load() };
  console.log("\n", row);
  results.push(row);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
}
await client.end();
