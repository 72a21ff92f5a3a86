/**
 * Test-time generation of the fault inputs too big to commit: they are written
 * into a fresh temp dir that the caller removes (`cleanup`), never into the
 * work tree. The small ones are read from test/faults/files/.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PLAN_SENTENCE, tableRowsMarkdown, writeOversizePdf } from "../../scripts/faults/files.js";

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

/** A plain-text plan whose annex is a tab-separated table of `rows` task rows (as a spreadsheet pastes it). */
export function makeTabTableText(dir: string, rows: number): string {
  const path = join(dir, `tab-table-${rows}-rows.txt`);
  const lines = ["KẾ HOẠCH", "Rà soát hồ sơ thủ tục hành chính năm 2026", "", "TT\tNội dung thực hiện\tCơ quan chủ trì\tThời gian thực hiện"];
  for (let i = 1; i <= rows; i++) lines.push(`${i}\tRà soát hồ sơ số ${i}\tVăn phòng\t${(i % 28) + 1}/${(i % 12) + 1}/2026`);
  lines.push("", PLAN_SENTENCE, "");
  writeFileSync(path, lines.join("\n"));
  return path;
}

/** `megabytes` of Vietnamese prose with no line break at all. */
export function makeSingleLineText(dir: string, megabytes: number): string {
  const path = join(dir, `one-line-${megabytes}mb.txt`);
  const sentence = `${PLAN_SENTENCE} `;
  writeFileSync(path, sentence.repeat(Math.ceil((megabytes * 1048576) / Buffer.byteLength(sentence))));
  return path;
}
