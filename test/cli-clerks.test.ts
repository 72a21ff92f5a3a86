/**
 * The built CLI, spawned, for clerks and analysts: Vietnamese by default and
 * English on request, --version, the read-only `sql` console, --ndjson, the
 * citation graph as GraphML and CSV (parsed back), `extract -` from stdin,
 * distinct `extract --out` names, CSV with a byte-order mark, `show --csv --out`.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCliAndWorld, spawnCli as vanban } from "./cli-world.js";
import { tempDir } from "./store-fixtures.js";

let db: string;
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

const ok = (args: string[], options?: Parameters<typeof vanban>[1]) => {
  const r = vanban(args, options);
  expect(r.stderr, args.join(" ")).toBe("");
  expect(r.status, args.join(" ")).toBe(0);
  return r.stdout;
};

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

beforeAll(() => {
  db = buildCliAndWorld();
}, 180_000);

describe("language", () => {
  it("--help is Vietnamese by default, commander's own words too; English with --lang en or LANG=en_US", () => {
    const vi = ok(["query", "tasks", "--help"]);
    expect(vi).toMatch(/^Cách dùng: vanban query tasks \[tùy chọn\]\n/);
    expect(vi).toContain("Tùy chọn:");
    expect(vi).toContain("tệp kho dữ liệu (mặc định: \"vanban.db\")");
    expect(vi).toContain("hiển thị trợ giúp cho lệnh");
    expect(vi).not.toMatch(/Usage:|Options:|default:|display help/);
    for (const en of [ok(["query", "tasks", "--help", "--lang", "en"]), ok(["query", "tasks", "--help"], { env: { LANG: "en_US.UTF-8" } })]) {
      expect(en).toMatch(/^Usage: vanban query tasks/);
      expect(en).toContain("store file (default: \"vanban.db\")");
    }
    // LC_ALL wins over LANG, as POSIX says.
    expect(ok(["--help"], { env: { LANG: "en_US.UTF-8", LC_ALL: "vi_VN.UTF-8" } })).toMatch(/^Cách dùng:/);
  });

  it("the five most common mistakes are one Vietnamese line each (English with --lang en), exit 1 (a usage error 2)", () => {
    const cases: [string[], string, string][] = [
      [["query", "citing", "99-XX/YY", "--db", db], "lỗi: không có văn bản nào có số hiệu 99-XX/YY", "error: no document matches 99-XX/YY"],
      [["query", "citing", "41-KH/ĐU", "--db", db], "lỗi: có nhiều văn bản số hiệu 41-KH/ĐU — thêm --issuer (2 xã, phường dùng số hiệu này: Phong Quang, Phú Thịnh)", "error: no document matches 41-KH/ĐU — add --issuer (2 communes use this code: Phong Quang, Phú Thịnh)"],
      [["show", "1", "--db", `${db}.missing`], `lỗi: không có kho tại ${db}.missing — hãy chạy "vanban import ĐƯỜNG_DẪN… --db ${db}.missing" trước`, `error: no store at ${db}.missing — run "vanban import PATH… --db ${db}.missing" first`],
      [["query", "tasks", "--status", "xong", "--db", db], "lỗi: không có trạng thái xong — dùng một trong done, in-progress, not-started, overdue", "error: unknown status xong — use one of done, in-progress, not-started, overdue"],
      [["query", "tasks", "--agnecy", "VP", "--db", db], "lỗi: không có tùy chọn --agnecy (có phải ý bạn là --agency?)", "error: unknown option --agnecy (Did you mean --agency?)"],
    ];
    for (const [args, vi, en] of cases) {
      const r = vanban(args);
      expect(r.stderr, args.join(" ")).toBe(`${vi}\n`);
      expect(r.status).toBe(args.includes("--agnecy") ? 2 : 1);
      expect(vanban([...args, "--lang", "en"]).stderr).toBe(`${en}\n`);
    }
  });

  it("an import names each refused file and why, in Vietnamese; the stored reason stays as data", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.pdf"), "");
    // The OLE signature of a Word 97-2003 file, renamed .docx as clerks do.
    writeFileSync(join(dir, "old.docx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 1)]));
    const store = join(dir, "v.db");
    const r = vanban(["import", join(dir, "empty.pdf"), join(dir, "old.docx"), join(dir, "missing.txt"), "--db", store]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^văn bản: 0 mới, 0 thay đổi, 0 không đổi\nđã xem 3 tệp: 0 mới, 0 thay đổi, 0 bỏ qua, 3 lỗi/);
    expect(r.stdout).toContain(`${join(dir, "old.docx")}: sniff: tệp Word 97-2003 (.doc) cũ — hãy lưu lại thành .docx để nhập\n`);
    expect(r.stdout).toContain(`${join(dir, "empty.pdf")}: sniff: tệp rỗng (0 byte)\n`);
    expect(r.stdout).toContain(`${join(dir, "missing.txt")}: read: không có tệp này\n`);
    const json = JSON.parse(vanban(["import", join(dir, "old.docx"), "--db", store, "--json"]).stdout);
    expect(json.errors[0].reason).toBe("legacy Word 97-2003 (.doc, OLE) file — save it as .docx to import it");
  });

  it("tables speak Vietnamese; --json keys and values stay machine-readable", () => {
    const table = ok(["query", "citing", "57-NQ/TW", "--db", db]);
    expect(table.split("\n")[0]).toMatch(/^\d+ văn bản trích dẫn 57-NQ\/TW/);
    expect(table.split("\n")[1]).toMatch(/^bậc\s+quan hệ\s+id\s+số hiệu\s+loại\s+ngày\s+cơ quan ban hành\s+lưu trữ/);
    const json = JSON.parse(ok(["query", "citing", "57-NQ/TW", "--db", db, "--json"]));
    expect(Object.keys(json.citing[0])).toEqual(expect.arrayContaining(["depth", "relations", "document"]));
    expect(json.citing[0].relations[0]).toMatch(/^(basis|implements|annex-of|cites)$/);
  });
});

describe("--version", () => {
  it("prints package.json's version", () => {
    expect(ok(["--version"])).toBe(`${pkg.version}\n`);
    expect(ok(["-V"])).toBe(`${pkg.version}\n`);
  });
});

describe("vanban sql", () => {
  it("answers a SELECT as a table, JSON, CSV (with a BOM) and NDJSON", () => {
    const select = "SELECT code, kind, issuer FROM documents WHERE code = '144/KH-UBND'";
    expect(JSON.parse(ok(["sql", select, "--db", db, "--json"]))).toEqual({
      columns: ["code", "kind", "issuer"],
      rows: [{ code: "144/KH-UBND", kind: "ke-hoach", issuer: "UBND tỉnh Thái Nguyên" }],
    });
    const table = ok(["sql", select, "--db", db]).split("\n");
    expect(table[0]).toBe("1 dòng");
    expect(table[1]).toMatch(/^code\s+kind\s+issuer$/);
    expect(table[3]).toMatch(/^144\/KH-UBND\s+ke-hoach\s+UBND tỉnh Thái Nguyên$/);
    expect(ok(["sql", "WITH x(n) AS (VALUES (1), (2)) SELECT n, n * 10 AS ten FROM x", "--db", db, "--csv"])).toBe("\uFEFFn,ten\r\n1,10\r\n2,20\r\n");
    const count = JSON.parse(ok(["sql", "SELECT COUNT(*) AS n FROM documents", "--db", db, "--json"])).rows[0].n;
    const lines = ok(["sql", "SELECT id, code FROM documents ORDER BY id", "--db", db, "--ndjson"]).trimEnd().split("\n");
    expect(lines).toHaveLength(count);
    expect(lines.map((l) => Object.keys(JSON.parse(l)))).toEqual(lines.map(() => ["id", "code"]));
    // Repeated column names keep every value.
    expect(JSON.parse(ok(["sql", "SELECT 1 AS id, 2 AS id", "--db", db, "--json"])).rows).toEqual([{ id: 1, id_2: 2 }]);
  });

  it("--ndjson streams: a reader that stops after one line ends the answer quietly (exit 0)", async () => {
    const child = spawn(process.execPath, ["bin/vanban.js", "sql", "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 2000000) SELECT n FROM c", "--db", db, "--ndjson"], {
      env: { ...process.env, LANG: "vi_VN.UTF-8", LC_ALL: "" },
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const first = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(d.toString())));
    child.stdout.destroy();
    const [code] = (await once(child, "exit")) as [number];
    expect(first.split("\n")[0]).toBe('{"n":1}');
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("refuses anything that writes, in one line, and the store file is unchanged", () => {
    const before = sha(db);
    for (const statement of ["DELETE FROM documents", "UPDATE documents SET code = 'x'", "DROP TABLE tasks", "PRAGMA user_version = 99", "INSERT INTO runs (command) VALUES ('x')", "ATTACH DATABASE '/tmp/x.db' AS x", "VACUUM"]) {
      const r = vanban(["sql", statement, "--db", db]);
      expect(r.status, statement).toBe(1);
      expect(r.stderr, statement).toMatch(/^lỗi: (chỉ chạy được câu lệnh đọc|SQL: )/);
      expect(r.stderr.trim().split("\n"), statement).toHaveLength(1);
    }
    expect(vanban(["sql", "SELECT 1; DELETE FROM documents", "--db", db]).stderr).toMatch(/^lỗi: SQL: .*more than one statement/);
    expect(vanban(["sql", "SELEC nothing", "--db", db]).stderr).toMatch(/^lỗi: SQL: near "SELEC": syntax error\n$/);
    expect(vanban(["sql", "SELECT 1", "--db", `${db}.missing`]).stderr).toMatch(/^lỗi: không có kho tại /);
    expect(sha(db)).toBe(before);
    expect(JSON.parse(ok(["sql", "SELECT COUNT(*) AS n FROM documents WHERE code = '144/KH-UBND'", "--db", db, "--json"])).rows[0].n).toBe(1);
  });
});

describe("--ndjson", () => {
  it("query tasks, citing, metrics and search: one JSON object per line, the same items as --json", () => {
    const cases: [string[], (j: Record<string, unknown[]>) => unknown[]][] = [
      [["query", "tasks"], (j) => j.tasks],
      [["query", "citing", "57-NQ/TW", "--transitive"], (j) => j.citing],
      [["query", "metrics"], (j) => j.pairs],
      [["search", "57-NQ/TW"], (j) => j.hits],
    ];
    for (const [args, items] of cases) {
      const expected = items(JSON.parse(ok([...args, "--db", db, "--json"])));
      expect(expected.length, args.join(" ")).toBeGreaterThan(0);
      const out = ok([...args, "--db", db, "--ndjson"]);
      expect(out.endsWith("\n")).toBe(true);
      expect(out.trimEnd().split("\n").map((l) => JSON.parse(l)), args.join(" ")).toEqual(expected);
    }
    expect(vanban(["query", "tasks", "--db", db, "--json", "--ndjson"]).stderr).toBe("lỗi: chỉ chọn một trong --json, --csv, --ndjson\n");
  });
});

describe("vanban export graph", () => {
  // xmldom's node lists are array-like, not iterable.
  const all = (el: Element | Document, tag: string) => Array.from(el.getElementsByTagName(tag) as ArrayLike<Element>);
  const text = (el: Element, key: string) => all(el, "data").find((d) => d.getAttribute("key") === key)?.textContent ?? null;

  it("GraphML parses back: every node with code, kind, title, issuer, date, held; edges with their relation", () => {
    const xml = ok(["export", "graph", "--format", "graphml", "--code", "57-NQ/TW", "--db", db]);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(xml, "text/xml");
    expect(errors).toEqual([]);
    expect(doc.documentElement!.getAttribute("xmlns")).toBe("http://graphml.graphdrawing.org/xmlns");
    const keys = all(doc, "key").map((k) => `${k.getAttribute("for")}:${k.getAttribute("attr.name")}`);
    expect(keys).toEqual(expect.arrayContaining(["node:code", "node:kind", "node:title", "node:issuer", "node:date", "node:held", "edge:relation"]));
    const nodes = new Map(all(doc, "node").map((n) => [n.getAttribute("id")!, n]));
    const citing = JSON.parse(ok(["query", "citing", "57-NQ/TW", "--transitive", "--db", db, "--json"]));
    expect(nodes.size).toBe(citing.total + 1);
    const byCode = (code: string) => [...nodes.entries()].find(([, n]) => text(n, "code") === code)!;
    const [nq57, nq57Node] = byCode("57-NQ/TW");
    expect(text(nq57Node, "held")).toBe("false");
    const [plan144, plan144Node] = byCode("144/KH-UBND");
    expect({ kind: text(plan144Node, "kind"), issuer: text(plan144Node, "issuer"), date: text(plan144Node, "date"), held: text(plan144Node, "held") })
      .toEqual({ kind: "ke-hoach", issuer: "UBND tỉnh Thái Nguyên", date: "2026-04-09", held: "true" });
    expect(text(plan144Node, "title")).toBe("triển khai Thông báo kết luận của Ban Chỉ đạo tỉnh Thái Nguyên");
    const edges = all(doc, "edge").map((e) => ({ source: e.getAttribute("source"), target: e.getAttribute("target"), relation: text(e, "relation") }));
    // The world's 144/KH-UBND implements 57-NQ/TW (store-fixtures.ts, NQ57).
    expect(edges).toContainEqual({ source: plan144, target: nq57, relation: "implements" });
    for (const e of edges) expect(nodes.has(e.source!) && nodes.has(e.target!)).toBe(true);
  });

  it("CSV for Gephi: nodes.csv and edges.csv with Id/Label and Source/Target/Type, the same graph as the GraphML", () => {
    const dir = tempDir();
    const r = vanban(["export", "graph", "--format", "csv", "--out", dir, "--db", db]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^đã ghi .*nodes\.csv, .*edges\.csv \(\d+ nút, \d+ cạnh\)\n$/);
    const nodes = readFileSync(join(dir, "nodes.csv"), "utf8").trimEnd().split("\r\n");
    const edges = readFileSync(join(dir, "edges.csv"), "utf8").trimEnd().split("\r\n");
    expect(nodes[0]).toBe("Id,Label,code,kind,title,issuer,date,held,locality");
    expect(edges[0]).toBe("Source,Target,Type,relation,reported");
    const xml = new DOMParser().parseFromString(ok(["export", "graph", "--db", db]), "text/xml");
    expect(nodes.length - 1).toBe(xml.getElementsByTagName("node").length);
    expect(edges.length - 1).toBe(xml.getElementsByTagName("edge").length);
    const ids = new Set(nodes.slice(1).map((l) => l.split(",")[0]));
    for (const line of edges.slice(1)) {
      const [source, target, type] = line.split(",");
      expect(ids.has(source) && ids.has(target)).toBe(true);
      expect(type).toBe("Directed");
    }
    expect(vanban(["export", "graph", "--format", "gexf", "--db", db]).stderr).toBe("lỗi: --format cần graphml hoặc csv, không phải gexf\n");
  });
});

describe("vanban extract", () => {
  it("- reads pasted text from stdin and finds what the same text finds as a file", () => {
    const file = "fixtures/003_dd124789fcb3a41d.txt";
    const fromStdin = JSON.parse(ok(["extract", "-", "--json"], { input: readFileSync(file, "utf8") }));
    const fromFile = JSON.parse(ok(["extract", file, "--json"]));
    expect(fromStdin.source.file).toBe("-");
    expect(fromStdin.references.map((r: { code: string }) => r.code)).toEqual(fromFile.references.map((r: { code: string }) => r.code));
    expect(fromStdin.references.map((r: { code: string }) => r.code)).toContain("57-NQ/TW");
    // A pasted sentence: the citation is found in it.
    const pasted = JSON.parse(ok(["extract", "-", "--json"], { input: "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ." }));
    expect(pasted.references).toEqual([expect.objectContaining({ code: "57-NQ/TW", date: "2024-12-22" })]);
    const empty = vanban(["extract", "-"], { input: "" });
    expect(empty.stderr).toBe("lỗi: (đầu vào chuẩn): sniff: tệp rỗng (0 byte)\n");
    expect(empty.status).toBe(2);
  });

  it("--out keeps two inputs with one stem apart", () => {
    const src = tempDir();
    const out = tempDir();
    copyFileSync("fixtures/000_9cf0e1b2418f68ec.pdf", join(src, "a.pdf"));
    copyFileSync("fixtures/000_9cf0e1b2418f68ec.docx", join(src, "a.docx"));
    copyFileSync("fixtures/003_dd124789fcb3a41d.txt", join(src, "b.txt"));
    ok(["extract", join(src, "a.pdf"), join(src, "a.docx"), join(src, "b.txt"), "--out", out]);
    expect(readdirSync(out).sort()).toEqual(["a.docx.json", "a.pdf.json", "b.json"]);
    expect(JSON.parse(readFileSync(join(out, "a.pdf.json"), "utf8")).source.format).toBe("pdf");
    expect(JSON.parse(readFileSync(join(out, "a.docx.json"), "utf8")).source.format).toBe("docx");
  });
});

describe("CSV for Excel", () => {
  it("show --csv --out writes one CSV per section, each with a BOM and Vietnamese headers", () => {
    const out = tempDir();
    const r = vanban(["show", "144/KH-UBND", "--csv", "--out", out, "--db", db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`đã ghi 7 tệp CSV vào ${out}\n`);
    expect(readdirSync(out).sort()).toEqual(["duoc-trich-dan.csv", "nhiem-vu.csv", "so-lieu.csv", "tep.csv", "thoi-han.csv", "trich-dan.csv", "van-ban.csv"]);
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), "utf8").charCodeAt(0), f).toBe(0xfeff);
    const references = readFileSync(join(out, "trich-dan.csv"), "utf8").slice(1).trimEnd().split("\r\n");
    expect(references[0]).toBe("quan hệ,id,số hiệu,loại,ngày,cơ quan ban hành,lưu trữ,tệp,trang,vị trí,báo cáo bởi");
    expect(references.slice(1).map((l) => l.split(",")[2])).toEqual(["57-NQ/TW", "13-TB/CQTT"]);
    expect(readFileSync(join(out, "van-ban.csv"), "utf8")).toContain("trích yếu,triển khai Thông báo kết luận của Ban Chỉ đạo tỉnh Thái Nguyên");
    expect(vanban(["show", "144/KH-UBND", "--out", out, "--db", db]).stderr).toBe("lỗi: --out chỉ dùng với --csv\n");
  });

  it("show --csv without --out: one stream, one BOM, a titled block per section", () => {
    const out = ok(["show", "144/KH-UBND", "--csv", "--db", db]);
    expect(out.startsWith("\uFEFF# 144/KH-UBND")).toBe(true);
    expect(out.match(/\uFEFF/g)).toHaveLength(1);
    expect(out).toContain("\r\n# trích dẫn\r\nquan hệ,id,số hiệu");
  });
});
