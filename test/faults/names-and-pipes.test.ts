/**
 * Issue 12 item 12: file names are data. A name with a newline, ESC sequences (which
 * recolour or rewrite the terminal), a C1 CSI or a bidi override is shown escaped in
 * every summary line and in the JSON log lines, so one file can neither fake a line of
 * the summary nor take over the terminal. And `vanban … | head` ends quietly (EPIPE).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOnce, CLI, ROOT, vanban } from "./cli.js";
import { tempDir } from "./generate.js";

const temp = tempDir("names");
const inbox = join(temp.dir, "inbox");
const db = join(temp.dir, "names.db");
/** A name that, printed raw, ends the line and adds a fake summary line in red. */
const EVIL = "kế hoạch\n  ok.pdf: imported\x1b[31m\x9b2J\u202eftp.txt";
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

beforeAll(() => {
  buildOnce();
  mkdirSync(inbox);
  copyFileSync(join(ROOT, "fixtures/000_9cf0e1b2418f68ec.txt"), join(inbox, "plan.txt"));
  // Random bytes: refused by sniff, so the name shows in the failed-files lines.
  writeFileSync(join(inbox, EVIL), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x80, 0x90, 0xa0, 0xb0, 0xc0]).toString("latin1").repeat(50), "latin1");
}, 180_000);
afterAll(() => temp.cleanup());

describe("names with control characters", () => {
  it("import's summary shows them escaped, one line per file", () => {
    const r = vanban(["import", inbox, "--db", db], { env: { ...process.env, VANBAN_LOG: "warn" } });
    expect(r.status).toBe(2);
    expect(r.stdout).not.toMatch(RAW);
    const failed = r.stdout.split("\n").filter((l) => l.startsWith("  "));
    expect(failed).toEqual([`  ${join(inbox, "kế hoạch\\n  ok.pdf: imported\\x1b[31m\\x9b2J\\u202eftp.txt")}: sniff: nội dung nhị phân, không phải PDF, DOCX hay văn bản`]);
    // The log line on stderr is JSON, one per event, with the name escaped too.
    const logs = r.stderr.trim().split("\n");
    expect(logs).toHaveLength(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(JSON.parse(logs[0]).file).toBe(join(inbox, "kế hoạch\\n  ok.pdf: imported\\x1b[31m\\x9b2J\\u202eftp.txt"));
  });

  it("doctor and parse escape them as well", () => {
    const doctor = vanban(["doctor", "--db", db]);
    expect(doctor.stdout).toContain("kế hoạch\\n  ok.pdf: imported\\x1b[31m\\x9b2J\\u202eftp.txt: sniff:");
    expect(doctor.stdout).not.toMatch(RAW);
    const parse = vanban(["parse", join(inbox, EVIL)]);
    expect(parse.status).toBe(2);
    expect(parse.stderr).not.toMatch(RAW);
    expect(parse.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a bad option value is echoed escaped", () => {
    const r = vanban(["query", "tasks", "--db", db, "--due-before", "2026\n\x1b[2J"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("lỗi: --due-before 2026\\n\\x1b[2J: không phải một ngày, tháng hoặc năm có thật — viết như 30/04/2026, 2026-04-30, 04/2026, 2026-04 hoặc 2026\n");
  });
});

describe("a reader that stops early (| head)", () => {
  const piped = (args: string[], reader: string) => {
    const command = `'${process.execPath}' '${CLI}' ${args.map((a) => `'${a}'`).join(" ")} | ${reader} >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`;
    return spawnSync("bash", ["-c", command], { encoding: "utf8", timeout: 60_000 });
  };

  it("show, query --json/--csv and search end quietly", () => {
    const many = join(temp.dir, "many");
    mkdirSync(many);
    // Enough rows that the output is larger than a pipe's 64 KB buffer.
    for (let i = 0; i < 40; i++) writeFileSync(join(many, `plan-${i}.txt`), `${"Kế hoạch số " + (100 + i) + "-KH/UBND ngày 02/3/2026 của Ủy ban nhân dân xã Tân Lập về rà soát hồ sơ năm 2026.\n\n"}${Array.from({ length: 30 }, (_, t) => `${t + 1}. Giao Văn phòng Ủy ban nhân dân xã rà soát, cập nhật hồ sơ thủ tục hành chính nhóm ${t + 1}, hoàn thành trước ngày 30/4/2026.`).join("\n")}\n`);
    const store = join(temp.dir, "many.db");
    expect(vanban(["import", many, "--db", store]).status).toBe(0);
    for (const [args, reader] of [
      [["query", "tasks", "--db", store, "--json"], "head -c 100"],
      [["query", "tasks", "--db", store, "--csv"], "head -1"],
      [["show", "1", "--db", store, "--json"], "head -c 10"],
      [["search", "hồ sơ", "--db", store, "--json"], "head -1"],
    ] as const) {
      const r = piped([...args], reader);
      expect(r.stderr, args.join(" ")).toBe("exit=0\n");
    }
  });
});
