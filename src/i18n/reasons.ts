/**
 * Why a file was refused or passed over, in the user's language. The parsers and
 * the importer write these reasons in English, and the store keeps them so (they
 * are data: `--json`, `vanban doctor`); the CLI says the known ones again from the
 * catalogue, matched by shape. A reason no pattern knows is shown as written.
 */
import { t } from "./index.js";

const REASONS: { pattern: RegExp; say: (m: RegExpMatchArray) => string }[] = [
  { pattern: /^no such file( or directory)?$/, say: () => t("reason.noSuchFile") },
  { pattern: /^file is ([\d.]+) MB, over the (\d+) MB limit$/, say: (m) => t("reason.tooLarge", { size: m[1], limit: m[2] }) },
  { pattern: /^empty file \(0 bytes\)$/, say: () => t("reason.empty") },
  { pattern: /^ZIP archive that is not a Word document/, say: () => t("reason.zipNotWord") },
  { pattern: /^legacy Word 97-2003 \(\.doc, OLE\) file/, say: () => t("reason.legacyDoc") },
  { pattern: /^RTF is not supported/, say: () => t("reason.rtf") },
  { pattern: /^binary content that is not a PDF, DOCX or text document$/, say: () => t("reason.binary") },
  // After the colon: why OCR did not run (Tesseract missing, --no-ocr), kept as written.
  { pattern: /^no text layer — needs OCR \(scanned PDF\)(: .*)?$/, say: (m) => t("reason.needsOcr") + (m[1] ?? "") },
  { pattern: /^password-protected PDF$/, say: () => t("reason.password") },
  // pdf.js's own words for a damaged or cut-short file.
  { pattern: /^Invalid PDF structure\.?$/, say: () => t("reason.brokenPdf") },
  { pattern: /^timed out after ([\d.]+) s$/, say: (m) => t("reason.timedOut", { seconds: m[1] }) },
  { pattern: /^project notes, not a document$/, say: () => t("reason.notDocument") },
  { pattern: /^broken symlink$/, say: () => t("reason.brokenSymlink") },
];

export function localiseReason(reason: string): string {
  for (const r of REASONS) {
    const m = reason.match(r.pattern);
    if (m) return r.say(m);
  }
  return reason;
}
