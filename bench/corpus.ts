/**
 * The inputs the bench reads: fixture files, synthetic archives
 * (scripts/gen-archive.ts, in memory or written to a temp folder), and a set of
 * generated PDFs of at least N pages — made by LibreOffice from archive documents
 * (rendered to HTML with real ruled tables) when `soffice` is installed, else the
 * fixture PDFs repeated. Generated PDFs are cached in the OS temp folder, keyed by
 * their content, so later runs skip the conversion.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { getDocument, VerbosityLevel } from "../src/parse/pdf/pdfjs.js";
import yauzl from "yauzl";
import { ZipWriter } from "../scripts/faults/zip.js";
import { generateArchive, type GeneratedDocument } from "../scripts/gen-archive.js";
import { log, ROOT } from "./measure.js";

export type InputFile = { name: string; path: string; bytes: Buffer };

const FIXTURES = join(ROOT, "fixtures");
const VARIANTS = join(FIXTURES, "variants");

export function fixtureFiles(exts: string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const dir of [FIXTURES, VARIANTS]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!exts.includes(extname(name).toLowerCase()) || /^readme/i.test(name)) continue;
      const path = join(dir, name);
      out.push({ name, path, bytes: readFileSync(path) });
    }
  }
  return out;
}

/** Archive documents in memory (no disk): name, bytes. */
export function archiveInMemory(count: number, seed: number): InputFile[] {
  return [...generateArchive({ count, seed })].map((d) => ({ name: d.name, path: d.name, bytes: Buffer.from(d.text, "utf8") }));
}

/** Writes documents [from, to) of the archive for `seed` into DIR, in folders of 500 as gen-archive does. */
export function writeArchive(dir: string, count: number, seed: number, from = 0): GeneratedDocument[] {
  mkdirSync(dir, { recursive: true });
  const written: GeneratedDocument[] = [];
  let n = 0;
  for (const d of generateArchive({ count, seed })) {
    if (n >= from) {
      const sub = join(dir, String(Math.floor((n - from) / 500)).padStart(3, "0"));
      if ((n - from) % 500 === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, d.name), d.text);
      written.push(d);
    }
    n++;
  }
  return written;
}

/**
 * `copies` distinct documents from each DOCX: the same parts, with a paragraph
 * naming the copy first in the body, so no two files (or texts) are alike and
 * an import stores every one.
 */
export async function distinctDocxCopies(files: InputFile[], copies: number): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const f of files) {
    const parts = await zipParts(f.bytes);
    for (let k = 1; k <= copies; k++) {
      const zip = new ZipWriter();
      for (const [name, data] of parts) {
        if (name !== "word/document.xml") zip.add(name, data);
        else zip.add(name, Buffer.from(data.toString("utf8").replace(/<w:body>/, `<w:body><w:p><w:r><w:t>Bản số ${k} của ${basename(f.name, ".docx")}</w:t></w:r></w:p>`)));
      }
      const name = `${basename(f.name, ".docx")}-${k}.docx`;
      out.push({ name, path: name, bytes: zip.finish() });
    }
  }
  return out;
}

function zipParts(bytes: Buffer): Promise<[string, Buffer][]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error("unreadable zip"));
      const parts: [string, Buffer][] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            parts.push([entry.fileName, Buffer.concat(chunks)]);
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(parts));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

// ---------------------------------------------------------------------------------
// PDFs

export type PdfSet = {
  /** "libreoffice": distinct generated documents; "fixtures-repeated": the fixture PDFs several times. */
  source: "libreoffice" | "fixtures-repeated";
  /** Distinct files (for the repeated set: the fixtures once). */
  files: InputFile[];
  /** How many times `files` are gone through to make one pass of the set. */
  repeat: number;
  pages: number;
  /** Folder holding `files` (for the import run). */
  dir: string;
  note: string;
};

export async function pageCount(bytes: Uint8Array): Promise<number> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true });
  try {
    return (await task.promise).numPages;
  } finally {
    await task.destroy();
  }
}

export async function fixturePdfs(): Promise<{ files: InputFile[]; pages: number }> {
  const files = fixtureFiles([".pdf"]);
  let pages = 0;
  for (const f of files) pages += await pageCount(f.bytes);
  return { files, pages };
}

function sofficeVersion(): string | null {
  try {
    const r = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60_000 });
    return r.status === 0 ? r.stdout.trim() : null;
  } catch {
    return null;
  }
}

export async function generatedPdfSet(minPages: number, useSoffice: boolean): Promise<PdfSet> {
  const version = useSoffice ? sofficeVersion() : null;
  if (version) {
    try {
      return await libreOfficeSet(minPages, version);
    } catch (e) {
      log(`LibreOffice conversion failed (${(e as Error).message.split("\n")[0]}); repeating the fixture PDFs instead`);
    }
  }
  const { files, pages } = await fixturePdfs();
  const repeat = Math.max(1, Math.ceil(minPages / pages));
  return {
    source: "fixtures-repeated", files, repeat, pages: pages * repeat, dir: FIXTURES,
    note: `${files.length} fixture PDFs (${pages} pages) × ${repeat}${version ? "" : " (soffice not found)"}`,
  };
}

/**
 * Archive documents (a stride through a 4000-document archive, so every kind is
 * there: plans with responsibility tables, reports with indicator tables, công văn,
 * conclusions) → HTML → PDF with LibreOffice, in batches until `minPages`.
 */
async function libreOfficeSet(minPages: number, version: string): Promise<PdfSet> {
  const docs = [...generateArchive({ count: 4000, seed: 11 })].filter((_, i) => i % 3 === 0);
  const key = createHash("sha256").update(version).update(String(minPages)).update(docs.slice(0, 50).map((d) => d.text).join("\0")).digest("hex").slice(0, 16);
  const cache = join(tmpdir(), "vanban-bench-cache", `pdf-${key}`);
  const html = join(cache, "html");
  const pdf = join(cache, "pdf");
  const done = join(cache, "complete.json");
  if (existsSync(done)) {
    const files = readdirSync(pdf).filter((n) => n.endsWith(".pdf")).sort().map((name) => ({ name, path: join(pdf, name), bytes: readFileSync(join(pdf, name)) }));
    const { pages } = JSON.parse(readFileSync(done, "utf8")) as { pages: number };
    if (files.length && pages >= minPages) return { source: "libreoffice", files, repeat: 1, pages, dir: pdf, note: `${files.length} archive documents → HTML → LibreOffice PDF (cached in ${cache})` };
  }
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(html, { recursive: true });
  mkdirSync(pdf, { recursive: true });
  const profile = `file://${join(cache, "lo-profile")}`;
  let pages = 0;
  let next = 0;
  const started = performance.now();
  let made = 0;
  while (pages < minPages && next < docs.length) {
    // ~2 pages a document on average; convert a little more than what is missing.
    const batch = docs.slice(next, next + Math.max(20, Math.ceil((minPages - pages) / 1.8)));
    // Numbered: two communes can share a slug ("Đức Thành", "Đức Thạnh").
    const names = batch.map((d, k) => {
      const name = `${String(next + k).padStart(4, "0")}-${basename(d.name, extname(d.name))}.html`;
      writeFileSync(join(html, name), toHtml(d.text));
      return join(html, name);
    });
    next += batch.length;
    // Small chunks: one soffice run given hundreds of files has been seen to stop part-way, exit 0.
    for (let k = 0; k < names.length; k += 40) {
      const chunk = names.slice(k, k + 40);
      const missing = () => chunk.filter((n) => !existsSync(join(pdf, `${basename(n, ".html")}.pdf`)));
      for (let attempt = 0; attempt < 2 && missing().length; attempt++)
        execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", pdf, ...missing()], {
          stdio: "ignore", timeout: 300_000,
        });
      for (const n of chunk) {
        const out = join(pdf, `${basename(n, ".html")}.pdf`);
        if (!existsSync(out)) continue; // left out of the set; the page target decides
        pages += await pageCount(readFileSync(out));
        made++;
      }
    }
  }
  if (pages < minPages) throw new Error(`only ${pages} pages from ${docs.length} documents`);
  writeFileSync(done, JSON.stringify({ pages, version, seconds: (performance.now() - started) / 1000 }));
  log(`LibreOffice made ${made} PDFs from ${next} documents, ${pages} pages, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return libreOfficeSet(minPages, version);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const inline = (s: string) =>
  esc(s)
    .replace(/&lt;br&gt;/g, "<br>")
    .replace(/\*\*(.+?)\*\*/g, "<b>$1</b>")
    .replace(/\*([^*]+)\*/g, "<i>$1</i>");

/**
 * The archive's Markdown/text as a Word-like page: Times-like 13 pt, headings bold,
 * pipe tables and tab tables as ruled tables (header row bold).
 */
export function toHtml(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    const pipe = /^\s*\|/.test(line);
    if (pipe || line.includes("\t")) {
      const rows: string[][] = [];
      while (i < lines.length && (pipe ? /^\s*\|/.test(lines[i]) : lines[i].includes("\t"))) {
        const cells = pipe ? lines[i].trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim()) : lines[i].split("\t");
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
        i++;
      }
      out.push(
        `<table border="1" cellspacing="0" cellpadding="4" width="100%">${rows
          .map((r, k) => `<tr>${r.map((c) => `<td valign="top">${k === 0 ? `<b>${inline(c)}</b>` : inline(c)}</td>`).join("")}</tr>`)
          .join("")}</table>`,
      );
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) out.push(`<p align="center"><b>${inline(heading[1])}</b></p>`);
    else if (line.trim()) out.push(`<p>${inline(line)}</p>`);
    i++;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:'Liberation Serif','Times New Roman';font-size:13pt} td{font-size:12pt}</style></head><body>\n${out.join("\n")}\n</body></html>\n`;
}
