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

/**
 * How a copy shifts a column, by what the column holds. Documents are mapped through
 * vb_held (a held document moves to its copy; a placeholder stays shared); the ids of
 * other rows move by k × the template's largest id of their table. A table with an
 * id-like column not named here stops the script: every table is copied by rule, none
 * forgotten (migrations add tables).
 */
const DOCUMENT = /^(?:document_id|source_document_id|target_document_id|report_document_id|ancestor|descendant)$/;
const SHIFT_BY: Record<string, string> = {
  task_id: "tasks", report_task_id: "tasks", plan_task_id: "tasks", peer_task_id: "tasks",
  citation_id: "citations", via_citation_id: "citations", agency_id: "agencies", passage_id: "passages",
};
/** Text keys: a copy is another commune, so its identity keys, paths and hashes differ. */
const SUFFIX: Record<string, Record<string, string>> = {
  documents: { key: "t.key || '~' || k", locality_key: "t.locality_key || '~' || k", content_sha256: "t.content_sha256 || '~' || k" },
  files: { path: "'/xa-' || k || t.path", sha256: "t.sha256 || '~' || k" },
  agencies: { key: "t.key || '~' || k", locality_key: "t.locality_key || '~' || k" },
  // The order key of a reach row is its descendant's key.
  citation_reach: { key: "CASE WHEN h_descendant.id IS NULL THEN t.key ELSE t.key || '~' || k END" },
};
/** Which column says a row is the template's, where it is not the first id-like one: a reach row belongs to the document that reaches. */
const OWNER: Record<string, string> = { citation_reach: "descendant" };
/** Search tables: rowid is the id of the row they index. */
const ROWID_OF: Record<string, string> = { document_search: "documents", task_search: "tasks", passage_search: "passages" };
/** Not part of an archive's content. */
const SKIP = new Set(["runs", "nightly_reported", "pending_rereads", "schema_migrations"]);

type Plan = { table: string; columns: string[]; exprs: string[]; joins: string[]; where: string[] };

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

async function tables(): Promise<Map<string, { columns: string[]; generated: string[] }>> {
  const rows = await q<{ table_name: string; column_name: string; is_generated: string }>(
    `SELECT c.table_name, c.column_name, c.is_generated FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.table_name NOT LIKE 'vb\\_%' ORDER BY c.table_name, c.ordinal_position`,
  );
  const out = new Map<string, { columns: string[]; generated: string[] }>();
  for (const r of rows) {
    if (SKIP.has(r.table_name)) continue;
    const t = out.get(r.table_name) ?? { columns: [], generated: [] };
    (r.is_generated === "ALWAYS" ? t.generated : t.columns).push(r.column_name);
    out.set(r.table_name, t);
  }
  return out;
}

/**
 * The template: the seed's rows (ids up to these) and which documents are held (copied)
 * rather than shared. Generated columns (the search tables' tsvector) become plain ones
 * on this bench database, copied with their row: the same text gives the same tsvector,
 * and computing it again for every copy was most of the growing time.
 */
async function template(): Promise<Record<string, number>> {
  await q(`CREATE TABLE IF NOT EXISTS vb_template (name text PRIMARY KEY, max_id bigint NOT NULL)`);
  if (!(await q(`SELECT 1 FROM vb_template`)).length) {
    for (const [t, { columns, generated }] of await tables()) {
      if (columns.includes("id")) await q(`INSERT INTO vb_template VALUES ($1, (SELECT COALESCE(max(id), 0) FROM ${t}))`, [t]);
      for (const g of generated) await q(`ALTER TABLE ${t} ALTER COLUMN ${g} DROP EXPRESSION`);
    }
    await q(`INSERT INTO vb_template VALUES ('copies', 0)`);
    await q(`CREATE TABLE vb_held AS SELECT id FROM documents WHERE is_placeholder = 0`);
    await q(`ALTER TABLE vb_held ADD PRIMARY KEY (id)`);
  }
  return Object.fromEntries((await q<{ name: string; max_id: string }>(`SELECT * FROM vb_template`)).map((r) => [r.name, Number(r.max_id)]));
}

/** One INSERT … SELECT per table: its columns shifted by rule, the template's rows only (owned by a held document or a template id). */
function plan(table: string, columns: string[], m: Record<string, number>): Plan {
  const p: Plan = { table, columns, exprs: [], joins: [], where: [] };
  const owners = new Map<string, string>();
  let c = "";
  const own = (cond: string) => owners.set(c, cond);
  for (c of columns) {
    const col = `t.${JSON.stringify(c)}`;
    const rowidOf = c === "rowid" ? ROWID_OF[table] : undefined;
    if (SUFFIX[table]?.[c]) p.exprs.push(SUFFIX[table][c]);
    else if (c === "id" && m[table] !== undefined) {
      p.exprs.push(`${col} + k * ${m[table]}::bigint`);
      own(`${col} <= ${m[table]}`);
    } else if (DOCUMENT.test(c) || rowidOf === "documents") {
      const h = `h_${c}`;
      p.joins.push(`LEFT JOIN vb_held ${h} ON ${h}.id = ${col}`);
      p.exprs.push(`CASE WHEN ${h}.id IS NULL THEN ${col} ELSE ${col} + k * ${m.documents}::bigint END`);
      own(`${h}.id IS NOT NULL`);
    } else if (SHIFT_BY[c] || rowidOf) {
      const of = SHIFT_BY[c] ?? rowidOf!;
      if (m[of] === undefined) throw new Error(`${table}.${c}: no template ids of ${of}`);
      p.exprs.push(`${col} + k * ${m[of]}::bigint`);
      own(`${col} <= ${m[of]}`);
    } else if (/(?:^|_)id$/.test(c) && c !== "run_id") throw new Error(`${table}.${c}: no copy rule (bench/pg-scale.ts)`);
    else p.exprs.push(col);
  }
  const owner = owners.get(OWNER[table] ?? [...owners.keys()][0] ?? "");
  if (!owner) throw new Error(`${table}: no column says which rows are the template's`);
  p.where.push(owner);
  if (table === "documents") p.where.push("t.is_placeholder = 0");
  return p;
}

async function grow(plans: Plan[], fromCopy: number, toCopy: number): Promise<void> {
  for (const p of plans)
    await q(`INSERT INTO ${p.table} (${p.columns.map((c) => JSON.stringify(c)).join(", ")})
             SELECT ${p.exprs.join(", ")} FROM ${p.table} t ${p.joins.join(" ")} CROSS JOIN generate_series(${fromCopy}, ${toCopy - 1}) AS k
             WHERE ${p.where.join(" AND ")}`);
  await q(`UPDATE vb_template SET max_id = $1 WHERE name = 'copies'`, [toCopy - 1]);
}

/** Secondary indexes (not backing a constraint): dropped while growing, built again after, as a bulk load does. */
async function dropIndexes(): Promise<string[]> {
  const rows = await q<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'vb\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  for (const r of rows) await q(`DROP INDEX ${r.name}`);
  return rows.map((r) => r.def);
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
const plans = [...(await tables())].map(([t, { columns }]) => plan(t, columns, m));
const held = Number((await q<{ n: string }>(`SELECT count(*) AS n FROM vb_held`))[0].n);
const agency = (await q<{ name: string }>(`SELECT a.name FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id GROUP BY a.name ORDER BY count(*) DESC LIMIT 1`))[0].name;
const results = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as unknown[]) : [];
// The copies are whole by construction: no foreign-key checks or triggers while growing (superuser).
await q("SET session_replication_role = replica");
await q("SET maintenance_work_mem = '512MB'");
for (const size of sizes) {
  const copies = Math.ceil(size / held);
  let done = Number((await q<{ max_id: string }>(`SELECT max_id FROM vb_template WHERE name = 'copies'`))[0].max_id) + 1;
  const started = performance.now();
  const indexes = done < copies ? await dropIndexes() : [];
  while (done < copies) {
    const next = Math.min(copies, done + 100);
    await q("BEGIN");
    await grow(plans, done, next);
    await q("COMMIT");
    done = next;
    process.stdout.write(`\r${done * held} documents, ${round((performance.now() - started) / 1000)} s`);
  }
  for (const def of indexes) await q(def);
  const growSeconds = round((performance.now() - started) / 1000);
  for (const t of Object.keys(m).filter((t) => t !== "copies")) await q(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
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
