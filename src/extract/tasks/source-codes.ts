/**
 * Codes in a "Văn bản giao nhiệm vụ" cell: every number+symbol, canonical, once each.
 * "13-TB/CQTT;\n41-KH/TU;\n35/KH-UBND" gives three codes; a code broken by the cell's
 * line break ("35/KH-\nUBND") is one. The grammar is the references registry's, so a
 * task's sources and the document's references agree on spelling.
 */
import { foldForMatch } from "../../normalise/fold.js";
import { CODE_PATTERN, canonicalCode } from "../registries/document-codes.js";

const CODE_RE = new RegExp(CODE_PATTERN, "gu");

export function sourceCodes(cell: string): string[] {
  const out: string[] = [];
  const folded = foldForMatch(cell);
  CODE_RE.lastIndex = 0;
  for (let m = CODE_RE.exec(folded); m; m = CODE_RE.exec(folded)) {
    const code = canonicalCode(cell.slice(m.index, m.index + m[0].length));
    if (!out.includes(code)) out.push(code);
  }
  return out;
}
