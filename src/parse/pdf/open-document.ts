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

export async function readDocumentMarks(bytes: Uint8Array): Promise<PageMarks[]> {
  // pdf.js takes ownership of (and may detach) the buffer it is given.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
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
