/**
 * Files under /static/: the pages' CSS and scripts (src/web/static), cytoscape
 * from node_modules, and the label tables as a generated module. Only files
 * with a known type inside those folders are served; a path that climbs out is
 * not found.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { labelsModule } from "./labels.js";

export type StaticAsset = { body: string | Buffer; contentType: string };

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * The static folder sits beside this module when run from source (tsx, vitest);
 * tsc copies no assets, so from dist/src/web it is the source tree's folder.
 */
const STATIC_DIR = [fileURLToPath(new URL("./static/", import.meta.url)), fileURLToPath(new URL("../../../src/web/static/", import.meta.url))].find((dir) =>
  existsSync(join(dir, "css")),
);

const VENDOR_DIR = dirname(createRequire(import.meta.url).resolve("cytoscape"));
const VENDOR_FILES = new Set(["cytoscape.esm.min.mjs"]);

export async function staticAsset(pathname: string): Promise<StaticAsset | null> {
  if (pathname === "/static/js/labels.js") return { body: labelsModule(), contentType: TYPES[".js"] };
  if (pathname.startsWith("/static/vendor/")) {
    const name = pathname.slice("/static/vendor/".length);
    return VENDOR_FILES.has(name) ? fileAsset(join(VENDOR_DIR, name)) : null;
  }
  if (!STATIC_DIR) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice("/static/".length));
  } catch {
    return null;
  }
  const file = resolve(STATIC_DIR, relative);
  if (!file.startsWith(resolve(STATIC_DIR) + sep)) return null;
  return fileAsset(file);
}

async function fileAsset(file: string): Promise<StaticAsset | null> {
  const contentType = TYPES[extname(file)];
  if (!contentType) return null;
  try {
    return { body: await readFile(file), contentType };
  } catch {
    return null;
  }
}
