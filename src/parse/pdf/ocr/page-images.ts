/**
 * Which pages paint an image. A garbled text layer is only taken for one when it
 * lies over a page image (a scan with an app's OCR under it): text a born-digital
 * page draws is what its author typed, even without diacritics. Asked only for
 * the few pages whose text looks garbled, so the second opening costs nothing on
 * ordinary documents.
 */
import { getDocument, OPS, VerbosityLevel } from "../pdfjs.js";

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat]);

export async function pagesWithImages(bytes: Uint8Array, pages: number[]): Promise<Set<number>> {
  const out = new Set<number>();
  if (!pages.length) return out;
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, stopAtErrors: false });
  try {
    const doc = await task.promise;
    for (const n of pages) {
      const page = await doc.getPage(n);
      try {
        const ops = await page.getOperatorList();
        if (ops.fnArray.some((fn) => IMAGE_OPS.has(fn))) out.add(n);
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await task.destroy();
  }
  return out;
}
