/**
 * Issue 16 in the web UI (headless Debian Chromium, playwright-core) and the JSON
 * API, on the fixtures store (the five seeds as text): the search box of every page
 * leads to results with the matched words marked, a result opens the document
 * scrolled to the passage and marks it; the "Chỉ tiêu" page shows seed 003's
 * annex as target–result pairs with a bar each, and a figure links to its cell.
 * /api/search pages with a total; /api/metrics gives the same pairs as the CLI.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldLoose } from "../src/normalise/fold.js";
import { startBrowserSession, type BrowserSession } from "./browser-session.js";

const ARTIFACTS = "test-artifacts/web";
let session: BrowserSession;
const api = async <T>(path: string) => (await (await fetch(`${session.store.url}${path}`)).json()) as T;

type Hit = { type: string; text: string; link: string; snippet: { text: string; marks: { start: number; end: number }[] }; document: { id: number } };

describe("search and Chỉ tiêu in Chromium", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session = await startBrowserSession();
  }, 600_000);
  afterAll(async () => {
    await session?.stop();
  });

  it("/api/search: body text, no diacritics, paged with a total", async () => {
    const all = await api<{ total: number; hits: Hit[] }>("/api/search?q=duong%20truyen%20internet&limit=100");
    expect(all.total).toBe(all.hits.length);
    const line = all.hits.find((h) => h.text.startsWith("Việc nâng cấp đường truyền Internet"));
    expect(line?.document.id).toBe(session.store.ids.report003);
    const page = await api<{ total: number; offset: number; limit: number; hits: Hit[] }>("/api/search?q=duong%20truyen%20internet&limit=2&offset=1");
    expect(page).toMatchObject({ total: all.total, offset: 1, limit: 2 });
    expect(page.hits.map((h) => h.link)).toEqual(all.hits.slice(1, 3).map((h) => h.link));
    for (const h of page.hits) expect(h.snippet.marks.map((m) => foldLoose(h.snippet.text.slice(m.start, m.end)))).toContain("duong truyen internet");
  });

  it("/api/metrics: seed 003's annex rows are pairs with gap and percent of plan", async () => {
    const r = await api<{ pairs: { subject: string; method: string | null; gap: number | null; percentOfPlan: number | null }[] }>(
      `/api/metrics?doc=${session.store.ids.report003}&limit=500`,
    );
    const rows = r.pairs.filter((p) => p.method === "row");
    expect(rows).toHaveLength(14);
    expect(rows[0]).toMatchObject({ subject: "Tỷ lệ phủ sóng 5G trên dân số", gap: -17.5, percentOfPlan: 80.56 });
  });

  it("the search box shows results with marked words; a result opens the document at the passage", async () => {
    const { page, problems } = await session.tab();
    await page.goto("/documents");
    await page.fill(".site-search input[name=q]", "duong truyen internet");
    await page.press(".site-search input[name=q]", "Enter");
    await page.waitForURL(/\/search\?q=/);
    expect(await page.textContent("#summary")).toMatch(/^Kết quả 1–\d+ trong \d+ cho «duong truyen internet»$/);
    const marks = await page.$$eval("#hits mark.match", (els) => els.map((e) => e.textContent ?? ""));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(foldLoose(m)).toBe("duong truyen internet");
    await page.screenshot({ path: `${ARTIFACTS}/search.png` });
    const item = page.locator("#hits li", { hasText: "Việc nâng cấp" }).first();
    await item.locator("a.hit-link").click();
    await page.waitForURL(new RegExp(`/documents/${session.store.ids.report003}#p\\d+-\\d+-\\d+$`));
    const found = page.locator("#doc-text mark.found");
    await found.first().waitFor();
    expect((await found.allTextContents()).join("")).toBe("Việc nâng cấp đường truyền Internet:");
    expect(await found.first().isVisible()).toBe(true);
    const inView = await found.first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(problems).toEqual([]);
  });

  it("Chỉ tiêu: the nav entry, pairs with a bar each, filtered by document, figures linked to their cells", async () => {
    const { page, problems } = await session.tab();
    await page.goto("/documents");
    await page.click("nav >> text=Chỉ tiêu");
    await page.waitForURL(/\/metrics$/);
    await page.fill("input[name=doc]", String(session.store.ids.report003));
    await page.check("input[name=paired]");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/\/metrics\?doc=/);
    const rows = page.locator("#metric-pairs tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(14);
    const first = rows.filter({ hasText: "Tỷ lệ phủ sóng 5G trên dân số" }).first();
    expect(await first.locator("meter.plan-bar").getAttribute("value")).toBe("80.56");
    expect(await first.locator("td.num").first().textContent()).toBe("-17.5");
    expect(await page.locator("#metric-pairs meter.plan-bar").count()).toBe(await rows.count());
    await page.screenshot({ path: `${ARTIFACTS}/chi-tieu.png` });
    await first.locator("a.figure").first().click();
    await page.locator("#doc-text mark.found").first().waitFor();
    expect((await page.locator("#doc-text mark.found").allTextContents()).join("")).toBe("90");
    expect(problems).toEqual([]);
  });
});
