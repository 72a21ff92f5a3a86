/**
 * The store modules' SQL (written for SQLite) as PostgreSQL runs it. The schema
 * side of the difference lives in PostgreSQL's own migrations (migrations.ts: the
 * same tables, plus the few SQLite functions the statements call — json_each,
 * json_group_array, group_concat, instr); this file rewrites what only the
 * statement text can say:
 *
 * - parameters: `?`, `?NNN`, `:name`, `@name`, `$name` → `$1…`; a JS integer is sent as
 *   `$n::bigint` and a fraction as `$n::float8` (SQLite's values carry their type,
 *   PostgreSQL infers one from the context and guesses text in a select list);
 * - `INSERT OR IGNORE` → `ON CONFLICT DO NOTHING`; `INSERT OR REPLACE` → an upsert on
 *   the table's primary key; `IS [NOT] ?` and `IS [NOT] 'text'` → `IS [NOT] DISTINCT FROM`;
 * - FTS5's `INSERT INTO t (t) VALUES ('delete-all')` → `DELETE FROM t`;
 * - planner hints with no meaning there: `CROSS JOIN … ON` (join order), unary `+col`;
 * - `LIKE` → `ILIKE` (SQLite's LIKE ignores ASCII case; the "C" collation keeps
 *   ILIKE to ASCII as well);
 * - `json_each(?)` → `vanban_json_ids(?)` where it is compared with an id column,
 *   else `vanban_json_texts(?)` (PostgreSQL needs the element type: every `id`/`*_id`
 *   column and citation_reach's ancestor/descendant is an integer, every other json_each
 *   list holds text);
 * - ORDER BY: NULLs sort first ascending as in SQLite (`NULLS FIRST`/`NULLS LAST` added
 *   where a term does not say);
 * - the column named `end` (a reserved word) quoted where it stands alone in a list, and
 *   camelCase aliases quoted (PostgreSQL folds unquoted names to lower case);
 * - a subquery in FROM gets the alias PostgreSQL (before 16) requires;
 * - a negative value bound to `LIMIT ?` (SQLite: no limit) is sent as NULL;
 * - `GLOB '*[class]*'` (holds one character of the class) → `~ '[class]'`.
 *
 * String literals and quoted identifiers are set aside before rewriting and put back after.
 */

export type Translated = { text: string; values: unknown[] };

/** Primary keys of the tables `INSERT OR REPLACE` writes into. */
const PRIMARY_KEYS: Record<string, string[]> = { document_texts: ["document_id"], pending_rereads: ["document_id"], nightly_reported: ["item_key", "section"] };

/** `limit`: it follows LIMIT, where SQLite reads a negative value as "no limit" and PostgreSQL wants NULL. */
type Parameter = { name: string | null; limit: boolean };

type Compiled = { text: (slots: string[]) => string; parameters: Parameter[] };

const cache = new Map<string, Compiled>();

/** `args` as better-sqlite3 takes them: values (or arrays of them) for `?`, an object for the named ones. */
export function toPostgres(sql: string, args: unknown[]): Translated {
  const { compiled, values } = bind(sql, args);
  const casts = values.map(castFor);
  return { text: compiled.text(casts.map((c, i) => `$${i + 1}${c}`)), values: values.map((v) => (typeof v === "bigint" ? v.toString() : v)) };
}

/**
 * The same statement with its values written in as literals (`'text'`, `'5'::bigint`, NULL):
 * statements sent several to a message (the simple-query protocol takes no parameters).
 * An untyped literal is inferred from its context as an untyped parameter is, and the
 * casts are the ones `toPostgres` adds, so the server reads the same values.
 */
export function toPostgresLiteral(sql: string, args: unknown[]): string {
  const { compiled, values } = bind(sql, args);
  return compiled.text(values.map((v) => `${literal(v)}${castFor(v)}`));
}

function bind(sql: string, args: unknown[]): { compiled: Compiled; values: unknown[] } {
  let compiled = cache.get(sql);
  if (!compiled) cache.set(sql, (compiled = compile(sql)));
  const named = (args.find(isNamedBag) ?? {}) as Record<string, unknown>;
  const positional = args.filter((a) => !isNamedBag(a)).flat();
  let next = 0;
  const values = compiled.parameters.map((p) => {
    const v = bindable(p.name !== null ? named[p.name] : positional[next++]);
    return p.limit && typeof v === "number" && v < 0 ? null : v;
  });
  return { compiled, values };
}

function castFor(v: unknown): string {
  return typeof v === "number" ? (Number.isInteger(v) ? "::bigint" : "::float8") : typeof v === "bigint" ? "::bigint" : "";
}

/** A value as an SQL literal; a backslash makes it an E'' string (right whatever standard_conforming_strings says). */
function literal(v: unknown): string {
  if (v === null) return "NULL";
  const text = Buffer.isBuffer(v) ? `\\x${v.toString("hex")}` : String(v);
  const quoted = `'${text.replace(/'/g, "''")}'`;
  return text.includes("\\") ? ` E${quoted.replace(/\\/g, "\\\\")}` : quoted;
}

function isNamedBag(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}

function bindable(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === "boolean") throw new TypeError("SQLite3 can only bind numbers, strings, bigints, buffers, and null");
  return v;
}

function compile(sql: string): Compiled {
  const literals: string[] = [];
  let s = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (m) => {
    literals.push(m);
    return `\u0000${literals.length - 1}\u0000`;
  });
  s = rewriteJsonEach(s);
  s = s
    // FTS5's command to empty a contentless table (the search tables are plain tables here).
    .replace(/\bINSERT\s+INTO\s+(\w+)\s*\(\s*\1\s*\)\s*VALUES\s*\(\s*\u0000(\d+)\u0000\s*\)/gi, (m, table: string, i: string) =>
      literals[Number(i)] === "'delete-all'" ? `DELETE FROM ${table}` : m)
    .replace(/\bINSERT\s+OR\s+IGNORE\s+INTO\b([\s\S]*)$/i, "INSERT INTO$1 ON CONFLICT DO NOTHING")
    .replace(/\bINSERT\s+OR\s+REPLACE\s+INTO\s+(\w+)\s*\(([^)]*)\)([\s\S]*)$/i, (_m, table: string, cols: string, rest: string) => {
      const keys = PRIMARY_KEYS[table];
      if (!keys) throw new Error(`INSERT OR REPLACE into ${table}: its primary key is not known to the PostgreSQL dialect`);
      const others = cols.split(",").map((c) => c.trim()).filter((c) => !keys.includes(c));
      const set = others.length ? `DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}` : "DO NOTHING";
      return `INSERT INTO ${table} (${cols})${rest} ON CONFLICT (${keys.join(", ")}) ${set}`;
    })
    .replace(/\bIS\s+NOT\s+(?=[?:@$\u0000])/gi, "IS DISTINCT FROM ")
    .replace(/\bIS\s+(?=[?:@$\u0000])/gi, "IS NOT DISTINCT FROM ")
    .replace(/\bCROSS\s+JOIN\s+(\w+(?:\s+(?:AS\s+)?(?!ON\b)\w+)?)(?=\s+ON\b)/gi, "JOIN $1")
    .replace(/(\b(?:WHERE|AND|OR|ON|NOT)\s+|\()\+(?=[A-Za-z_])/gi, "$1")
    // GLOB '*[class]*' (contains one of the class) is a regular-expression match.
    .replace(/\bGLOB\s+\u0000(\d+)\u0000/gi, (m, i: string) => {
      const glob = /^'\*(\[[^\]']+\])\*'$/.exec(literals[Number(i)]);
      if (!glob) throw new Error(`GLOB ${literals[Number(i)]}: only '*[class]*' is known to the PostgreSQL dialect`);
      literals[Number(i)] = `'${glob[1]}'`;
      return `~ \u0000${i}\u0000`;
    })
    .replace(/\bNOT\s+LIKE\b/gi, "NOT ILIKE")
    .replace(/(?<!\bNOT\s+|\bI)\bLIKE\b/gi, "ILIKE")
    .replace(/(?<=[,(]\s*)\bend\b(?=\s*[,)])/gi, '"end"')
    .replace(/\bAS\s+([a-z_]\w*[A-Z]\w*)\b/g, 'AS "$1"');
  s = nullsLikeSqlite(s);
  s = aliasSubqueries(s);
  // Parameters, numbered in order of appearance (a named one keeps its first number).
  const parameters: Parameter[] = [];
  const byName = new Map<string, number>();
  const pieces: (string | number)[] = [];
  let last = 0;
  for (const m of s.matchAll(/\?(\d+)?|(?<![:\w])[:@$]([A-Za-z_]\w*)/g)) {
    pieces.push(s.slice(last, m.index));
    last = m.index! + m[0].length;
    const name = m[2] ?? null;
    if (name !== null && byName.has(name)) {
      pieces.push(byName.get(name)!);
      continue;
    }
    parameters.push({ name, limit: /\bLIMIT\s*$/i.test(s.slice(0, m.index)) });
    if (name !== null) byName.set(name, parameters.length - 1);
    pieces.push(parameters.length - 1);
  }
  pieces.push(s.slice(last));
  const restore = (t: string) => t.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => literals[Number(i)]);
  const fixed = pieces.map((p) => (typeof p === "string" ? restore(p) : p));
  return { parameters, text: (slots) => fixed.map((p) => (typeof p === "number" ? slots[p] : p)).join("") };
}

/** Columns holding document or task ids: `id`, `*_id`, and citation_reach's ends. */
const ID_COLUMN = /(?:^|[._])(?:id|ancestor|descendant)$/i;

/** `json_each(?)` compared with an id column reads integers (`vanban_json_ids`); any other, text. */
function rewriteJsonEach(s: string): string {
  return s.replace(/\bjson_each\(([^)]*)\)(\s+(?:AS\s+)?(?!JOIN\b|CROSS\b|WHERE\b|ON\b|ORDER\b|GROUP\b|LEFT\b|INNER\b)(\w+))?/gi, (whole, arg: string, aliasPart: string | undefined, alias: string | undefined, offset: number) => {
    const before = s.slice(Math.max(0, offset - 80), offset);
    let column: string | undefined = /([\w.]+)\s+IN\s*\(\s*SELECT\s+value\s+FROM\s*$/i.exec(before)?.[1];
    if (!column && alias) {
      const a = alias.replace(/[$]/g, "");
      column = new RegExp(`([\\w.]+)\\s*=\\s*${a}\\.value\\b`).exec(s)?.[1] ?? new RegExp(`\\b${a}\\.value\\s*=\\s*([\\w.]+)`).exec(s)?.[1];
    }
    const fn = column && ID_COLUMN.test(column) ? "vanban_json_ids" : "vanban_json_texts";
    return `${fn}(${arg})${aliasPart ?? ""}`;
  });
}

/** Adds SQLite's NULL order (smallest) to every ORDER BY term that does not name one. */
function nullsLikeSqlite(s: string): string {
  let out = "";
  let i = 0;
  const re = /\bORDER\s+BY\b/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    // The clause ends at LIMIT/OFFSET/UNION/a closing parenthesis of its level/the end.
    let depth = 0;
    let end = start;
    const terms: string[] = [];
    let termStart = start;
    for (; end < s.length; end++) {
      const c = s[end];
      if (c === "(") depth++;
      else if (c === ")") {
        if (depth === 0) break;
        depth--;
      } else if (c === "," && depth === 0) {
        terms.push(s.slice(termStart, end));
        termStart = end + 1;
      } else if (depth === 0 && /[A-Za-z]/.test(c) && !/\w/.test(s[end - 1] ?? " ") && /^(LIMIT|OFFSET|UNION|EXCEPT|INTERSECT|WINDOW|FOR)\b/i.test(s.slice(end))) break;
      else if (c === ";") break;
    }
    terms.push(s.slice(termStart, end));
    const rewritten = terms
      .map((t) => {
        if (/\bNULLS\s+(FIRST|LAST)\b/i.test(t)) return t;
        const trail = /\s*$/.exec(t)![0];
        const body = t.slice(0, t.length - trail.length);
        return `${body} ${/\bDESC$/i.test(body.trim()) ? "NULLS LAST" : "NULLS FIRST"}${trail}`;
      })
      .join(",");
    out += s.slice(i, start) + rewritten;
    i = end;
    re.lastIndex = end;
  }
  return out + s.slice(i);
}

/** `FROM (SELECT …)` without a name → `FROM (SELECT …) AS vanban_subquery_N`. */
function aliasSubqueries(s: string): string {
  let n = 0;
  const re = /\b(?:FROM|JOIN)\s*\(\s*(?=SELECT\b|WITH\b)/gi;
  const inserts: number[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let depth = 0;
    let i = s.indexOf("(", m.index);
    for (; i < s.length; i++) {
      if (s[i] === "(") depth++;
      else if (s[i] === ")" && --depth === 0) break;
    }
    const after = s.slice(i + 1);
    if (!/^\s*(?:AS\s+)?(?!(?:WHERE|JOIN|LEFT|INNER|CROSS|ON|GROUP|ORDER|LIMIT|UNION|WINDOW|HAVING|OFFSET)\b)[A-Za-z_]\w*/i.test(after) || /^\s*$|^\s*[),]/.test(after)) inserts.push(i + 1);
  }
  for (const at of inserts.sort((a, b) => b - a)) s = `${s.slice(0, at)} AS vanban_subquery_${n++}${s.slice(at)}`;
  return s;
}
