/**
 * Issue 12 item 13: the README's test command does its own set-up on a fresh machine.
 * scripts/setup-system installs the Debian packages in scripts/system-packages.txt
 * that are missing, or, when it cannot (not root, no passwordless sudo), prints one
 * line naming them and the command to run — and never fails the run. `npm test` and
 * `npm run demo` run it first; .ci/run runs exactly the README's command.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./cli.js";
import { tempDir } from "./generate.js";

const temp = tempDir("setup");
chmodSync(temp.dir, 0o755);
afterAll(() => temp.cleanup());
const script = join(ROOT, "scripts/setup-system");

function list(text: string): string {
  const path = join(temp.dir, `packages-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(path, text);
  chmodSync(path, 0o644);
  return path;
}

/** As the unprivileged user `nobody` (no root, no sudo), from a copy it can read wherever the checkout is. */
function asNobody(file: string) {
  const copy = join(temp.dir, "setup-system");
  copyFileSync(script, copy);
  chmodSync(copy, 0o755);
  return spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "bash", copy, file], { encoding: "utf8" });
}

describe("scripts/setup-system", () => {
  it("says nothing when every listed package is installed (comments and blank lines ignored)", () => {
    const r = spawnSync("bash", [script, list("# the shell and the package tool are on every Debian\nbash   # trailing comment\n\ndpkg\n")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe("");
  });

  it("cannot install: one line naming the missing packages and the command, exit 0", () => {
    const r = asNobody(list("bash\nvanban-no-such-package-a\n# vanban-commented-out\nvanban-no-such-package-b\n"));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "vanban setup-system: missing Debian packages: vanban-no-such-package-a vanban-no-such-package-b — install them as root: " +
        "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends vanban-no-such-package-a vanban-no-such-package-b'\n",
    );
  });

  it("the project's list starts with chromium, and the browser test says how to get it", () => {
    const names = readFileSync(join(ROOT, "scripts/system-packages.txt"), "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()).filter(Boolean);
    expect(names[0]).toBe("chromium");
    // The browser tests start Chromium through test/browser-session.ts.
    expect(readFileSync(join(ROOT, "test/browser-session.ts"), "utf8")).toContain("run scripts/setup-system");
  });
});

describe("the README's test command is what runs", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

  it("npm test and npm run demo set the machine up first", () => {
    expect(pkg.scripts.pretest).toBe("bash scripts/setup-system");
    expect(pkg.scripts.predemo).toBe("bash scripts/setup-system");
  });

  it(".ci/run runs exactly the README's test command, and the README no longer says the browser test is skipped", () => {
    const command = /^(npm ci && npm test)\s+#/m.exec(readme)?.[1];
    expect(command).toBe("npm ci && npm test");
    const ci = readFileSync(join(ROOT, ".ci/run"), "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
    expect(ci[ci.length - 1].trim()).toBe(command);
    expect(readme).not.toMatch(/test is skipped/);
  });
});
