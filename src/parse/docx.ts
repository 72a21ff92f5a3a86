/**
 * DOCX → draft blocks: guarded unzip → document.xml prepared (list numbers,
 * page breaks) → mammoth → HTML tree → the shared HTML conversion. mammoth
 * hands its HTML over as a tree (docx/hast-writer.ts), so it is not written
 * out and parsed again unless the tree would differ from the parser's.
 *
 * mammoth reads the parts through an adapter over the already-checked archive
 * (mammoth's `file` input), so nothing is inflated that the guard did not
 * admit, and images are never read. Pages: DOCX has no layout, so a block's
 * page counts the explicit breaks before it (w:br page breaks, "page break
 * before" paragraphs, section breaks that start a new page); without any, the
 * document is one page.
 */
import mammoth from "mammoth";
import { message, type DraftDocument } from "./draft.js";
import { parseHtml, parseHtmlTree } from "./html.js";
import { PAGE_BREAK_CLASS } from "./html/page-breaks.js";
import { openDocxArchive, type DocxArchive } from "./docx/archive.js";
import { HAST_OUTPUT, type HastOutput } from "./docx/hast-writer.js";
import { readListDefinitions } from "./docx/list-numbering.js";
import { prepareDocumentXml } from "./docx/prepare-document.js";

const MAIN_DOCUMENT = "word/document.xml";

const MAMMOTH_OPTIONS = {
  styleMap: [`br[type='page'] => br.${PAGE_BREAK_CLASS}`],
  includeEmbeddedStyleMap: false,
  externalFileAccess: false,
  // Images carry no text here; answering without reading them keeps their bytes compressed.
  convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
  outputFormat: HAST_OUTPUT,
};

export async function parseDocx(bytes: Uint8Array): Promise<DraftDocument> {
  const archive = await openDocxArchive(bytes);
  try {
    const text = async (name: string) => (archive.has(name) ? (await archive.read(name)).toString("utf8") : null);
    const lists = readListDefinitions(await text("word/numbering.xml"), await text("word/styles.xml"));
    const prepared = prepareDocumentXml((await text(MAIN_DOCUMENT))!, lists);
    const input = { file: mammothFile(archive, { [MAIN_DOCUMENT]: prepared }) };
    // `file` is mammoth's input for an already-opened archive (lib/unzip.js); its typings list only path/buffer.
    const result = await mammoth.convertToHtml(input as unknown as { buffer: Buffer }, MAMMOTH_OPTIONS);
    const output = result.value as unknown as HastOutput;
    const draft = output.tree ? parseHtmlTree(output.tree) : parseHtml(output.html);
    for (const m of result.messages) if (m.type === "error") draft.warnings.push(message("parse-docx", m.message));
    return draft;
  } finally {
    archive.close();
  }
}

/** The archive as mammoth's zip object (exists/read), with some parts replaced. */
function mammothFile(archive: DocxArchive, replaced: Record<string, string>) {
  return {
    exists: (name: string) => archive.has(name),
    async read(name: string, encoding?: string): Promise<string | Uint8Array> {
      if (name in replaced) return encoding ? replaced[name] : Buffer.from(replaced[name], "utf8");
      const bytes = await archive.read(name);
      if (!encoding) return bytes;
      return encoding === "base64" ? bytes.toString("base64") : new TextDecoder(encoding).decode(bytes);
    },
    write() {
      throw new Error("read-only archive");
    },
    toArrayBuffer() {
      throw new Error("read-only archive");
    },
  };
}
