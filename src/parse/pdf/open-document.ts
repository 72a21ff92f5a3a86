/**
 * Opens a PDF with pdf.js and reads every page's marks, always tearing the
 * document down afterwards: in Node pdf.js runs its worker in-process, and a
 * document left open keeps that worker (and the process) alive.
 *
 * pdf.js errors become one-line reasons: a user password → "password-protected
 * PDF"; anything else → pdf.js's own message.
 */
import { getDocument, VerbosityLevel } from "./pdfjs.js";
import type { PageMarks } from "./marks.js";
import { readPageMarks } from "./read-marks.js";

/**
 * The document pdf.js would install fonts into for drawing (`ownerDocument`).
 * Nothing here draws, and without a document pdf.js in Node falls back to
 * compiling every glyph's outline into a path and posting it to this thread
 * (`disableFontFace`), a tenth of the parse time and glyph paths held until the
 * document closes. Given this one, it writes each font as an @font-face rule
 * into a style sheet that keeps nothing.
 */
const FONTS_DISCARDED = {
  createElement: () => ({ sheet: { cssRules: { length: 0 }, insertRule: () => 0 }, remove: () => {} }),
  documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
} as unknown as Document;

export async function readDocumentMarks(bytes: Uint8Array): Promise<PageMarks[]> {
  // pdf.js takes ownership of (and may detach) the buffer it is given.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: FONTS_DISCARDED,
    stopAtErrors: false,
    // Images carry no text here: a size limit of 0 pixels drops them from the operator
    // list before they are decoded and posted (stamps, signatures, scans). Pages are
    // told to have images by ocr/page-images.ts, which opens the file on its own.
    maxImageSize: 0,
  });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw new Error(reason(e));
    });
    const pages: PageMarks[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      try {
        pages.push(await readPageMarks(page, n));
      } finally {
        page.cleanup();
      }
    }
    return pages;
  } catch (e) {
    throw new Error(reason(e));
  } finally {
    await task.destroy();
  }
}

function reason(e: unknown): string {
  const err = e as { name?: string; message?: string };
  if (err?.name === "PasswordException") return "password-protected PDF";
  const message = String(err?.message ?? e).split("\n")[0];
  return message || "unreadable PDF";
}
