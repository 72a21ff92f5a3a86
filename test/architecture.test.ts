/**
 * The layout rules of issue 15, checked on the source tree: SQL only inside
 * src/store/ (the check anyone can run is
 * `grep -rlE "\.prepare\(|SELECT .* FROM" src pipelines | grep -v src/store`), the
 * link stage free of any database, callers reaching the store through its
 * front door (src/store/index.ts), modules small enough to read, and one agency
 * vocabulary (src/extract/registries/agency-vocabulary.ts).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|js)$/.test(name)) out.push(path);
  }
  return out;
}

const SQL = /\.prepare\(|SELECT .* FROM/;
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

describe("architecture", () => {
  it("no SQL outside src/store/", () => {
    const offenders = [...sources("src"), ...sources("pipelines")].filter((f) => !f.startsWith("src/store/") && SQL.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it("SQLite is opened only inside src/store/ (its pragmas and functions stay behind the interface)", () => {
    const offenders = [...sources("src"), ...sources("pipelines")].filter((f) => !f.startsWith("src/store/") && /from "better-sqlite3"|\.pragma\(/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it("the link stage is pure: no store, no SQLite, no SQL", () => {
    const files = sources("src/link");
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = read(f);
      expect({ file: f, store: /from "\.\.\/store\/|better-sqlite3/.test(text), sql: SQL.test(text) }).toEqual({ file: f, store: false, sql: false });
    }
  });

  it("the CLI, the web server and the pipelines import the store only through src/store/index.ts", () => {
    const callers = [...sources("src/cli"), ...sources("src/web"), ...sources("pipelines")];
    const deep = callers.flatMap((f) =>
      [...read(f).matchAll(/from "((?:\.\.\/)+(?:src\/)?store\/[^"]+)"/g)]
        .map((m) => m[1])
        .filter((p) => !p.endsWith("store/index.js"))
        .map((p) => `${relative(ROOT, join(ROOT, f))}: ${p}`),
    );
    expect(deep).toEqual([]);
  });

  it("no module of src/ or pipelines/ over 320 lines (the i18n catalogues are data)", () => {
    const CATALOGUES = new Set(["src/i18n/vi.ts", "src/i18n/en.ts"]);
    const long = [...sources("src"), ...sources("pipelines")]
      .filter((f) => !CATALOGUES.has(f))
      .map((f) => ({ file: f, lines: read(f).split("\n").length - (read(f).endsWith("\n") ? 1 : 0) }))
      .filter((m) => m.lines > 320);
    expect(long).toEqual([]);
  });

  it("one agency vocabulary: abbreviations and their expansions are written only in agency-vocabulary.ts", () => {
    const VOCABULARY = "src/extract/registries/agency-vocabulary.ts";
    // An abbreviation as a key of a map ("UBMT: …", "\"VH-XH\": …") or an expansion written beside it.
    const SECOND_LIST = /(?<![\p{L}\p{N}])(?:UBMT|ĐU|VP|"VH-XH"|HĐND|BCHQS)\s*:\s*"|"Ủy ban Mặt trận"|"Văn hóa - Xã hội"/u;
    expect(SECOND_LIST.test(read(VOCABULARY))).toBe(true);
    const offenders = [...sources("src"), ...sources("pipelines")].filter((f) => f !== VOCABULARY && SECOND_LIST.test(read(f)));
    expect(offenders).toEqual([]);
  });
});
