/**
 * The web UI in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) against a server on the fixtures store: every page loads
 * without console errors, draws its data, and behaves — highlighted references
 * navigate, the graph shows the documents citing 57-NQ/TW, the deadlines page
 * lists a known deadline, a document's <script> stays text. Screenshots of each
 * page go to test-artifacts/web/.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawn, startBrowserSession, type BrowserSession } from "./browser-session.js";
import type { FixtureIds, WebTestStore } from "./web-test-store.js";

const ARTIFACTS = "test-artifacts/web";

let session: BrowserSession;
let store: WebTestStore;
let ids: FixtureIds;
const tab = () => session.tab();

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: false });

// No skip: `npm test` installs Chromium first (scripts/setup-system); a missing browser must fail loudly, not pass silently.
describe("web UI in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session = await startBrowserSession();
    store = session.store;
    ids = store.ids;
  }, 120_000);

  afterAll(async () => {
    await session?.stop();
  });

  it("Documents: lists the archive and filters it", async () => {
    const { page, problems } = await tab();
    await page.goto("/documents");
    await drawn(page);
    expect(await page.locator("#summary").textContent()).toMatch(/^\d+ văn bản$/);
    // Held documents only by default: the five seeds and injection.md (placeholders behind the toggle, web-clerks-browser.test.ts).
    expect(await page.locator("#documents tbody tr").count()).toBe(6);
    await shot(page, "documents");

    await page.selectOption("select[name=kind]", "ke-hoach");
    expect(await page.isChecked("input[type=checkbox][name=held]")).toBe(true);
    await Promise.all([page.waitForURL(/kind=ke-hoach/), page.click("form.filters button[type=submit]")]);
    await drawn(page);
    const kinds = await page.locator("#documents tbody tr td:nth-child(2)").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["Kế hoạch"]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Document: facts highlighted at their spans; a reference opens the cited document, marked when not held", async () => {
    const { page, problems } = await tab();
    await page.goto(`/documents/${ids.plan60}`);
    for (const selector of ["a.hl-reference", "mark.hl-deadline", "mark.hl-metric", "span.hl-task"])
      expect(await page.locator(`#doc-text ${selector}`).count(), selector).toBeGreaterThan(0);
    expect(await page.locator("#legend input[type=checkbox]").count()).toBe(4);
    await shot(page, "document");

    // The legend hides a kind of highlight.
    await page.uncheck("#legend input[value=reference]");
    expect(await page.locator("#doc-text.hide-reference").count()).toBe(1);
    await page.check("#legend input[value=reference]");

    const reference = page.locator("#doc-text a.hl-reference", { hasText: "57-NQ/TW" }).first();
    await Promise.all([page.waitForURL(`**/documents/${ids.nq57}`), reference.click()]);
    await expect.poll(() => page.locator(".placeholder-banner").textContent()).toContain("Không có trong kho lưu trữ");
    expect(await page.locator("h1").textContent()).toBe("Nghị quyết 57-NQ/TW");
    await shot(page, "placeholder");

    // …and from the placeholder back to a held document that cites it.
    await Promise.all([page.waitForURL(`**/documents/${ids.plan60}`), page.click(`#cited-by a[href="/documents/${ids.plan60}"]`)]);
    expect(await page.locator(".placeholder-banner").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Document: <script> in a document's text is shown as text and never runs", async () => {
    const { page, problems } = await tab();
    await page.goto(`/documents/${ids.injection}`);
    const text = await page.locator("#doc-text").innerText();
    expect(text).toContain("Ghi chú thô: <script>alert(1)</script> là thẻ HTML");
    expect(text).toContain(`<img src=x onerror="alert(2)">`);
    expect(await page.locator("#doc-text script, #doc-text img").count()).toBe(0);
    expect(await page.locator("#tasks td", { hasText: "<script>alert(1)</script>" }).count()).toBeGreaterThan(0);
    await shot(page, "injection");

    await Promise.all([page.waitForURL(/\/documents\/\d+$/), page.locator("#doc-text a.hl-reference", { hasText: "41-KH/ĐU" }).click()]);
    expect(await page.locator("h1").textContent()).toBe("Kế hoạch 41-KH/ĐU");
    expect(await page.locator(".placeholder-banner").count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Graph: the fixture documents citing 57-NQ/TW, around it", async () => {
    const { page, problems } = await tab();
    await page.goto(`/graph?code=${encodeURIComponent("57-NQ/TW")}`);
    await drawn(page);
    await page.waitForSelector("#graph[data-nodes] canvas");
    const nodes = await page.evaluate(() => {
      const cy = (window as unknown as { vanbanGraph: { nodes(): { data(k: string): unknown }[] } }).vanbanGraph;
      return cy.nodes().map((n) => ({ id: n.data("documentId") as number, focus: n.data("focus") as boolean }));
    });
    const drawnIds = nodes.map((n) => n.id);
    for (const f of ["conclusion", "plan60", "report003", "report004", "injection"] as const) expect(drawnIds, f).toContain(ids[f]);
    expect(drawnIds).not.toContain(ids.plan002);
    expect(nodes.filter((n) => n.focus).map((n) => n.id)).toEqual([ids.nq57]);
    expect(await page.locator("#graph-nodes tbody tr").count()).toBe(nodes.length);
    await shot(page, "graph");

    // Filtering by kind keeps the focus and only that kind.
    await page.goto(`/graph?code=${encodeURIComponent("57-NQ/TW")}&kind=ke-hoach`);
    await drawn(page);
    const kinds = await page.locator("#graph-nodes tbody tr td:nth-child(2)").allTextContents();
    expect(new Set(kinds)).toEqual(new Set(["Nghị quyết", "Kế hoạch"]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Deadlines: by month, with a known fixture deadline and its lead agency; ICS and CSV links", async () => {
    const { page, problems } = await tab();
    await page.goto("/deadlines?today=2026-04-20");
    await drawn(page);
    await shot(page, "deadlines");
    const april = page.locator('section.month[data-month="2026-04"]');
    expect(await april.locator("h2").textContent()).toMatch(/^Tháng 4\/2026/);
    // Seed 002, Phụ lục I row 2: "Trước ngày 30/4/2026", led by Phòng Văn hóa - Xã hội.
    const known = april.locator("li.deadline", { hasText: "Trước ngày 30/4/2026" }).filter({ hasText: "Phòng Văn hóa - Xã hội" });
    expect(await known.count()).toBeGreaterThan(0);
    expect(await known.first().locator("time").textContent()).toBe("30/04/2026");
    expect(await known.first().locator(".badge").textContent()).toBe("Sắp đến hạn");
    expect(await page.locator('section.month[data-month="2026-01"] li.state-overdue').count()).toBeGreaterThan(0);
    expect(await page.getAttribute("#export-ics", "href")).toBe("/export/deadlines.ics?today=2026-04-20");
    expect(await page.getAttribute("#export-csv", "href")).toBe("/export/deadlines.csv?today=2026-04-20");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Tasks: what each agency owes, grouped by lead agency; downloads keep the filter", async () => {
    const { page, problems } = await tab();
    await page.goto("/tasks");
    await drawn(page);
    expect(await page.locator("#agencies tbody tr").count()).toBeGreaterThan(5);
    expect(await page.locator("#task-groups section.task-group").count()).toBeGreaterThan(5);
    await shot(page, "tasks");

    await Promise.all([page.waitForURL(/agency=/), page.locator("#agencies a", { hasText: /^Văn phòng Đảng ủy$/ }).first().click()]);
    await drawn(page);
    expect(await page.inputValue("input[name=agency]")).toBe("Văn phòng Đảng ủy");
    expect(await page.locator("#task-groups h3", { hasText: "Văn phòng Đảng ủy" }).count()).toBeGreaterThan(0);
    expect(await page.getAttribute("#export-xlsx", "href")).toMatch(/^\/export\/tasks\.xlsx\?agency=V%C4%83n/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
