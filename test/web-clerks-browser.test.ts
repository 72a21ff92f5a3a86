/**
 * The web UI in headless Chromium for clerks: Vietnamese labels and error pages,
 * the whole-archive graph with no two labels over each other, document codes not
 * broken across lines, every mention of a reference highlighted, and the list
 * starting with held documents only (a visible toggle shows the placeholders).
 * Screenshots go to docs/screenshots/ (the README shows them).
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawn, startBrowserSession, type BrowserSession } from "./browser-session.js";
import type { WebTestStore } from "./web-test-store.js";

const SCREENSHOTS = "docs/screenshots";

let session: BrowserSession;
let store: WebTestStore;
// The error pages answer 404 on purpose; Chromium logs those loads as console errors.
const tab = () => session.tab({ ignore: /status of 404/ });

describe("web UI for clerks, in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await startBrowserSession();
    store = session.store;
  }, 120_000);

  afterAll(async () => {
    await session?.stop();
  });

  it("labels and error pages are Vietnamese, errors included", async () => {
    const { page, problems } = await tab();
    await page.goto("/documents");
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    expect(await page.locator(".site-header nav a").allTextContents()).toEqual(["Văn bản", "Đồ thị trích dẫn", "Thời hạn", "Nhiệm vụ theo cơ quan"]);
    expect(await page.getAttribute(".site-search input", "placeholder")).toBe("Tìm văn bản…");

    const missing = await page.goto("/documents/99-XX%2FYY");
    expect(missing?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Không tìm thấy");
    expect(await page.locator("p.error").textContent()).toBe("không có văn bản nào có số hiệu 99-XX/YY");
    expect(await page.locator("main a").textContent()).toBe("Về danh sách văn bản");

    await page.goto("/documents/999999");
    expect(await page.locator("p.error").textContent()).toBe("không có văn bản id 999999");
    await page.goto("/no-such-page");
    expect(await page.locator("p.error").textContent()).toBe("Không có trang /no-such-page");

    // An error the page's script shows, from the API.
    await page.goto("/graph?code=99-XX%2FYY");
    await expect.poll(() => page.locator("#error").textContent()).toBe("Lỗi: không có văn bản nào có số hiệu 99-XX/YY");
    expect(problems.filter((p) => !/api\/graph/.test(p))).toEqual([]);
    await page.close();
  });

  it("the whole-archive graph and a directive's tree: no two node labels overlap", async () => {
    const { page, problems } = await tab();
    await page.goto("/graph");
    const archive = await labelOverlaps(page);
    expect(archive.count).toBeGreaterThan(20);
    expect(archive.overlapping).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/web-graph-archive.png` });
    await page.goto("/graph?code=57-NQ%2FTW");
    const tree = await labelOverlaps(page);
    expect(tree.count).toBeGreaterThan(3);
    expect(tree.overlapping).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/web-graph.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  /** Pairs of graph nodes whose boxes, labels included, meet (cytoscape's own measure). */
  async function labelOverlaps(page: Page): Promise<{ count: number; overlapping: string[] }> {
    await drawn(page);
    await page.waitForFunction(() => (window as unknown as { vanbanGraph?: unknown }).vanbanGraph !== undefined);
    return page.evaluate(() => {
      type Box = { x1: number; x2: number; y1: number; y2: number };
      const cy = (window as unknown as { vanbanGraph: { nodes(): { toArray(): { id(): string; boundingBox(o: object): Box }[] } } }).vanbanGraph;
      const nodes = cy.nodes().toArray().map((n) => ({ id: n.id(), box: n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
      const overlapping: string[] = [];
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) {
          const [a, b] = [nodes[i].box, nodes[j].box];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping.push(`${nodes[i].id}×${nodes[j].id}`);
        }
      return { count: nodes.length, overlapping };
    });
  }

  it("document codes stay on one line in narrow table cells", async () => {
    const { page, problems } = await tab();
    await page.setViewportSize({ width: 760, height: 900 });
    await page.goto("/documents?held=any");
    await drawn(page);
    const codes = await page.locator("#documents a.doc-code").evaluateAll((links) =>
      links.map((a) => ({ text: a.textContent, lines: a.getClientRects().length, whiteSpace: getComputedStyle(a).whiteSpace })),
    );
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.some((c) => /[-/]/.test(c.text ?? ""))).toBe(true);
    for (const c of codes) expect(c, c.text ?? "").toMatchObject({ lines: 1, whiteSpace: "nowrap" });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("every mention of a cited code in a document's text is highlighted, with one anchor per reference", async () => {
    const { page, problems } = await tab();
    await page.goto(`/documents/${store.ids.report003}`);
    const check = await page.evaluate((code) => {
      const root = document.getElementById("doc-text")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const pieces: { node: Text; start: number }[] = [];
      let text = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        pieces.push({ node: n as Text, start: text.length });
        text += (n as Text).data;
      }
      const mentions: { at: number; highlighted: boolean }[] = [];
      for (let at = text.indexOf(code); at >= 0; at = text.indexOf(code, at + 1)) {
        const inside = [at, at + code.length - 1].every((i) => {
          const piece = [...pieces].reverse().find((p) => p.start <= i)!;
          return piece.node.parentElement?.closest(".hl-reference") !== null;
        });
        mentions.push({ at, highlighted: inside });
      }
      const ids = [...root.querySelectorAll("[id]")].map((e) => e.id);
      return { mentions, duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i) };
    }, "57-NQ/TW");
    // The seed report names 57-NQ/TW nine times (grep -c in fixtures/003_dd124789fcb3a41d.txt).
    expect(check.mentions).toHaveLength(9);
    expect(check.mentions.filter((m) => !m.highlighted)).toEqual([]);
    expect(check.duplicateIds).toEqual([]);
    // A repeated mention links to the cited document, as the first does.
    const targets = await page.locator("#doc-text a.hl-reference", { hasText: /^57-NQ\/TW$/ }).evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")))]);
    expect(targets).toEqual([`/documents/${store.ids.nq57}`]);
    await page.screenshot({ path: `${SCREENSHOTS}/web-document.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the document list shows held documents only until the toggle is unticked", async () => {
    const { page, problems } = await tab();
    await page.goto("/documents");
    await drawn(page);
    const toggle = page.locator("input[type=checkbox][name=held]");
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.locator("label", { has: toggle }).textContent()).toContain("Chỉ văn bản có trong kho");
    const heldRows = await page.locator("#documents tbody tr").count();
    expect(heldRows).toBe(6);
    expect(await page.locator("#documents tbody tr.placeholder-row").count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/web-documents.png` });

    await toggle.uncheck();
    await Promise.all([page.waitForURL(/held=any/), page.click("form.filters button[type=submit]")]);
    await drawn(page);
    expect(await page.isChecked("input[type=checkbox][name=held]")).toBe(false);
    expect(await page.locator("#documents tbody tr.placeholder-row").count()).toBeGreaterThan(0);
    expect(await page.locator("#summary").textContent()).toMatch(/^\d+ văn bản$/);
    const all = Number((await page.locator("#summary").textContent())!.split(" ")[0]);
    expect(all).toBeGreaterThan(heldRows);
    expect(problems).toEqual([]);
    await page.close();
  });
});
