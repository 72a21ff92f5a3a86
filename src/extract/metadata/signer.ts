/** The signer: position and name from the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A"). */
import type { DocumentModel } from "../../../schemas/document.js";
import { POSITION_DISPLAY } from "../registries/positions.js";
import { applyPhrases, isCapitals, restoreAbbreviations } from "./display-case.js";
import { Found, lower } from "./shapes.js";

export function readSigner(doc: DocumentModel): Found<{ name: string; position: string | null }> | null {
  for (const b of doc.blocks) {
    if (b.type !== "signature" || !b.name) continue;
    const position = b.position ? positionDisplay(b.position) : null;
    return { value: { name: b.name.trim(), position }, span: b.span };
  }
  return null;
}

/** "PHÓ BÍ THƯ THƯỜNG TRỰC kiêm PHÓ TRƯỞNG BAN THƯỜNG TRỰC" → "Phó Bí thư Thường trực kiêm Phó Trưởng ban Thường trực". */
export function positionDisplay(printed: string): string {
  const text = printed.replace(/\s+/g, " ").trim();
  // "kiêm" and "và" join two titles in lower case even when the titles are printed in capitals.
  if (!isCapitals(text.replace(/(?<![\p{L}\p{M}])(?:kiêm|và)(?![\p{L}\p{M}])/gu, ""))) return text;
  const shown = applyPhrases(text.toLocaleLowerCase("vi"), POSITION_DISPLAY);
  return restoreAbbreviations(shown, text).replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase("vi"));
}
