/**
 * References: every other document the text cites by number and symbol, once per
 * distinct code, with its kind, date, issuer, mention count and relation.
 *
 * Citation shapes accepted (on ctx.folded; words match any case, symbols are capitals):
 *   "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về …"   Party code, date, issuer
 *   "Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024"                    no "số", long date
 *   "Kế hoạch số 144/KH-UBND ngày 09/4/2026 của UBND tỉnh Thái Nguyên" state code
 *   "Công văn số 3216/UBND-KGVX"                                       công văn (no type part)
 *   "Nghị định số 30/2020/NĐ-CP", "Luật Đất đai số 31/2024/QH15"      normative, year inside
 *   "Chương trình hành động số 62-CTr/TU", "Thông báo kết luận số 13-TB/CQTT"
 *   "Kế hoạch số: 12/KH-UBND", "SỐ 13-TB/CQTT NGÀY 01/4/2026"          colon, capitals
 *   "13-TB/CQTT; 41-KH/TU; 35/KH-UBND"                                  bare codes (table cells)
 *   "57- NQ/TW", "35/KH- UBND" (a cell's line break)                    blanks inside a code
 *   "…; 70-KH/ĐU …, 90-KH/ĐU … của Đảng ủy xã X"                        a list sharing its issuer
 *   "UBND xã X đã ban hành Kế hoạch số 39/KH-UBND …"                   the subject issued it
 *   "của Ban Chỉ đạo" after "Ban Chỉ đạo … xã X (sau đây gọi tắt là Ban Chỉ đạo)" → the full name
 * Not references: the document's own code (also where an annex repeats it); a number
 * without symbol ("Đề án số 06"); "Số: /KH-UBND"; dates, ranges, versions ("19/6/2025",
 * "2026-2030", "4.0"); capitals without a number ("TH&THCS", "KT-XH").
 *
 * Relations: the words before a citation (registries/relations.ts); a citation inside
 * another one's description ("Kế hoạch số 80-KH/ĐU … về triển khai thực hiện Đề án số
 * 22-ĐA/TU") is recorded on the outer one as `implements`, and cites for this document.
 */
import type { Reference } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
import { parseCode } from "./registries/document-codes.js";
import { CODE_RE, Mention, codeKey, kindBefore, readMention } from "./references/mention.js";
import { mergeByCode } from "./references/merge.js";
import { clauseFinalIssuers, readAliases, relate, relationDefaults, shareListIssuers } from "./references/relations.js";

export function extractReferences(ctx: ExtractContext): Reference[] {
  const { folded } = ctx;
  const own = ctx.meta.code ? codeKey(ctx.meta.code) : null;
  const aliases = readAliases(ctx);
  const defaults = relationDefaults(ctx);
  const mentions: Mention[] = [];
  CODE_RE.lastIndex = 0;
  for (let m = CODE_RE.exec(folded); m; m = CODE_RE.exec(folded)) {
    const codeStart = m.index;
    const codeEnd = m.index + m[0].length;
    const parsed = parseCode(ctx.doc.text.slice(codeStart, codeEnd));
    if (!parsed) continue;
    const before = kindBefore(folded, codeStart);
    if (!parsed.strong && !before) continue;
    if (own && codeKey(parsed.code) === own) continue;
    const mention = readMention(ctx, parsed, before?.start ?? codeStart, codeEnd, before?.kind ?? null, aliases);
    mention.numberWord = before?.numberWord ?? false;
    relate(ctx, mention, mentions, defaults);
    mentions.push(mention);
  }
  shareListIssuers(mentions);
  clauseFinalIssuers(ctx, mentions);
  return mergeByCode(ctx, mentions);
}
