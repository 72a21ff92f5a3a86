/**
 * The two Debian programs the OCR stage drives as child processes: poppler's
 * `pdftoppm` renders a page to a grey image, Tesseract (with its Vietnamese
 * data) reads the words, their boxes and confidences from it as TSV.
 *
 * Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): the import already runs
 * one worker per core, and Tesseract's own threads only contend with them.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The Debian packages that provide what this stage runs. */
export const OCR_PACKAGES = "tesseract-ocr tesseract-ocr-vie poppler-utils";
export const OCR_HINT = `install Tesseract: apt-get install ${OCR_PACKAGES}`;

/** One word as Tesseract read it; the box in image pixels. */
export type TesseractWord = {
  text: string;
  /** 0–100. */
  conf: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Tesseract's block/paragraph/line numbers joined: words of one line share it. */
  line: string;
  /** The line's box: top and bottom, in pixels. */
  lineTop: number;
  lineBottom: number;
};

let available: Promise<string | null> | null = null;

/** Null when Tesseract with Vietnamese and pdftoppm can run here; otherwise why not (one line, with the hint). */
export function ocrUnavailable(): Promise<string | null> {
  available ??= (async () => {
    try {
      const { stdout, stderr } = await run("tesseract", ["--list-langs"], { timeout: 60_000 });
      if (!/^vie$/m.test(stdout + stderr)) return `Tesseract has no Vietnamese data — ${OCR_HINT}`;
    } catch {
      return `Tesseract is not installed — ${OCR_HINT}`;
    }
    try {
      await run("pdftoppm", ["-v"], { timeout: 60_000 });
    } catch (e) {
      // pdftoppm -v exits 0 on Debian; an ENOENT is what matters.
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return `pdftoppm is not installed — ${OCR_HINT}`;
    }
    return null;
  })();
  return available;
}

/** Renders one page (1-based) of a PDF on disk to `${prefix}.ppm` (8-bit colour: red stamps are told from print) at `dpi`; returns its bytes. */
export async function renderPage(pdf: string, page: number, dpi: number, prefix: string, timeoutMs: number): Promise<Buffer> {
  await run("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix], {
    timeout: timeoutMs,
    maxBuffer: 1 << 20,
  });
  return readFile(`${prefix}.ppm`);
}

/**
 * Tesseract over one image file: the recognised words (level-5 TSV rows with
 * text). `psm` 3 finds the page's columns and blocks; 6 reads the image as one
 * block of text.
 */
export async function recognise(image: string, dpi: number, timeoutMs: number, psm: 3 | 6 = 3): Promise<TesseractWord[]> {
  const { stdout } = await run("tesseract", [image, "stdout", "-l", "vie", "--psm", String(psm), "--dpi", String(dpi), "tsv"], {
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
    env: { ...process.env, OMP_THREAD_LIMIT: "1" },
  });
  return parseTsv(stdout);
}

/**
 * Tesseract's orientation detection (`--psm 0`): clockwise quarter turns that make
 * the page upright, or null when it cannot tell (too little text).
 */
export async function detectTurns(image: string, dpi: number, timeoutMs: number): Promise<number | null> {
  try {
    const { stdout } = await run("tesseract", [image, "stdout", "-l", "osd", "--psm", "0", "--dpi", String(dpi)], {
      timeout: timeoutMs,
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
    });
    const rotate = /^Rotate:\s*(\d+)/m.exec(stdout);
    return rotate ? (Number(rotate[1]) / 90) % 4 : null;
  } catch {
    return null;
  }
}

/**
 * Tesseract's Vietnamese model sometimes reads Đ as the Icelandic eth (Ð, U+00D0,
 * which Vietnamese never uses), alone or doubled after a Đ ("ĐÐU" for ĐU).
 */
function vietnameseLetters(text: string): string {
  return text.replace(/Đ?Ð/g, "Đ").replace(/đ?ð/g, "đ");
}

export function parseTsv(tsv: string): TesseractWord[] {
  const words: TesseractWord[] = [];
  const lines = new Map<string, { top: number; bottom: number }>();
  for (const row of tsv.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = f.map(Number);
    const key = `${block}.${par}.${line}`;
    if (level === 4) lines.set(key, { top, bottom: top + height });
    const text = vietnameseLetters(f.slice(11).join("\t").normalize("NFC").trim());
    if (level !== 5 || !text) continue;
    const box = lines.get(key) ?? { top, bottom: top + height };
    words.push({ text, conf, left, top, width, height, line: key, lineTop: box.top, lineBottom: box.bottom });
  }
  return words;
}
