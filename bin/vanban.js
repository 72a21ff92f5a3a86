#!/usr/bin/env node
// The CLI is compiled by `npm ci` (the `prepare` script); run `npm run build` after editing sources.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
const main = fileURLToPath(new URL("../dist/src/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  console.error("vanban: not built yet — run `npm ci` (or `npm run build`) in the project folder");
  process.exit(1);
}
await import(main);
