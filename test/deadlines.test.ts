/**
 * Deadlines: phrasings of Vietnamese administrative writing, built through the real
 * parser, and the seed fixtures checked against their own text. Expected values are
 * read off the sentences (and ../shared/contract/extraction.md), not off the extractor.
 */
import { describe, expect, it } from "vitest";
import type { DocumentModel } from "../schemas/document.js";
import type { Deadline, DocumentMeta } from "../schemas/extraction.js";
import { makeContext } from "../src/extract/context.js";
import { extractDeadlines } from "../src/extract/deadlines.js";
import { extractDocument } from "../src/extract/index.js";
import { parseBytes, parseFile } from "../src/parse/index.js";

const BLANK: DocumentMeta = { kind: null, code: null, symbol: null, issuer: null, place: null, date: null, title: null, signer: null };

/** A document with a real header: the extractor reads kind and date from it (metadata left blank on purpose). */
function md(body: string, opts: { kind?: string; date?: string; title?: string } = {}): string {
  const kind = opts.kind ?? "KẾ HOẠCH";
  const date = opts.date ?? "ngày 10 tháng 3 năm 2026";
  const title = opts.title ?? "Triển khai nhiệm vụ chuyển đổi số trên địa bàn xã";
  return `UBND XÃ PHÚ THỊNH\n\nSố: 12/KH-UBND\n\nPhú Thịnh, ${date}\n\n${kind}\n\n${title}\n\n${body}\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n`;
}
async function parse(text: string): Promise<DocumentModel> {
  return parseBytes(Buffer.from(text), "x.md");
}
async function deadlines(body: string, opts: Parameters<typeof md>[1] = {}): Promise<Deadline[]> {
  return extractDeadlines(makeContext(await parse(md(body, opts)), BLANK));
}
const brief = (d: Deadline) => [d.kind, d.start, d.end];

describe("dated limits in prose", () => {
  it.each([
    ["Các phòng hoàn thành trước ngày 30/4/2026.", ["by", null, "2026-04-30"], "hoàn thành trước ngày 30/4/2026"],
    ["Báo cáo kết quả chậm nhất ngày 15/5.", ["by", null, "2026-05-15"], "chậm nhất ngày 15/5"],
    ["Gửi về Văn phòng trước 17 giờ ngày 20/4/2026.", ["by", null, "2026-04-20"], "trước 17 giờ ngày 20/4/2026"],
    ["Hoàn thành trước 30/9/2026.", ["by", null, "2026-09-30"], "Hoàn thành trước 30/9/2026"],
    ["Hoàn thành trước ngày 05 tháng 6 năm 2026.", ["by", null, "2026-06-05"], "Hoàn thành trước ngày 05 tháng 6 năm 2026"],
    ["Hạn chót nộp hồ sơ: 17h00 ngày 25/4/2026.", ["by", null, "2026-04-25"], "Hạn chót nộp hồ sơ: 17h00 ngày 25/4/2026"],
    ["Thời hạn hoàn thành: 31/12/2026.", ["by", null, "2026-12-31"], "Thời hạn hoàn thành: 31/12/2026"],
    ["Hoàn thành trước tháng 6/2026.", ["by", null, "2026-05-31"], "Hoàn thành trước tháng 6/2026"],
    ["Thực hiện đến hết quý III/2026.", ["by", null, "2026-09-30"], "đến hết quý III/2026"],
    ["Tiến độ: cuối năm 2026.", ["by", null, "2026-12-31"], "Tiến độ: cuối năm 2026"],
    ["Triển khai bắt đầu từ ngày 10/4/2026.", ["from", "2026-04-10", null], "bắt đầu từ ngày 10/4/2026"],
    ["Tổ chức thực hiện từ ngày 01/6/2026 đến ngày 30/6/2026.", ["from", "2026-06-01", "2026-06-30"], "từ ngày 01/6/2026 đến ngày 30/6/2026"],
    ["Rà soát từ tháng 4 đến tháng 6/2026.", ["from", "2026-04-01", "2026-06-30"], "từ tháng 4 đến tháng 6/2026"],
    ["Tổ chức Hội nghị vào ngày 12/7/2026 tại hội trường.", ["date", "2026-07-12", "2026-07-12"], "vào ngày 12/7/2026"],
    ["Hoàn thành trong tháng 4/2026.", ["month", "2026-04-01", "2026-04-30"], "trong tháng 4/2026"],
    ["Hoàn thành trong tháng 4-5/2026.", ["month", "2026-04-01", "2026-05-31"], "trong tháng 4-5/2026"],
    ["Tập trung hoàn thành ngay trong quý II năm 2026.", ["quarter", "2026-04-01", "2026-06-30"], "ngay trong quý II năm 2026"],
    ["- Thời gian thực hiện: Quý II/2026.", ["quarter", "2026-04-01", "2026-06-30"], "Thời gian thực hiện: Quý II/2026"],
    ["Tổ chức sơ kết vào 6 tháng cuối năm 2026.", ["half-year", "2026-07-01", "2026-12-31"], "vào 6 tháng cuối năm 2026"],
    ["Triển khai trong năm 2026.", ["year", "2026-01-01", "2026-12-31"], "trong năm 2026"],
    ["Nộp báo cáo chậm nhất là ngày 20/5/2026.", ["by", null, "2026-05-20"], "báo cáo chậm nhất là ngày 20/5/2026"],
    ["Hoàn thành trước ngày 30-6-2026.", ["by", null, "2026-06-30"], "Hoàn thành trước ngày 30-6-2026"],
    ["Hoàn thành trước ngày 30.6.2026.", ["by", null, "2026-06-30"], "Hoàn thành trước ngày 30.6.2026"],
    ["Hoàn thành trong Quý 2/2026.", ["quarter", "2026-04-01", "2026-06-30"], "trong Quý 2/2026"],
    ["Triển khai trong tháng 01 năm 2027.", ["month", "2027-01-01", "2027-01-31"], "trong tháng 01 năm 2027"],
    ["Tổng kết vào nửa cuối năm 2026.", ["half-year", "2026-07-01", "2026-12-31"], "vào nửa cuối năm 2026"],
    ["Hoàn thành trong 06 tháng đầu năm.", ["half-year", "2026-01-01", "2026-06-30"], "trong 06 tháng đầu năm"],
    ["Thực hiện từ nay đến hết năm 2026.", ["by", null, "2026-12-31"], "đến hết năm 2026"],
    ["Thực hiện trong giai đoạn 2026 - 2030.", ["year", "2026-01-01", "2030-12-31"], "trong giai đoạn 2026 - 2030"],
    // The old spelling of quý, with the year after a dash.
    ["Các xã hoàn thành trong Quí IV-2026.", ["quarter", "2026-10-01", "2026-12-31"], "trong Quí IV-2026"],
  ])("%s", async (body, expected, text) => {
    const found = await deadlines(body);
    expect(found.map(brief)).toEqual([expected]);
    expect(found[0].text).toBe(text);
  });

  it("takes a missing year from the document's date", async () => {
    const found = await deadlines("Hoàn thành trong tháng 9; báo cáo trước ngày 15/10.", { date: "ngày 02 tháng 6 năm 2027" });
    expect(found.map(brief)).toEqual([
      ["month", "2027-09-01", "2027-09-30"],
      ["by", null, "2027-10-15"],
    ]);
  });

  it("shares a list's year: one deadline per quarter", async () => {
    const found = await deadlines("Rà soát trong quý III, quý IV năm 2026.");
    expect(found.map(brief)).toEqual([
      ["quarter", "2026-07-01", "2026-09-30"],
      ["quarter", "2026-10-01", "2026-12-31"],
    ]);
    expect(found.map((d) => d.text)).toEqual(["trong quý III", "quý IV năm 2026"]);
  });

  it("shares a list's year across months and a half-year", async () => {
    const found = await deadlines("Tập trung nhiệm vụ trọng tâm tháng 6 và 6 tháng cuối năm 2026.", { date: "ngày 20 tháng 5 năm 2025" });
    expect(found.map(brief)).toEqual([
      ["month", "2026-06-01", "2026-06-30"],
      ["half-year", "2026-07-01", "2026-12-31"],
    ]);
  });
});

describe("undated limits", () => {
  it.each([
    ["Thực hiện thường xuyên.", "recurring"],
    ["Công an xã thường xuyên rà soát dữ liệu dân cư.", "recurring"],
    ["Kiểm tra định kỳ 06 tháng/lần.", "recurring"],
    ["Hằng năm, tổ chức sơ kết đánh giá.", "recurring"],
    ["Công an xã cập nhật dữ liệu trước ngày 10 hằng tháng.", "recurring"],
    ["Báo cáo tình hình trước ngày 15 của tháng cuối quý.", "recurring"],
    ["Tổ chức đánh giá kết quả 6 tháng, 01 năm.", "recurring"],
    ["Báo cáo Ban Thường vụ khi có yêu cầu.", "on-request"],
    ["Cập nhật dữ liệu ngay sau khi có quyết định phê duyệt; không để chậm trễ.", "relative"],
    ["Hoàn thành sớm hơn ít nhất 01 quý so với kế hoạch ban đầu.", "relative"],
    ["Giải quyết trong vòng 05 ngày làm việc kể từ ngày nhận đủ hồ sơ.", "relative"],
    ["Tổ chức kiểm tra định kỳ hằng quý.", "recurring"],
    ["Tổ chức tập huấn 02 lần/năm.", "recurring"],
    ["Báo cáo UBND xã khi được yêu cầu.", "on-request"],
    ["Tổ chức Hội nghị tổng kết vào tháng 12 hằng năm.", "recurring"],
  ])("%s → %s", async (body, kind) => {
    const found = await deadlines(body);
    expect(found.map(brief)).toEqual([[kind, null, null]]);
  });

  it("keeps a schedule and an on-request limit of one clause apart, and joins 'hằng tháng, quý, năm'", async () => {
    const found = await deadlines("Báo cáo định kỳ hằng tháng, quý, năm và đột xuất khi có yêu cầu.");
    expect(found.map((d) => [d.kind, d.text])).toEqual([
      ["recurring", "Báo cáo định kỳ hằng tháng, quý, năm"],
      ["on-request", "đột xuất khi có yêu cầu"],
    ]);
  });

  it("does not read negated or problem statements as schedules", async () => {
    const found = await deadlines(
      "Hoạt động tuyên truyền chưa được thực hiện thường xuyên.\n\n- Khó khăn, vướng mắc: yêu cầu ngày càng cao, đòi hỏi cập nhật thường xuyên.",
    );
    expect(found).toEqual([]);
  });

  it("reads 'hằng năm' after a noun as an attribute, not a schedule", async () => {
    const found = await deadlines("Đưa nội dung chuyển đổi số vào chương trình công tác hằng năm; bình xét thi đua, khen thưởng hằng năm.");
    expect(found).toEqual([]);
  });
});

describe("not deadlines", () => {
  it.each([
    ["a citation's date", "Căn cứ Kế hoạch số 41-KH/ĐU ngày 16/01/2026 của Đảng ủy xã về chuyển đổi số."],
    ["a cited document's description", "Chủ động rà soát nhiệm vụ tại Kế hoạch số 35/KH-UBND ngày 04/02/2026 của UBND tỉnh về triển khai Đề án giai đoạn 2026 - 2030, năm 2026; đề ra giải pháp cụ thể."],
    ["a basis sentence", "Thực hiện Công văn số 5426/UBND-KGVX ngày 17/5/2026 của UBND tỉnh về việc báo cáo kết quả 6 tháng đầu năm 2026; nhiệm vụ, giải pháp trọng tâm tháng 6 và 6 tháng cuối năm 2026."],
    ["an event that happened", "Ngày 05/3/2026, Ban Chỉ đạo đã tổ chức Hội nghị sơ kết công tác quý I năm 2026."],
    ["a period already over", "Trong năm 2025, UBND xã đã triển khai nhiều mô hình."],
    ["a horizon", "Phấn đấu đến năm 2030, tầm nhìn đến năm 2045, xã đạt chuẩn nông thôn mới kiểu mẫu."],
    ["a qualifier", "Đối với các nhiệm vụ theo kế hoạch phải hoàn thành trong quý III, quý IV năm 2026, yêu cầu các đơn vị chủ động rà soát."],
    ["a bare year in a name", "Triển khai Chương trình công tác năm 2026 của Ban Chỉ đạo."],
    ["the closing formula", "Trên đây là Kế hoạch triển khai nhiệm vụ chuyển đổi số trong năm 2026 của UBND xã./."],
    ["an effective-date clause", "Kế hoạch này có hiệu lực kể từ ngày ký."],
    ["an adverb of manner", "Phòng Văn hóa - Xã hội thường xuyên phối hợp với Mặt trận Tổ quốc xã tuyên truyền."],
    ["an adverb before 'quan tâm'", "Cấp ủy thường xuyên quan tâm lãnh đạo công tác chuyển đổi số."],
  ])("%s", async (_name, body) => {
    expect(await deadlines(body)).toEqual([]);
  });

  it("in a plan's section of results, treats the period looked back on as no deadline", async () => {
    const body = [
      "I. KẾT QUẢ THỰC HIỆN NĂM 2025 VÀ QUÝ I NĂM 2026",
      "Trong tháng 3/2026, UBND xã đã tiếp nhận 1.250 hồ sơ.",
      "II. NHIỆM VỤ, GIẢI PHÁP",
      "Hoàn thành trong tháng 3/2026 việc rà soát.",
    ].join("\n\n");
    expect((await deadlines(body)).map(brief)).toEqual([["month", "2026-03-01", "2026-03-31"]]);
  });

  it("ignores the header, the title and the recipients", async () => {
    const found = await deadlines("Các đơn vị triển khai thực hiện.", { title: "Triển khai nhiệm vụ trọng tâm quý II năm 2026" });
    expect(found).toEqual([]);
  });

  it("in a report, treats the period reported on as no deadline but keeps what lies ahead", async () => {
    const body = [
      "I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026",
      "Trong quý I/2026, UBND xã đã hoàn thành 12 nhiệm vụ.",
      "Số liệu từ ngày 01/01/2026 đến ngày 14/5/2026; từ đầu năm đến nay đã tiếp nhận 1.250 hồ sơ.",
      "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026",
      "Hoàn thành trong tháng 6/2026 việc rà soát; báo cáo trước ngày 15/7/2026.",
    ].join("\n\n");
    const found = await deadlines(body, { kind: "BÁO CÁO", date: "ngày 20 tháng 5 năm 2026", title: "Kết quả 6 tháng đầu năm 2026" });
    expect(found.map(brief)).toEqual([
      ["half-year", "2026-07-01", "2026-12-31"],
      ["month", "2026-06-01", "2026-06-30"],
      ["by", null, "2026-07-15"],
    ]);
  });
});

describe("time cells", () => {
  const table = [
    "| STT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |",
    "|---|---|---|---|",
    "| 1 | Rà soát dữ liệu, hoàn thành trong quý IV/2026 | Công an xã | Quý II/2026 |",
    "| 2 | Cập nhật | Văn phòng | Hoàn thành trước ngày 30/5/2026.<br>Thường xuyên duy trì, nâng cấp |",
    "| 3 | Báo cáo | Văn phòng | Quý, 6 tháng, 9 tháng, năm; Sơ kết, tổng kết; Đột xuất khi có yêu cầu |",
    "| 4 | Rà soát | Văn phòng | Quý III - IV/2026 |",
    "| 5 | Ban hành | Văn phòng | 2026 |",
    "| 6 | Triển khai | Văn phòng | Sau khi được phê duyệt |",
    "| 7 | Thực hiện | Văn phòng | 15/5 |",
    "| 8 | Ký kết | Văn phòng | Tháng 5, 6/2026 |",
    "| 9 | Hỗ trợ | Văn phòng | Khi cần thiết |",
    "| 10 | Nâng cấp trước ngày 30/11/2026 | Văn phòng |  |",
  ].join("\n");

  it("reads each cell as a whole limit, two limits from one cell, and lists of schedules", async () => {
    const found = await deadlines(table);
    expect(found.map((d) => [d.kind, d.start, d.end, d.text])).toEqual([
      ["quarter", "2026-04-01", "2026-06-30", "Quý II/2026"],
      ["by", null, "2026-05-30", "Hoàn thành trước ngày 30/5/2026."],
      ["recurring", null, null, "Thường xuyên duy trì, nâng cấp"],
      ["recurring", null, null, "Quý, 6 tháng, 9 tháng, năm"],
      ["recurring", null, null, "Sơ kết, tổng kết"],
      ["on-request", null, null, "Đột xuất khi có yêu cầu"],
      ["quarter", "2026-07-01", "2026-12-31", "Quý III - IV/2026"],
      ["year", "2026-01-01", "2026-12-31", "2026"],
      ["relative", null, null, "Sau khi được phê duyệt"],
      ["date", "2026-05-15", "2026-05-15", "15/5"],
      ["month", "2026-05-01", "2026-05-31", "Tháng 5"],
      ["month", "2026-06-01", "2026-06-30", "6/2026"],
      ["on-request", null, null, "Khi cần thiết"],
      // A row without a time cell: its content is read like prose.
      ["by", null, "2026-11-30", "trước ngày 30/11/2026"],
    ]);
  });

  it("finds a limit written in the output or notes column and gives it to that row's task", async () => {
    const rows = [
      "| STT | Nội dung | Cơ quan chủ trì | Sản phẩm | Thời gian thực hiện |",
      "|---|---|---|---|---|",
      "| 1 | Rà soát dữ liệu dân cư | Công an xã | Báo cáo kết quả, gửi trước ngày 30/6/2026 |  |",
      "| 2 | Cập nhật phần mềm | Văn phòng | Phần mềm | Quý III/2026 |",
    ].join("\n");
    const x = extractDocument(await parse(md(rows)));
    expect(x.tasks.map((t) => [t.lead, t.deadline?.end ?? null])).toEqual([
      [["Công an xã"], "2026-06-30"],
      [["Văn phòng"], "2026-09-30"],
    ]);
    const notes = ["| STT | Nội dung | Cơ quan chủ trì | Ghi chú |", "|---|---|---|---|", "| 1 | Rà soát dữ liệu dân cư | Công an xã | Hoàn thành trước ngày 30/6/2026 |"].join("\n");
    const y = extractDocument(await parse(md(notes)));
    expect(y.tasks.map((t) => [t.deadline?.kind ?? null, t.deadline?.end ?? null])).toEqual([["by", "2026-06-30"]]);
  });

  it("ignores the header row ('Kết quả tháng 4/2026') and the period a filled row's content mentions", async () => {
    const found = await deadlines(
      ["| TT | Tên nhiệm vụ | Thời hạn | Kết quả tháng 4/2026 |", "|---|---|---|---|", "| 1 | Triển khai trong quý III/2026 | Tháng 4/2026 | Đã hoàn thành |"].join("\n"),
    );
    expect(found.map(brief)).toEqual([["month", "2026-04-01", "2026-04-30"]]);
  });

  it("gives every deadline a span inside its row and the page it is on", async () => {
    const doc = await parse(md(table));
    const found = extractDeadlines(makeContext(doc, BLANK));
    const rows = doc.blocks.flatMap((b) => (b.type === "table" ? b.rows : []));
    for (const d of found) {
      expect(doc.text.slice(d.span!.start, d.span!.end)).toBe(d.text);
      expect(rows.some((r) => d.span!.start >= r.span.start && d.span!.end <= r.span.end)).toBe(true);
      expect(d.page).toBe(1);
    }
  });
});

describe("through the whole extract stage", () => {
  it("links a narrative limit to its task and keeps the task's own limit first", async () => {
    const x = extractDocument(
      await parse(
        md(
          [
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Phòng Văn hóa - Xã hội",
            "Đối với các nhiệm vụ theo kế hoạch phải hoàn thành trong quý III, quý IV năm 2026, yêu cầu rà soát, điều chỉnh tiến độ; báo cáo về UBND xã, hoàn thành trước ngày 15/4/2026.",
          ].join("\n\n"),
        ),
      ),
    );
    expect(x.deadlines.map(brief)).toEqual([["by", null, "2026-04-15"]]);
  });
});

describe("seed fixtures", () => {
  const fixture = (stem: string) => new URL(`../fixtures/${stem}.txt`, import.meta.url).pathname;
  const load = async (stem: string) => {
    const doc = await parseFile(fixture(stem));
    return { doc, found: extractDeadlines(makeContext(doc, BLANK)) };
  };

  it("002: every limit of the plan, each text as written in the document", async () => {
    const { doc, found } = await load("002_6446a6058fd84167");
    for (const d of found) expect(doc.text.slice(d.span!.start, d.span!.end)).toBe(d.text);
    expect(found.map((d) => [d.kind, d.start, d.end, d.text])).toEqual([
      ["relative", null, null, "hoàn thành sớm hơn ít nhất 01 quý so với kế hoạch ban đầu"],
      ["by", null, "2026-04-15", "hoàn thành trước ngày 15/4/2026"],
      ["quarter", "2026-04-01", "2026-06-30", "ngay trong quý II năm 2026"],
      ["by", null, "2026-04-15", "hoàn thành trước ngày 15/4/2026"],
      ["month", "2026-04-01", "2026-04-30", "Tháng 4/2026"],
      ["by", null, "2026-04-30", "Trước ngày 30/4/2026"],
      ["from", "2026-04-10", null, "bắt đầu từ ngày 10/4/2026"],
      ["date", "2026-07-12", "2026-07-12", "12/7/2026"],
      ["by", null, "2026-04-15", "Trước ngày 15/4/2026 hoàn thiện nội dung điều chỉnh tiến độ, gửi Sở Khoa học và Công nghệ để tổng hợp"],
      ["by", null, "2026-05-30", "Hoàn thành trước ngày 30/5/2026."],
      ["recurring", null, null, "Thường xuyên duy trì, nâng cấp"],
      ["on-request", null, null, "Báo cáo khi có văn bản yêu cầu của Văn phòng Tỉnh ủy"],
    ]);
  });

  it("001: nineteen 'Thực hiện thường xuyên' cells and no citation dates", async () => {
    const { doc, found } = await load("001_3086ccc4e4aed2ea");
    expect(found.filter((d) => d.text === "Thực hiện thường xuyên")).toHaveLength(19);
    expect(found.find((d) => d.text === "Tháng 01/2026")).toMatchObject({ kind: "month", start: "2026-01-01", end: "2026-01-31" });
    // "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024", "Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025" …
    expect(found.filter((d) => (d.start ?? d.end ?? "9999") < "2026")).toEqual([]);
    expect(found.every((d) => doc.text.slice(d.span!.start, d.span!.end) === d.text)).toBe(true);
  });

  it("004: the half-year reported on is not a deadline; June and the second half are", async () => {
    const { found } = await load("004_c41bed75581ceb3b");
    const dated = found.filter((d) => d.start);
    expect(dated.every((d) => d.start! >= "2026-06-01")).toBe(true);
    expect(dated.filter((d) => d.kind === "half-year")).toHaveLength(4);
    expect(dated.filter((d) => d.kind === "month")).toHaveLength(4);
  });

  it("003: a monthly report has no dated limits for the month it reports on", async () => {
    const { found } = await load("003_dd124789fcb3a41d");
    expect(found.filter((d) => d.start && d.start <= "2026-04-30" && d.kind === "month")).toEqual([]);
    expect(found.filter((d) => d.kind === "recurring").length).toBeGreaterThanOrEqual(8);
  });
});
