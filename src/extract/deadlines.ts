/**
 * Deadlines: when something must be done, or runs (contract, "Deadlines").
 *
 * Sources: every cell under a time column of a table ("Thời gian thực hiện", "Hạn
 * hoàn thành", "Thời gian giao theo kế hoạch" — see registries/columns.ts), read as a
 * whole deadline cell; and time limits in the prose of the body (paragraphs, list
 * items, headings, and the other cells of rows that have no time cell).
 *
 * Shapes accepted (matched on folded text, case-insensitive; phrases live in
 * registries/deadline-phrases.ts):
 *   date        "12/7/2026" "12-7-2026" "12.7.2026" "ngày 12 tháng 7 năm 2026" "ngày 15/4" (year from the document)
 *   by          "trước ngày 30/4/2026" "hoàn thành trước ngày 15/4/2026" "trước 30/9/2026" "chậm nhất ngày 15/5"
 *               "chậm nhất là ngày …" "trước 17 giờ ngày 20/4/2026" "hạn chót …" "không muộn hơn …"
 *               "trước tháng 6/2026" (→ 05-31) "đến hết quý III/2026" "cuối năm 2026"
 *   from        "từ ngày 10/4/2026" "bắt đầu từ ngày 10/4/2026" "kể từ tháng 5/2026"
 *               "từ ngày 01/6 đến ngày 30/6/2026" (start and end) "từ tháng 4 đến tháng 6/2026"
 *   month       "Tháng 4/2026" "Tháng 01/2026" "tháng 4 năm 2026" "trong tháng 6" "tháng 4-5/2026" "9 tháng đầu năm 2026"
 *   quarter     "Quý II/2026" "Quý II năm 2026" "quý 2/2026" "quý III, quý IV năm 2026" (one per quarter) "quý II - III/2026"
 *   half-year   "6 tháng đầu năm 2026" "06 tháng cuối năm" "nửa cuối năm 2026" "6 tháng năm 2026"
 *   year        "trong năm 2026" "Năm 2026" "2026" (time cell) "giai đoạn 2026 - 2030" (with a cue)
 *   recurring   "thường xuyên" "Thực hiện thường xuyên" "định kỳ" "hằng năm" "hàng tháng, quý, năm" "mỗi quý"
 *               "Tháng 6 hằng năm" "06 tháng/lần" "02 lần/năm"
 *               "Quý, 6 tháng, 9 tháng, năm" "đánh giá kết quả 6 tháng, 01 năm" "trước ngày 20 hằng tháng"
 *               "Sơ kết, tổng kết" (time cell)
 *   on-request  "khi có yêu cầu" "Đột xuất khi có yêu cầu" "Báo cáo khi có văn bản yêu cầu của …" "đột xuất"
 *               "khi cần thiết" "theo yêu cầu" (time cell)
 *   relative    "ngay sau khi kết thúc …" "sớm hơn ít nhất 01 quý so với kế hoạch" "trong vòng 05 ngày làm việc kể từ …"
 *               "Sau khi được phê duyệt" "Theo kế hoạch" (time cell)
 * A year left out is taken from a later period of the same list ("tháng 6 và 6 tháng
 * cuối năm 2026"), else from the document's date.
 *
 * In prose a date or period is a limit only after a cue ("trước", "đến hết", "từ",
 * "trong", "vào", "ngay trong", "trọng tâm", "thực hiện"), or when it continues a
 * list that had one. Not deadlines: the header and title, signature, recipients,
 * footnotes, annex titles and notes (document-zones.ts); dates and descriptions of
 * cited documents ("Kế hoạch số 41-KH/ĐU ngày 16/01/2026 …") and whole basis
 * sentences ("Thực hiện Công văn số … về việc báo cáo … 6 tháng đầu năm 2026");
 * repetitions of the title and the closing formula; horizons ("tầm nhìn đến năm
 * 2045", "đến năm 2030"); periods that selected work by its planned time ("Đối với
 * các nhiệm vụ … hoàn thành trong quý III"); periods that ended before the document's
 * date (events and history: "sơ kết công tác quý I"); in a report, a period the
 * report's date falls in or follows ("kết quả thực hiện 6 tháng đầu năm 2026",
 * "Số liệu từ ngày 01/01/2026 đến ngày 14/5/2026", "từ … đến nay"), unless the clause
 * looks ahead ("nhiệm vụ, giải pháp trọng tâm …"); repetition words that are negated
 * ("chưa được thực hiện thường xuyên") or sit in a statement of problems.
 *
 * One time cell can hold several limits ("Hoàn thành trước ngày 30/5/2026.⏎Thường
 * xuyên duy trì, nâng cấp"): it is split at line breaks, ";" and sentence ends, and
 * each piece gives its limits; a piece with one limit gives it the piece's whole text.
 * A row whose time cell is filled takes its limits from that cell only, so that the
 * task's first dated deadline is its own limit rather than a period its content
 * mentions.
 */
import type { Deadline } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
import { documentFacts, indexText } from "./document-zones.js";
import { findAtoms } from "./deadlines/atoms.js";
import { resolve, type Found } from "./deadlines/resolve.js";
import { scanProse, scanTable } from "./deadlines/scan.js";
import { foldForMatch } from "../normalise/fold.js";


export function extractDeadlines(ctx: ExtractContext): Deadline[] {
  const facts = documentFacts(ctx);
  const out: Deadline[] = [];
  ctx.doc.blocks.forEach((b, bi) => {
    if (facts.outside[bi]) return;
    if (b.type === "table") return scanTable(ctx, facts, b, bi, out);
    if (b.type === "signature" || b.type === "footnote") return;
    scanProse(ctx, facts, bi, b.span.start, b.span.end, out);
  });
  return out;
}

/**
 * The limits one time cell states, read on its own as the extractor reads a table's
 * time cell ("Trước ngày 30/6/2026" → by 2026-06-30, "Quý III/2026"); `year` fills a
 * date written without one. For a time kept outside the deadlines (a task's extra column).
 */
export function readTimeCell(text: string, year: number | null): Found[] {
  const f = foldForMatch(text);
  return resolve(f, findAtoms(f, 0, "cell", indexText(f)), "cell", year);
}
