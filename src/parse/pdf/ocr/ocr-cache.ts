/**
 * OCR results kept by the file's sha256, so that the same scan is never read by
 * Tesseract twice (a re-import, `--force` after the extractors improved, a copy
 * under another name).
 *
 * A folder of JSON files, one per scanned file (`<sha256>.json`, the OCR'd pages
 * as Tesseract read them, before any layout): it sits beside the store
 * (`vanban.db.ocr/` for `vanban.db`), needs no schema migration, and can be
 * deleted at any time to have scans read again. Written atomically (temp file +
 * rename); an unreadable entry is treated as missing.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { OcrPage } from "./ocr-marks.js";

/** Bumped when what is cached changes shape or meaning (render dpi, Tesseract options). */
const VERSION = 4;

type Entry = { version: number; pages: Record<string, OcrPage> };

export class OcrCache {
  private entry: Entry = { version: VERSION, pages: {} };
  private dirty = false;

  private constructor(
    private readonly dir: string | null,
    private readonly sha256: string,
  ) {}

  static async open(dir: string | undefined, sha256: string): Promise<OcrCache> {
    const cache = new OcrCache(dir ?? null, sha256);
    if (!dir) return cache;
    try {
      const e = JSON.parse(await readFile(cache.file(), "utf8")) as Entry;
      if (e.version === VERSION && e.pages) cache.entry = e;
    } catch {
      // missing or unreadable: OCR again
    }
    return cache;
  }

  get(page: number): OcrPage | null {
    return this.entry.pages[page] ?? null;
  }

  put(page: OcrPage): void {
    this.entry.pages[page.number] = page;
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dir || !this.dirty) return;
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file()}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, JSON.stringify(this.entry));
    await rename(tmp, this.file());
    this.dirty = false;
  }

  private file(): string {
    return join(this.dir!, `${this.sha256}.json`);
  }
}

/** The cache folder that goes with a store file. */
export const ocrCacheDirFor = (db: string) => `${db}.ocr`;
