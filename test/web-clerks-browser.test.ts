/**
 * The web UI in headless Chromium for clerks: Vietnamese labels and error pages,
 * the whole-archive graph with no two labels over each other, document codes not
 * broken across lines, every mention of a reference highlighted, and the list
 * starting with held documents only (a visible toggle shows the placeholders).
 * The overdue filter and the agency counts agree with `vanban query tasks --status
 * overdue` on the same day; the page scripts' words come from the catalogue; dates
 * typed as clerks type them are read, impossible ones refused in Vietnamese.
 * (The README's screenshots: scripts/screenshots.)
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TasksResult } from "../schemas/answers.js";
import { drawn, startBrowserSession, type BrowserSession } from "./browser-session.js";
import { buildCli, spawnCli } from "./cli-world.js";
import type { WebTestStore } from "./web-test-store.js";

let session: BrowserSession;
let store: WebTestStore;
// The error pages answer 404 on purpose; Chromium logs those loads as console errors.
const tab = (ignore = /status of 404/) => session.tab({ ignore });

describe("web UI for clerks, in Chromium", () => {
  beforeAll(async () => {
    buildCli();
    session = await startBrowserSession();
    store = session.store;
  }, 240_000);

  afterAll(async () => {
    await session?.stop();
  });

  it("labels and error pages are Vietnamese, errors included", async () => {
    const { page, problems } = await tab();
    await page.goto("/documents");
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    expect(await page.locator(".site-header nav a").allTextContents()).toEqual(["Văn bản", "Đồ thị trích dẫn", "Thời hạn", "Nhiệm vụ theo cơ quan", "Chỉ tiêu"]);
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
    await page.goto("/graph?code=57-NQ%2FTW");
    const tree = await labelOverlaps(page);
    expect(tree.count).toBeGreaterThan(3);
    expect(tree.overlapping).toEqual([]);
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
  it("document titles keep their first words: the kind's name before the trích yếu, in the list and on the page", async () => {
    const { page, problems } = await tab();
    await page.goto("/documents");
    await drawn(page);
    const titles = await page.locator("#documents tbody td.title").allTextContents();
    // fixtures/001: "KẾ HOẠCH" above "thực hiện Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị …"
    expect(titles).toContain("Kế hoạch thực hiện Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn xã Phong Quang năm 2026");
    // fixtures/000: "KẾT LUẬN" above "CỦA BAN CHỈ ĐẠO VỀ …"; fixtures/002: "KẾ HOẠCH" above "Triển khai thực hiện Thông báo kết luận …"
    expect(titles.some((x) => x.startsWith("Kết luận của Ban Chỉ đạo về phát triển khoa học"))).toBe(true);
    expect(titles.some((x) => x.startsWith("Kế hoạch triển khai thực hiện Thông báo kết luận của đồng chí Ủy viên"))).toBe(true);
    expect(titles.filter((x) => /^\p{Ll}/u.test(x))).toEqual([]);
    await page.goto(`/documents/${store.ids.plan60}`);
    expect(await page.locator("dl.meta dd", { hasText: /^Kế hoạch thực hiện Nghị quyết 57-NQ\/TW/ }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the overdue filter shows exactly the tasks the CLI calls overdue on the same day, and the agency table counts them alike", async () => {
    const cli = spawnCli(["query", "tasks", "--status", "overdue", "--today", "01/05/2026", "--db", store.db, "--json", "--limit", "100000"]);
    expect(cli.stderr).toBe("");
    const overdue = JSON.parse(cli.stdout) as TasksResult;
    // The seeds' plans set deadlines in March and April 2026 that no report marks done.
    expect(overdue.total).toBeGreaterThan(3);
    const { page, problems } = await tab();
    // The day typed as a clerk types it, in the address.
    await page.goto("/tasks?status=overdue&today=01/05/2026");
    await drawn(page);
    expect(await page.locator("#summary").textContent()).toBe(`${overdue.total} nhiệm vụ`);
    const shown = await page.locator("#task-groups tr[data-task]").evaluateAll((rows) => [...new Set(rows.map((r) => Number(r.getAttribute("data-task"))))]);
    expect(shown.sort((a, b) => a - b)).toEqual(overdue.tasks.map((t) => t.id).sort((a, b) => a - b));
    for (const badge of await page.locator("#task-groups .badge[class*=status-]").allTextContents()) expect(["Quá hạn", "Đang thực hiện", "Chưa thực hiện"]).toContain(badge);
    expect(await page.locator("#task-groups thead th").first().textContent()).toBe("STT");

    // The agency table, on the page's day: each agency's overdue count is the number of overdue tasks it leads.
    const table = await page.locator("#agencies tbody tr").evaluateAll((rows) => (rows as HTMLTableRowElement[]).map((r) => ({ name: r.cells[0].textContent!, overdue: Number(r.cells[5].textContent) })));
    const counted = new Map<string, number>();
    for (const row of table) counted.set(row.name, (counted.get(row.name) ?? 0) + row.overdue);
    const led = new Map<string, number>();
    for (const task of overdue.tasks) for (const name of new Set(task.lead.map((a) => a.agency))) led.set(name, (led.get(name) ?? 0) + 1);
    expect(new Map([...counted].filter(([, n]) => n > 0))).toEqual(led);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("an impossible date in the address is refused in Vietnamese; the same day typed three ways gives one answer", async () => {
    const { page, problems } = await tab(/status of 400/);
    await page.goto("/tasks?status=overdue&today=31/02/2026");
    await expect.poll(() => page.locator("#error").textContent()).toBe(
      'Lỗi: today cần một ngày có thật như 30/04/2026, 30/4/2026 hoặc 2026-04-30 (hoặc một tháng 04/2026, một năm 2026), không phải "31/02/2026"',
    );
    expect(problems.filter((p) => !/api\/(tasks|agencies)/.test(p))).toEqual([]);
    await page.close();
    const answers = await Promise.all(["2026-04-30", "30/04/2026", "30/4/2026"].map(async (day) => {
      const r = await fetch(`${store.url}/api/tasks?dueBefore=${encodeURIComponent(day)}&limit=1000`);
      expect(r.status, day).toBe(200);
      return ((await r.json()) as TasksResult).tasks.map((t) => t.id);
    }));
    expect(answers[0].length).toBeGreaterThan(0);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect((await fetch(`${store.url}/api/deadlines?from=2026-13-45`)).status).toBe(400);
  });
});
