/**
 * What the browser tests share: Debian's Chromium driven by playwright-core
 * against a server on the fixtures store, tabs that record problems, and the wait
 * for a page's script to draw. No skip: `npm test` installs Chromium first
 * (scripts/setup-system); a missing browser must fail loudly, not pass silently.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startFixtureServer, type WebTestStore } from "./web-test-store.js";

export type BrowserSession = {
  store: WebTestStore;
  context: BrowserContext;
  /** A fresh tab that records console errors, uncaught exceptions and dialogs (an alert() would be injected script running). */
  tab(options?: { ignore?: RegExp }): Promise<{ page: Page; problems: string[] }>;
  stop(): Promise<void>;
};

const CHROMIUM = "/usr/bin/chromium";

export async function startBrowserSession(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup-system as root (it installs the Debian packages in scripts/system-packages.txt)`);
  let browser: Browser;
  let store: WebTestStore;
  [store, browser] = await Promise.all([
    startFixtureServer(),
    chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }),
  ]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "vi-VN", baseURL: store.url });
  return {
    store,
    context,
    async tab(options = {}) {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !options.ignore?.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("dialog", (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      return { page, problems };
    },
    async stop() {
      await context.close();
      await browser.close();
      await store.stop();
    },
  };
}

/** Waits until the page's script has drawn its data (the summary line no longer says "loading"). */
export async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = document.getElementById("summary");
    return s !== null && s.textContent !== "Đang tải…";
  });
}
