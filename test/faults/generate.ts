/**
 * Test-time generation of the fault inputs too big to commit: they are written
 * into a fresh temp dir that the caller removes (`cleanup`), never into the
 * work tree. The small ones are read from test/faults/files/.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tableRowsMarkdown, writeOversizePdf } from "../../scripts/faults/files.js";

export const FILES_DIR = fileURLToPath(new URL("./files/", import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/", import.meta.url));

export const faultFile = (name: string) => join(FILES_DIR, name);

export type TempDir = { dir: string; cleanup: () => void };

export function tempDir(prefix: string): TempDir {
  const dir = mkdtempSync(join(tmpdir(), `vanban-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const OVERSIZE_BYTES = 200 * 1024 * 1024;

/** A 200 MB "PDF" that is a sparse file on any file system that has holes, so it costs no disk. */
export function makeOversizePdf(dir: string): string {
  const path = join(dir, "oversize-200mb.pdf");
  writeOversizePdf(path, OVERSIZE_BYTES);
  return path;
}

export function makeHugeTableMarkdown(dir: string, rows: number): string {
  const path = join(dir, `table-${rows}-rows.md`);
  writeFileSync(path, tableRowsMarkdown(rows));
  return path;
}
