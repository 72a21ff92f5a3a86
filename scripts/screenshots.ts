/**
 * The README's screenshots (docs/screenshots/*.png), taken as a clerk sees the
 * pages: the five seed fixtures imported by `vanban import` into a fresh store,
 * `vanban serve` on a free port, Debian's Chromium driven by playwright-core.
 * A page the build does not have (a 404) is passed over with a note, so the script
 * runs before and after other work lands.
 *
 *   npm run build && node dist/scripts/screenshots.js [--out docs/screenshots]
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const SEEDS = ["000_9cf0e1b2418f68ec.txt", "001_3086ccc4e4aed2ea.txt", "002_6446a6058fd84167.txt", "003_dd124789fcb3a41d.txt", "004_c41bed75581ceb3b.txt"];

type Shot = { file: string; path: string | ((ids: Ids) => string); wait?: string };
type Ids = { report003: number };

/** What the README shows, in its order. */
const SHOTS: Shot[] = [
  { file: "web-documents.png", path: "/documents", wait: "#documents tbody tr" },
  { file: "web-document.png", path: (ids) => `/documents/${ids.report003}`, wait: "#doc-text" },
  { file: "web-graph.png", path: "/graph?code=57-NQ%2FTW", wait: "#graph canvas" },
  { file: "web-graph-archive.png", path: "/graph", wait: "#graph canvas" },
  { file: "web-tasks-overdue.png", path: "/tasks?status=overdue&today=01/05/2026", wait: "#task-groups tr" },
  { file: "web-deadlines.png", path: "/deadlines?today=01/05/2026", wait: "#deadlines li, .deadlines li" },
  { file: "web-search.png", path: `/search?q=${encodeURIComponent("đường truyền internet")}` },
  { file: "web-metrics.png", path: "/metrics?paired=1" },
];

const vanban = (args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin/vanban.js"), ...args], { encoding: "utf8", env: { ...process.env, LANG: "vi_VN.UTF-8", LC_ALL: "" } });

async function main(): Promise<void> {
  const outArg = process.argv.indexOf("--out");
  const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(ROOT, "docs/screenshots"));
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "vanban-shots-"));
  const db = join(dir, "vanban.db");
  const imported = vanban(["import", ...SEEDS.map((f) => join(ROOT, "fixtures", f)), "--db", db]);
  if (imported.status !== 0) throw new Error(`vanban import: ${imported.stderr || imported.stdout}`);

  const server = spawn(process.execPath, [join(ROOT, "bin/vanban.js"), "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((done, fail) => {
    let said = "";
    server.stdout.on("data", (d: Buffer) => {
      said += d.toString();
      const m = /(http:\/\/[\w.:[\]]+)/.exec(said);
      if (m) done(m[1]);
    });
    server.on("exit", (code) => fail(new Error(`vanban serve stopped (${code}): ${said}`)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--lang=vi-VN"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "vi-VN", baseURL: url });
    const page = await context.newPage();
    const held = (await (await fetch(`${url}/api/documents?held=1&limit=100`)).json()) as { documents: { id: number; files: string[] }[] };
    const report003 = held.documents.find((d) => d.files.some((f) => f.endsWith(SEEDS[3])))!.id;
    for (const shot of SHOTS) {
      const path = typeof shot.path === "string" ? shot.path : shot.path({ report003 });
      const answer = await page.goto(path);
      if (!answer || answer.status() === 404) {
        console.log(`skipped ${shot.file}: ${path} is not a page of this build`);
        continue;
      }
      // The page's script has drawn when its summary no longer says it is loading.
      await page.waitForFunction(() => document.getElementById("summary")?.textContent !== "Đang tải…", undefined, { timeout: 30_000 }).catch(() => undefined);
      if (shot.wait) await page.waitForSelector(shot.wait, { timeout: 30_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, shot.file) });
      console.log(`wrote ${join(out, shot.file)}`);
    }
  } finally {
    await browser.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
