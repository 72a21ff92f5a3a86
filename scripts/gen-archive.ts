/**
 * A synthetic archive of commune documents, for load tests of import and queries.
 *
 *   npx tsx scripts/gen-archive.ts [--count 10000] [--seed 1] [--out bench/archive] [--truth DIR]
 *
 * Two provinces, forty communes and wards each. Every commune issues, from 2026,
 * year, the documents the seeds show: the Party committee's plan for 57-NQ/TW
 * (KH/ĐU, responsibility annex as a tab table, .txt), the UBND's plans (KH-UBND,
 * Markdown tables with a "Văn bản giao nhiệm vụ" column), monthly reports with
 * indicator and task-status annexes (BC-UBND), steering-committee conclusions
 * (KL/BCĐ) and công văn. They cite each other (implementation chains: report →
 * UBND plan → Party plan → provincial plan → 57-NQ/TW), the provinces' own
 * documents (which repeat codes across provinces: 41-KH/TU, 144/KH-UBND) and
 * national ones that are never held (57-NQ/TW, 71/NQ-CP, 02-KH/BCĐTW …). Local
 * codes repeat across communes; some documents are drafts with a blank number.
 *
 * Deterministic for a seed. With --truth, the extraction each document should
 * yield is written beside it as JSON (the store can be loaded without the
 * extractors: test/store-scale.test.ts does).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Extraction, Metric, Reference, Task } from "../schemas/extraction.js";
import { createHash } from "node:crypto";

export type GeneratedDocument = { name: string; text: string; extraction: Extraction };

type Place = { level: "xã" | "phường"; name: string; province: Province };
type Province = { name: string; communes: Place[]; docs: ProvincialDoc[] };
type ProvincialDoc = { code: string; kind: Reference["kind"]; word: string; date: string; issuer: string; about: string; implements: string[] };
type PlanRef = { code: string; date: string; issuer: string; word: string; tasks: Task[]; implements: string[]; kind: Reference["kind"] };

const NATIONAL: Record<string, { kind: Reference["kind"]; word: string; date: string; issuer: string; about: string }> = {
  "57-NQ/TW": { kind: "nghi-quyet", word: "Nghị quyết", date: "2024-12-22", issuer: "Bộ Chính trị", about: "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia" },
  "71/NQ-CP": { kind: "nghi-quyet", word: "Nghị quyết", date: "2025-04-01", issuer: "Chính phủ", about: "sửa đổi, bổ sung Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW" },
  "02-KH/BCĐTW": { kind: "ke-hoach", word: "Kế hoạch", date: "2025-06-19", issuer: "Ban Chỉ đạo Trung ương", about: "thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả" },
  "204-QĐ/TW": { kind: "quyet-dinh", word: "Quyết định", date: "2024-11-29", issuer: "Ban Bí thư", about: "phê duyệt Đề án chuyển đổi số trong các cơ quan Đảng" },
  "57-CT/TW": { kind: "chi-thi", word: "Chỉ thị", date: "2025-12-31", issuer: "Ban Bí thư", about: "tăng cường lãnh đạo công tác chuyển đổi số" },
};

const SYLLABLES = ["Phú", "Thịnh", "Phong", "Quang", "Quan", "Triều", "Phượng", "Tiến", "Đồng", "Hỷ", "Tân", "Cương", "Hòa", "Bình", "Minh", "Đức", "Lương", "Sơn", "Yên", "Lạc", "Kim", "An", "Khánh", "Thượng", "Nam", "Hà", "Vạn", "Xuân", "Trung", "Hợp", "Thành", "Long", "Vinh", "Định", "Hưng", "Lâm"];

const TASKS: { text: string; output: string }[] = [
  { text: "Quán triệt, xây dựng và ban hành kế hoạch cụ thể hóa thực hiện năm", output: "Kế hoạch của cơ quan, đơn vị" },
  { text: "Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu", output: "Thiết bị được trang bị" },
  { text: "Tập huấn cho cán bộ, công chức, viên chức về ứng dụng công nghệ số, kỹ năng số", output: "Lớp tập huấn" },
  { text: "Triển khai hệ thống phòng họp không giấy thông minh", output: "Hệ thống phòng họp không giấy" },
  { text: "Số hóa hồ sơ, tài liệu lưu trữ của các cơ quan, đơn vị", output: "Kho dữ liệu số" },
  { text: "Xây dựng bản đồ số di tích, danh lam thắng cảnh trên địa bàn", output: "Bản đồ số" },
  { text: "Duy trì và phát huy hiệu quả hệ thống camera giám sát an ninh trật tự", output: "Hệ thống camera" },
  { text: "Đẩy mạnh thanh toán không dùng tiền mặt tại chợ và các điểm kinh doanh", output: "Mô hình chợ 4.0" },
  { text: "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình", output: "Số hồ sơ trực tuyến" },
  { text: "Rà soát, chuẩn hóa, làm sạch dữ liệu dân cư bảo đảm đúng, đủ, sạch, sống", output: "Cơ sở dữ liệu dân cư" },
  { text: "Tuyên truyền, phổ biến nội dung Nghị quyết số 57-NQ/TW tới cán bộ, đảng viên và Nhân dân", output: "Tin, bài tuyên truyền" },
  { text: "Thực hiện kiểm tra, giám sát qua môi trường số", output: "Báo cáo kiểm tra" },
  { text: "Quảng bá, đưa sản phẩm OCOP lên sàn thương mại điện tử", output: "Sản phẩm trên sàn" },
  { text: "Ứng dụng công nghệ số, IoT trong sản xuất nông nghiệp, thí điểm 01 mô hình", output: "Mô hình nông nghiệp số" },
  { text: "Kiện toàn Tổ công nghệ số cộng đồng tại các thôn, tổ dân phố", output: "Quyết định kiện toàn" },
  { text: "Bảo đảm an toàn, an ninh thông tin mạng trong các cơ quan, đơn vị", output: "Phương án bảo đảm an toàn thông tin" },
  { text: "Triển khai chữ ký số cá nhân cho cán bộ, công chức và người dân", output: "Chữ ký số được cấp" },
  { text: "Gửi, nhận văn bản điện tử và xử lý hồ sơ công việc trên môi trường mạng", output: "Văn bản điện tử" },
];

const AGENCIES = ["Văn phòng Đảng ủy", "Văn phòng Đảng uỷ", "VP Đảng ủy", "UBND {level}", "Ủy ban nhân dân {level}", "Phòng Văn hóa - Xã hội", "phòng Văn hoá – Xã hội", "Phòng Kinh tế", "Công an {level}", "Ủy ban MTTQ {level}", "HĐND {level}", "Trung tâm Phục vụ hành chính công", "Ban Xây dựng Đảng", "Các cơ quan, đơn vị liên quan"];

const INDICATORS = [
  "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử",
  "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính", "Tỷ lệ văn bản được xử lý trên môi trường số",
  "Tỷ lệ hài lòng của người dân, doanh nghiệp khi sử dụng dịch vụ công trực tuyến",
];

const STATUSES: { status: Task["status"]; text: string }[] = [
  { status: "done", text: "Đã hoàn thành" }, { status: "in-progress", text: "Đang triển khai thực hiện" },
  { status: "not-started", text: "Chưa thực hiện" }, { status: "overdue", text: "Quá hạn, chưa hoàn thành" },
];

function mulberry32(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const dmy = (isoDate: string) => { const [y, m, d] = isoDate.split("-"); return `${d}/${m}/${y}`; };
const longDate = (isoDate: string) => { const [y, m, d] = isoDate.split("-"); return `ngày ${d} tháng ${m} năm ${y}`; };
const upper = (s: string) => s.toUpperCase();

export function* generateArchive(options: { count: number; seed: number }): Generator<GeneratedDocument> {
  const random = mulberry32(options.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const provinces = makeProvinces(random);
  let produced = 0;
  const emit = (d: GeneratedDocument) => { produced++; return d; };

  for (const p of provinces)
    for (const doc of p.docs) {
      if (produced >= options.count) return;
      yield emit(provincialDocument(p, doc));
    }

  const states = provinces.flatMap((p) => p.communes).map((place) => ({ place, step: 0, numbers: new Map<string, number>(), plans: [] as PlanRef[], partyPlan: null as PlanRef | null, bcdPlan: null as PlanRef | null }));
  while (produced < options.count) {
    for (const s of states) {
      if (produced >= options.count) return;
      // Two years of activity per commune, then round again into the next pair of years.
      // Communes as they exist since July 2025; their plans follow the province's of January.
      const year = 2026 + Math.floor(s.step / 60);
      const day = new Date(Date.UTC(year, 0, 20 + (s.step % 60) * 5));
      const date = iso(day);
      const next = (symbol: string) => {
        const key = `${symbol}|${year}`;
        const n = (s.numbers.get(key) ?? 0) + 1 + Math.floor(random() * 3);
        s.numbers.set(key, n);
        return random() < 0.04 ? null : n; // a draft: number left blank
      };
      const phase = s.step % 60;
      let doc: GeneratedDocument;
      if (phase === 0) doc = partyPlan(s, date, next("KH/ĐU"), year);
      else if (phase === 2 || phase === 20) doc = ubndPlan(s, date, next("KH-UBND"), year);
      else if (phase === 1) doc = bcdPlan(s, date, next("KH/BCĐ"), year);
      else if (phase % 5 === 0) doc = report(s, date, next("BC-UBND"), year);
      else if (phase % 7 === 0) doc = conclusion(s, date, next("KL/BCĐ"));
      else doc = congVan(s, date, next("UBND-VP"));
      s.step++;
      yield emit(doc);
    }
  }

  // -------------------------------------------------------------------------------

  function makeProvinces(r: () => number): Province[] {
    const used = new Set<string>();
    return ["Thái Nguyên", "Tuyên Quang"].map((name, pi) => {
      const p: Province = { name, communes: [], docs: [] };
      while (p.communes.length < 40) {
        const n = `${SYLLABLES[Math.floor(r() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(r() * SYLLABLES.length)]}`;
        if (used.has(n) || n.split(" ")[0] === n.split(" ")[1]) continue;
        used.add(n);
        p.communes.push({ level: r() < 0.3 ? "phường" : "xã", name: n, province: p });
      }
      // The same provincial codes in both provinces: only the issuer tells them apart.
      p.docs = [
        { code: "22-ĐA/TU", kind: "de-an", word: "Đề án", date: "2025-12-11", issuer: `Ban Chấp hành Đảng bộ tỉnh ${name}`, about: `phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số tỉnh ${name} giai đoạn 2026 - 2030`, implements: ["57-NQ/TW"] },
        { code: "41-KH/TU", kind: "ke-hoach", word: "Kế hoạch", date: `2026-01-${pad(15 + pi)}`, issuer: `Ban Thường vụ Tỉnh ủy ${name}`, about: "thực hiện Đề án số 22-ĐA/TU năm 2026", implements: ["22-ĐA/TU", "57-NQ/TW"] },
        { code: "35/KH-UBND", kind: "ke-hoach", word: "Kế hoạch", date: "2026-01-12", issuer: `UBND tỉnh ${name}`, about: "triển khai thực hiện Đề án phát triển khoa học công nghệ, đổi mới sáng tạo, chuyển đổi số năm 2026", implements: ["22-ĐA/TU"] },
        { code: "13-TB/CQTT", kind: "thong-bao", word: "Thông báo", date: "2026-04-01", issuer: `Cơ quan Thường trực Ban Chỉ đạo tỉnh ${name}`, about: "kết luận tại Phiên họp thứ nhất Ban Chỉ đạo năm 2026", implements: ["41-KH/TU"] },
        { code: "144/KH-UBND", kind: "ke-hoach", word: "Kế hoạch", date: "2026-04-09", issuer: `UBND tỉnh ${name}`, about: "triển khai thực hiện Thông báo kết luận số 13-TB/CQTT", implements: ["13-TB/CQTT"] },
      ];
      return p;
    });
  }

  function provincialDocument(p: Province, d: ProvincialDoc): GeneratedDocument {
    const refs = [nationalRef("57-NQ/TW", "basis"), nationalRef("71/NQ-CP", "cites"), ...d.implements.filter((c) => c !== "57-NQ/TW").map((c) => provinceRef(p, c, "implements"))];
    const body = [
      `Căn cứ ${refs[0].text} về ${NATIONAL["57-NQ/TW"].about}; ${refs[1].text}.`,
      ...refs.slice(2).map((r) => `Thực hiện ${r.text}.`),
      "I. MỤC ĐÍCH, YÊU CẦU",
      `Cụ thể hóa các chủ trương của Đảng về ${d.about}.`,
    ];
    const header = d.issuer.startsWith("UBND") ? `UBND TỈNH ${upper(p.name)}` : d.issuer.startsWith("Cơ quan") ? `BAN CHỈ ĐẠO TỈNH ${upper(p.name)}\nCƠ QUAN THƯỜNG TRỰC` : `TỈNH ỦY ${upper(p.name)}`;
    return build({ name: `tinh-${slug(p.name)}-${slug(d.code)}`, format: "txt", header, code: d.code, symbol: d.code.replace(/^\d+[-/]/, ""), kind: d.kind, word: d.word, issuer: d.issuer, place: p.name, date: d.date, title: d.about, locality: `tỉnh ${p.name}`, parent: null, refs, body, tasks: [], metrics: [], annex: "" });
  }

  function partyPlan(s: (typeof states)[number], date: string, n: number | null, year: number): GeneratedDocument {
    const { place } = s;
    const issuer = `Ban Thường vụ Đảng ủy ${place.level} ${place.name}`;
    const refs = [nationalRef("57-NQ/TW", "basis"), nationalRef("02-KH/BCĐTW", "basis"), provinceRef(place.province, "41-KH/TU", "implements")];
    const tasks = pickTasks(place, 8 + Math.floor(random() * 6), year, []);
    const metrics: Metric[] = INDICATORS.slice(0, 3).map((subject) => ({ text: `${subject} đạt trên ${70 + Math.floor(random() * 25)}%`, subject, value: 0, unit: "%", comparator: ">", role: "target" }));
    for (const m of metrics) m.value = Number(/(\d+)%/.exec(m.text)![1]);
    const code = n ? `${n}-KH/ĐU` : null;
    const plan: PlanRef = { code: code ?? "", date, issuer, word: "Kế hoạch", tasks, implements: ["57-NQ/TW"], kind: "ke-hoach" };
    if (code) s.partyPlan = plan;
    const annex = ["PHỤ LỤC", "", `Phân công nhiệm vụ thực hiện Nghị quyết 57-NQ/TW trên địa bàn ${place.level} ${place.name} năm ${year}`, `(Ban hành kèm theo Kế hoạch số ${code ?? "-KH/ĐU"}, ngày ${dmy(date)} của ${issuer})`, "", "TT\tNội dung thực hiện\tCơ quan chủ trì thực hiện\tCơ quan phối hợp thực hiện\tThời gian thực hiện", ...tasks.map((t) => `${t.ordinal}\t${t.text}\t${t.lead.join("; ")}\t${t.support.join("; ")}\t${t.deadline?.text ?? ""}`)].join("\n");
    return build({
      name: `${slug(place.name)}-${year}-${s.step}-kh-du`, format: "txt", header: `ĐẢNG BỘ ${upper(place.level)} ${upper(place.name)}\nBAN THƯỜNG VỤ`, code, symbol: "KH/ĐU", kind: "ke-hoach", word: "Kế hoạch", issuer, place: place.name, date, locality: `${place.level} ${place.name}`, parent: `ĐẢNG BỘ ${upper(place.level)} ${upper(place.name)}`,
      title: `thực hiện Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị trên địa bàn ${place.level} ${place.name} năm ${year}`,
      refs, tasks, metrics, annex,
      body: ["I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", `${refs[0].text} về ${NATIONAL["57-NQ/TW"].about}.`, `${refs[1].text} về ${NATIONAL["02-KH/BCĐTW"].about}.`, `Thực hiện ${refs[2].text}.`, "II. MỤC TIÊU", ...metrics.map((m) => `- ${m.text}.`)],
    });
  }

  function bcdPlan(s: (typeof states)[number], date: string, n: number | null, year: number): GeneratedDocument {
    const { place } = s;
    const issuer = `Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ${place.level} ${place.name}`;
    const refs = [nationalRef("57-NQ/TW", "implements"), ...(s.partyPlan ? [localRef(s.partyPlan, "implements")] : [])];
    const tasks = pickTasks(place, 4, year, []);
    const code = n ? `${n}-KH/BCĐ` : null;
    if (code) s.bcdPlan = { code, date, issuer, word: "Kế hoạch", tasks, implements: s.partyPlan ? [s.partyPlan.code] : ["57-NQ/TW"], kind: "ke-hoach" };
    return build({
      name: `${slug(place.name)}-${year}-${s.step}-kh-bcd`, format: "txt", header: `ĐẢNG BỘ ${upper(place.level)} ${upper(place.name)}\nBCĐ PHÁT TRIỂN KHCN, ĐMST VÀ CĐS`, code, symbol: "KH/BCĐ", kind: "ke-hoach", word: "Kế hoạch", issuer, place: place.name, date, locality: `${place.level} ${place.name}`, parent: null,
      title: `hoạt động của Ban Chỉ đạo năm ${year}`, refs, tasks, metrics: [], annex: "",
      body: [`Thực hiện ${refs.map((r) => r.text).join("; ")}, Ban Chỉ đạo ban hành Kế hoạch hoạt động năm ${year}.`, ...tasks.map((t, i) => `${i + 1}. Giao ${t.lead[0]} ${lowerFirst(t.text)}.`)],
    });
  }

  function ubndPlan(s: (typeof states)[number], date: string, n: number | null, year: number): GeneratedDocument {
    const { place } = s;
    const issuer = `UBND ${place.level} ${place.name}`;
    const refs = [provinceRef(place.province, "35/KH-UBND", "implements"), ...(s.partyPlan ? [localRef(s.partyPlan, "implements")] : []), ...(date >= "2026-04-09" ? [provinceRef(place.province, "144/KH-UBND", "implements")] : [])];
    const sources = ["41-KH/TU", "35/KH-UBND", ...(s.partyPlan ? [s.partyPlan.code] : [])];
    const tasks = pickTasks(place, 6 + Math.floor(random() * 6), year, sources);
    const code = n ? `${n}/KH-UBND` : null;
    if (code) s.plans.push({ code, date, issuer, word: "Kế hoạch", tasks, implements: refs.map((r) => r.code), kind: "ke-hoach" });
    const table = ["| STT | Nội dung nhiệm vụ | Cơ quan chủ trì /tham mưu | Cơ quan phối hợp | Sản phẩm/kết quả | Hạn hoàn thành | Văn bản giao nhiệm vụ |", "|---|---|---|---|---|---|---|", ...tasks.map((t) => `| ${t.ordinal}. | ${t.text} | ${t.lead.join("; ")} | ${t.support.join("; ")} | ${t.output ?? ""} | ${t.deadline?.text ?? ""} | ${t.sources.join(";<br>")} |`)].join("\n");
    return build({
      name: `${slug(place.name)}-${year}-${s.step}-kh-ubnd`, format: "md", header: `UBND TỈNH ${upper(place.province.name)}\n**UBND ${upper(place.level)} ${upper(place.name)}**`, code, symbol: "KH-UBND", kind: "ke-hoach", word: "Kế hoạch", issuer, place: place.name, date, locality: `${place.level} ${place.name}`, parent: `UBND TỈNH ${upper(place.province.name)}`,
      title: `triển khai thực hiện các nhiệm vụ chuyển đổi số trên địa bàn ${place.level} ${place.name} năm ${year}`, refs, tasks, metrics: [],
      body: ["## I. CĂN CỨ", ...refs.map((r) => `Thực hiện ${r.text};`), "## II. NHIỆM VỤ", "Chi tiết tại Phụ lục kèm theo."],
      annex: `**PHỤ LỤC**\n\n*(Kèm theo Kế hoạch số ${code ?? "/KH-UBND"} ngày ${dmy(date)} của ${issuer})*\n\n${table}`,
    });
  }

  function report(s: (typeof states)[number], date: string, n: number | null, year: number): GeneratedDocument {
    const { place } = s;
    const issuer = `UBND ${place.level} ${place.name}`;
    const plan = s.plans.length ? s.plans[s.plans.length - 1] : null;
    const cv = { code: `${3000 + Math.floor(random() * 3000)}/UBND-KGVX`, date, text: "" };
    const refs: Reference[] = [
      { kind: "cong-van", code: cv.code, date: null, issuer: `UBND tỉnh ${place.province.name}`, text: `Công văn số ${cv.code} của UBND tỉnh ${place.province.name}`, relation: "implements", implements: ["57-NQ/TW"], mentions: 1 },
      nationalRef("57-NQ/TW", "cites"),
      ...(plan ? [localRef(plan, "cites", true)] : []),
    ];
    const month = Number(date.slice(5, 7));
    const rows: Task[] = (plan?.tasks ?? []).slice(0, 8).map((t, i) => {
      const st = pick(STATUSES);
      return { text: random() < 0.3 ? t.text.replace(/^(\S+)/, (w) => w) + " trên địa bàn" : t.text, ordinal: String(i + 1), section: null, lead: [], support: [], output: null, deadline: null, sources: [], status: st.status, statusText: st.text, origin: "table" };
    });
    const metrics: Metric[] = INDICATORS.slice(0, 3).flatMap((subject) => {
      const target = 70 + Math.floor(random() * 25);
      const actual = Math.round((60 + random() * 40) * 100) / 100;
      return [
        { text: `${subject}\t%\t${target}\t${String(actual).replace(".", ",")}`, subject, value: target, unit: "%", comparator: "=", role: "target" },
        { text: `${subject}\t%\t${target}\t${String(actual).replace(".", ",")}`, subject, value: actual, unit: "%", comparator: "=", role: "actual" },
      ] as Metric[];
    });
    const indicator = ["TT\tChỉ tiêu\tĐơn vị tính\tMục tiêu\tKết quả tháng " + `${month}/${year}`, ...INDICATORS.slice(0, 3).map((subject, i) => `${i + 1}.\t${subject}\t%\t${metrics[2 * i].value}\t${String(metrics[2 * i + 1].value).replace(".", ",")}`)].join("\n");
    const status = ["STT\tTên nhiệm vụ\tKết quả tháng " + `${month}/${year}` + "\tGhi chú", ...rows.map((r) => `${r.ordinal}\t${r.text}\t${r.statusText}\tNhiệm vụ tỉnh giao`)].join("\n");
    const code = n ? `${n}/BC-UBND` : null;
    return build({
      name: `${slug(place.name)}-${year}-${s.step}-bc-ubnd`, format: "md", header: `UBND TỈNH ${upper(place.province.name)}\n**UBND ${upper(place.level)} ${upper(place.name)}**`, code, symbol: "BC-UBND", kind: "bao-cao", word: "Báo cáo", issuer, place: place.name, date, locality: `${place.level} ${place.name}`, parent: `UBND TỈNH ${upper(place.province.name)}`,
      title: `Tiến độ triển khai các nhiệm vụ thực hiện Nghị quyết số 57-NQ/TW trên địa bàn ${place.level} ${place.name} tháng ${month}/${year}`, refs, tasks: rows, metrics,
      body: [`Thực hiện ${refs[0].text} về việc báo cáo tiến độ thực hiện Nghị quyết số 57-NQ/TW.`, `#### I. KẾT QUẢ THỰC HIỆN`, plan ? `UBND ${place.level} đã triển khai ${refs[2].text}.` : "", "**Phụ lục 1. CHỈ TIÊU**", indicator],
      annex: `**Phụ lục 2. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ**\n\n*(Kèm theo Báo cáo số ${code ?? "/BC-UBND"} ngày ${dmy(date)} của ${issuer})*\n\n${status}`,
    });
  }

  function conclusion(s: (typeof states)[number], date: string, n: number | null): GeneratedDocument {
    const { place } = s;
    const issuer = `Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ${place.level} ${place.name}`;
    const refs = [...(s.partyPlan ? [localRef(s.partyPlan, "implements")] : []), ...(s.bcdPlan ? [localRef(s.bcdPlan, "cites")] : []), nationalRef("57-CT/TW", "cites")];
    const tasks: Task[] = [
      { text: `Giao Văn phòng Đảng ủy tiếp thu ý kiến tại hội nghị; hoàn chỉnh các nội dung trình tại hội nghị để ban hành thực hiện.`, ordinal: "1.", section: null, lead: ["Văn phòng Đảng ủy"], support: [], output: null, deadline: null, sources: [], status: null, statusText: null, origin: "narrative" },
      { text: `Ủy ban nhân dân ${place.level} chỉ đạo đẩy nhanh tiến độ số hóa hồ sơ thủ tục hành chính, hoàn thành trong quý.`, ordinal: "2.", section: null, lead: [`Ủy ban nhân dân ${place.level}`], support: [], output: null, deadline: null, sources: [], status: null, statusText: null, origin: "narrative" },
    ];
    return build({
      name: `${slug(place.name)}-${s.step}-kl-bcd`, format: "txt", header: `ĐẢNG BỘ ${upper(place.level)} ${upper(place.name)}\nBCĐ PHÁT TRIỂN KHCN, ĐMST VÀ CĐS`, code: n ? `${n}-KL/BCĐ` : null, symbol: "KL/BCĐ", kind: "ket-luan", word: "Kết luận", issuer, place: place.name, date, locality: `${place.level} ${place.name}`, parent: null,
      title: "của Ban Chỉ đạo tại Hội nghị sơ kết công tác quý", refs, tasks, metrics: [], annex: "",
      body: [`Ban Chỉ đạo ${place.level} ${place.name} đã tổ chức Hội nghị sơ kết, thống nhất kết luận như sau:`, ...tasks.map((t) => `${t.ordinal} ${t.text}`), `Các cơ quan nghiêm túc triển khai thực hiện ${refs.map((r) => r.text).join("; ")}.`],
    });
  }

  function congVan(s: (typeof states)[number], date: string, n: number | null): GeneratedDocument {
    const { place } = s;
    const issuer = `UBND ${place.level} ${place.name}`;
    const plan = s.plans.length ? pick(s.plans) : null;
    const refs = plan ? [localRef(plan, "implements", true)] : [nationalRef("57-NQ/TW", "cites")];
    return build({
      name: `${slug(place.name)}-${s.step}-cv`, format: "txt", header: `UBND TỈNH ${upper(place.province.name)}\nUBND ${upper(place.level)} ${upper(place.name)}`, code: n ? `${n}/UBND-VP` : null, symbol: "UBND-VP", kind: "cong-van", word: "Công văn", issuer, place: place.name, date, locality: `${place.level} ${place.name}`, parent: null,
      title: "V/v đôn đốc triển khai nhiệm vụ chuyển đổi số", refs, tasks: [], metrics: [], annex: "",
      body: [`Thực hiện ${refs[0].text}, UBND ${place.level} đề nghị các cơ quan, đơn vị khẩn trương triển khai các nhiệm vụ được giao.`],
    });
  }

  function pickTasks(place: Place, count: number, year: number, sources: string[]): Task[] {
    const start = Math.floor(random() * TASKS.length);
    return Array.from({ length: count }, (_, i) => {
      const t = TASKS[(start + i) % TASKS.length];
      const month = 1 + Math.floor(random() * 12);
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      const deadline = random() < 0.5
        ? { text: `Tháng ${month}/${year}`, kind: "month" as const, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(last)}` }
        : { text: `Trước ngày ${last}/${month}/${year}`, kind: "by" as const, start: null, end: `${year}-${pad(month)}-${pad(last)}` };
      const agency = () => pick(AGENCIES).replace("{level}", place.level);
      return {
        text: t.text, ordinal: String(i + 1), section: null, lead: [agency()], support: random() < 0.6 ? [agency()] : [], output: t.output, deadline,
        sources: sources.length ? sources.slice(0, 1 + Math.floor(random() * sources.length)) : [], status: null, statusText: null, origin: "table" as const,
      };
    });
  }

  function nationalRef(code: string, relation: Reference["relation"]): Reference {
    const n = NATIONAL[code];
    return { kind: n.kind, code, date: n.date, issuer: n.issuer, text: `${n.word} số ${code} ngày ${dmy(n.date)} của ${n.issuer}`, relation, mentions: 1 };
  }

  function provinceRef(p: Province, code: string, relation: Reference["relation"]): Reference {
    const d = p.docs.find((x) => x.code === code)!;
    return { kind: d.kind, code, date: d.date, issuer: d.issuer, text: `${d.word} số ${code} ngày ${dmy(d.date)} của ${d.issuer}`, relation, implements: d.implements, mentions: 1 };
  }

  function localRef(plan: PlanRef, relation: Reference["relation"], withoutIssuer = false): Reference {
    const text = `${plan.word} số ${plan.code} ngày ${dmy(plan.date)}${withoutIssuer ? "" : ` của ${plan.issuer}`}`;
    return { kind: plan.kind, code: plan.code, date: plan.date, issuer: withoutIssuer ? null : plan.issuer, text, relation, implements: plan.implements, mentions: 1 };
  }
}

type Parts = {
  name: string; format: "txt" | "md"; header: string; code: string | null; symbol: string; kind: Reference["kind"]; word: string; issuer: string;
  place: string; date: string; locality: string; parent: string | null; title: string; refs: Reference[]; body: string[]; tasks: Task[];
  metrics: Metric[]; annex: string;
};

function build(p: Parts): GeneratedDocument {
  const motto = p.symbol.includes("/") && !p.symbol.startsWith("UBND") && !/-UBND/.test(p.symbol) ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc";
  const number = p.code ?? (p.symbol.includes("/") && !p.symbol.includes("-UBND") ? `-${p.symbol}` : `/${p.symbol}`);
  const kindLine = p.format === "md" ? `## ${upper(p.word)}\n\n### ${p.title}` : `${upper(p.word)}\n\n${p.title}`;
  const deadlines = p.tasks.flatMap((t, i) => (t.deadline ? [{ ...t.deadline, task: i }] : []));
  const text = [p.header, motto, `Số: ${number}`, `${p.place}, ${longDate(p.date)}`, kindLine, ...p.body.filter(Boolean), p.annex, `Nơi nhận:\n- Như trên;\n- Lưu: VT.`].filter(Boolean).join("\n\n") + "\n";
  const sha256 = createHash("sha256").update(text).digest("hex");
  const file = `${p.name}.${p.format}`;
  return {
    name: file,
    text,
    extraction: {
      schemaVersion: 1,
      source: { file, sha256, format: p.format, pages: 1 },
      document: { kind: p.kind, code: p.code, symbol: p.symbol, issuer: p.issuer, place: p.place, date: p.date, title: p.title, signer: null, locality: p.locality, parentIssuer: p.parent },
      references: p.refs.filter((r) => r.code),
      tasks: p.tasks,
      deadlines,
      metrics: p.metrics,
      warnings: [],
    },
  };
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
function slug(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function main(argv: string[]): void {
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const count = Number(arg("count", "10000"));
  const seed = Number(arg("seed", "1"));
  const out = arg("out", "bench/archive");
  const truth = arg("truth", "");
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error("usage: gen-archive [--count N] [--seed S] [--out DIR] [--truth DIR]");
    process.exitCode = 1;
    return;
  }
  mkdirSync(out, { recursive: true });
  if (truth) mkdirSync(truth, { recursive: true });
  let n = 0;
  for (const d of generateArchive({ count, seed })) {
    // Folders of 500 keep directory listings manageable.
    const dir = join(out, String(Math.floor(n / 500)).padStart(3, "0"));
    if (n % 500 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, d.name), d.text);
    if (truth) writeFileSync(join(truth, `${d.name}.json`), JSON.stringify(d.extraction));
    n++;
  }
  console.log(`${n} documents written to ${out}${truth ? `, extractions to ${truth}` : ""}`);
}

if (process.argv[1] && /gen-archive\.(ts|js)$/.test(process.argv[1])) main(process.argv.slice(2));
