/**
 * The fixed parts of a Vietnamese administrative document, as data for
 * ../document-zones.ts: title words, the lines that open the body, citations, the
 * closing formula, the recipients list and annex notes. None of these parts sets a
 * time limit or a figure of its own (conventions.md, "Layout of a document").
 */
import type { DocKind } from "../../../schemas/extraction.js";

/** The kind word printed as the title, upper case. */
export const TITLE_WORDS: { words: string; kind: DocKind }[] = [
  { words: "THÔNG BÁO KẾT LUẬN", kind: "thong-bao" },
  { words: "CHƯƠNG TRÌNH HÀNH ĐỘNG", kind: "chuong-trinh" },
  { words: "KẾ HOẠCH", kind: "ke-hoach" },
  { words: "BÁO CÁO", kind: "bao-cao" },
  { words: "KẾT LUẬN", kind: "ket-luan" },
  { words: "THÔNG BÁO", kind: "thong-bao" },
  { words: "QUYẾT ĐỊNH", kind: "quyet-dinh" },
  { words: "NGHỊ QUYẾT", kind: "nghi-quyet" },
  { words: "CHỈ THỊ", kind: "chi-thi" },
  { words: "CHƯƠNG TRÌNH", kind: "chuong-trinh" },
  { words: "ĐỀ ÁN", kind: "de-an" },
  { words: "QUY ĐỊNH", kind: "quy-dinh" },
  { words: "QUY CHẾ", kind: "quy-che" },
  { words: "HƯỚNG DẪN", kind: "huong-dan" },
  { words: "TỜ TRÌNH", kind: "to-trinh" },
  { words: "CÔNG VĂN", kind: "cong-van" },
  { words: "NGHỊ ĐỊNH", kind: "nghi-dinh" },
  { words: "THÔNG TƯ", kind: "thong-tu" },
  { words: "LUẬT", kind: "luat" },
];
/** A công văn has no title word; its subject line starts with this. */
export const SUBJECT_LINE = ["v/v", "về việc"];

/** Words that open the body, so the title has ended ("Căn cứ …", "Thực hiện …", "Kính gửi: …"). */
export const BODY_OPENERS = ["căn cứ", "thực hiện", "kính gửi", "ngày", "sau khi", "nhằm", "để", "trên cơ sở", "theo", "thi hành", "hôm nay"];

/** A sentence opened by these and citing a document states the basis; its periods belong to the cited document. */
export const BASIS_OPENERS = ["căn cứ", "thực hiện", "theo", "triển khai", "thi hành", "tiếp theo", "thực hiện chỉ đạo"];

/** Document-type words before a number in a citation ("Kế hoạch số 41-KH/ĐU", "Đề án số 06"). */
export const CITED_KINDS = [
  "nghị quyết", "quyết định", "kế hoạch", "chương trình hành động", "chương trình", "công văn", "thông báo kết luận",
  "thông báo", "kết luận", "chỉ thị", "đề án", "quy định", "quy chế", "hướng dẫn", "báo cáo", "tờ trình", "thông tư",
  "nghị định", "luật", "văn bản", "công điện", "điều lệ", "thông tri", "dự án",
];

/** The addressees' label of a công văn, tờ trình or báo cáo ("Kính gửi: …"). */
export const ADDRESSEE_LABELS = ["kính gửi"];
/** What opens the preamble after the letterhead: the legal basis and the proposal acted on. */
export const PREAMBLE_OPENERS = ["căn cứ", "xét đề nghị", "theo đề nghị", "xét tờ trình", "xét báo cáo"];
/** The national motto and the Party's name printed opposite the issuer: never part of it. */
export const MOTTO_PHRASES = ["cộng hòa xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc", "đảng cộng sản việt nam"];

/** The closing formula repeats the title ("Trên đây là Kế hoạch …"). */
export const CLOSING_OPENERS = ["trên đây là"];
/** The recipients list ("Nơi nhận:"). */
export const RECIPIENTS_LABELS = ["nơi nhận"];
/** Notes that point at the document itself ("(Kèm theo Kế hoạch số …)"). */
export const ANNEX_NOTE_OPENERS = ["(kèm theo", "(ban hành kèm theo", "kèm theo", "ban hành kèm theo", "(có phụ lục", "(phụ lục"];
/** Annex titles ("PHỤ LỤC I: DANH MỤC NHIỆM VỤ …"). */
export const ANNEX_TITLES = ["phụ lục"];
