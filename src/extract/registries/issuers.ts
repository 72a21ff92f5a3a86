/**
 * Issuer codes: the part of a number-symbol that names the issuing body ("TW" in
 * 57-NQ/TW, "UBND" in 144/KH-UBND, "QH15" in 72/2025/QH15) and its scope.
 *
 * Numbers restart every year and at every body, so a code identifies a document
 * only together with its issuer. A *national* issuer exists once (Trung ương,
 * Chính phủ, a ministry): its codes are unique nationally. A *local* issuer code
 * (ĐU, UBND, BCĐ, TU, HĐND …) is written the same by every commune or province:
 * 41-KH/ĐU of one commune is not 41-KH/ĐU of another, so the store keys those
 * codes by the issuer the text names. `isNationalSymbol` is that decision.
 *
 * `names` are the folded, lower-case beginnings of the issuer's name as texts
 * write it; they let a citation's "của …" or "X ban hành …" be checked against
 * the symbol before the issuer is attached to it.
 */
import { foldForMatch } from "../../normalise/fold.js";
import { typeAbbreviation } from "./document-types.js";

export type IssuerScope = "national" | "local";
export type IssuerCode = { code: string; name: string; scope: IssuerScope; names?: string[] };

export const ISSUER_CODES: IssuerCode[] = [
  // Party, central
  { code: "TW", name: "Trung ương Đảng", scope: "national", names: ["bộ chính trị", "ban bí thư", "ban chấp hành trung ương", "trung ương"] },
  { code: "TƯ", name: "Trung ương Đảng", scope: "national", names: ["bộ chính trị", "ban bí thư", "ban chấp hành trung ương", "trung ương"] },
  { code: "BCĐTW", name: "Ban Chỉ đạo Trung ương", scope: "national", names: ["ban chỉ đạo trung ương"] },
  { code: "VPTW", name: "Văn phòng Trung ương Đảng", scope: "national", names: ["văn phòng trung ương"] },
  { code: "BTCTW", name: "Ban Tổ chức Trung ương", scope: "national" },
  { code: "BTGTW", name: "Ban Tuyên giáo Trung ương", scope: "national" },
  { code: "BTGDVTW", name: "Ban Tuyên giáo và Dân vận Trung ương", scope: "national" },
  { code: "BDVTW", name: "Ban Dân vận Trung ương", scope: "national" },
  { code: "BNCTW", name: "Ban Nội chính Trung ương", scope: "national" },
  { code: "BKTTW", name: "Ban Kinh tế Trung ương", scope: "national" },
  { code: "BĐNTW", name: "Ban Đối ngoại Trung ương", scope: "national" },
  { code: "UBKTTW", name: "Ủy ban Kiểm tra Trung ương", scope: "national" },
  { code: "ĐUCQTW", name: "Đảng ủy các cơ quan Trung ương", scope: "national" },
  // Party, local
  { code: "TU", name: "Tỉnh ủy", scope: "local", names: ["tỉnh ủy", "thành ủy", "ban thường vụ tỉnh", "ban chấp hành đảng bộ tỉnh", "bch đảng bộ tỉnh", "ban thường vụ thành ủy"] },
  { code: "HU", name: "Huyện ủy", scope: "local", names: ["huyện ủy", "ban thường vụ huyện ủy"] },
  { code: "QU", name: "Quận ủy", scope: "local", names: ["quận ủy"] },
  { code: "ĐU", name: "Đảng ủy", scope: "local", names: ["đảng ủy", "ban thường vụ đảng ủy", "ban chấp hành đảng bộ", "thường trực đảng ủy"] },
  { code: "ĐUK", name: "Đảng ủy khối", scope: "local", names: ["đảng ủy khối"] },
  { code: "BCĐ", name: "Ban Chỉ đạo", scope: "local", names: ["ban chỉ đạo", "bcđ"] },
  { code: "CQTT", name: "Cơ quan Thường trực", scope: "local", names: ["cơ quan thường trực"] },
  { code: "VPTU", name: "Văn phòng Tỉnh ủy", scope: "local", names: ["văn phòng tỉnh ủy"] },
  { code: "VPĐU", name: "Văn phòng Đảng ủy", scope: "local", names: ["văn phòng đảng ủy"] },
  { code: "UBKT", name: "Ủy ban Kiểm tra", scope: "local", names: ["ủy ban kiểm tra"] },
  { code: "BTGTU", name: "Ban Tuyên giáo Tỉnh ủy", scope: "local" },
  { code: "BTCTU", name: "Ban Tổ chức Tỉnh ủy", scope: "local" },
  { code: "BDVTU", name: "Ban Dân vận Tỉnh ủy", scope: "local" },
  { code: "BXDĐ", name: "Ban Xây dựng Đảng", scope: "local" },
  // State, central
  { code: "CP", name: "Chính phủ", scope: "national", names: ["chính phủ"] },
  { code: "TTg", name: "Thủ tướng Chính phủ", scope: "national", names: ["thủ tướng"] },
  { code: "VPCP", name: "Văn phòng Chính phủ", scope: "national", names: ["văn phòng chính phủ"] },
  { code: "QH", name: "Quốc hội", scope: "national", names: ["quốc hội"] },
  { code: "UBTVQH", name: "Ủy ban Thường vụ Quốc hội", scope: "national", names: ["ủy ban thường vụ quốc hội"] },
  { code: "VPQH", name: "Văn phòng Quốc hội", scope: "national" },
  { code: "CTN", name: "Chủ tịch nước", scope: "national" },
  { code: "BGDĐT", name: "Bộ Giáo dục và Đào tạo", scope: "national", names: ["bộ giáo dục"] },
  { code: "BTTTT", name: "Bộ Thông tin và Truyền thông", scope: "national", names: ["bộ thông tin"] },
  { code: "BKHCN", name: "Bộ Khoa học và Công nghệ", scope: "national", names: ["bộ khoa học"] },
  { code: "BKHĐT", name: "Bộ Kế hoạch và Đầu tư", scope: "national", names: ["bộ kế hoạch"] },
  { code: "BTC", name: "Bộ Tài chính", scope: "national", names: ["bộ tài chính"] },
  { code: "BNV", name: "Bộ Nội vụ", scope: "national", names: ["bộ nội vụ"] },
  { code: "BCA", name: "Bộ Công an", scope: "national", names: ["bộ công an"] },
  { code: "BQP", name: "Bộ Quốc phòng", scope: "national", names: ["bộ quốc phòng"] },
  { code: "BYT", name: "Bộ Y tế", scope: "national", names: ["bộ y tế"] },
  { code: "BTP", name: "Bộ Tư pháp", scope: "national", names: ["bộ tư pháp"] },
  { code: "BCT", name: "Bộ Công Thương", scope: "national", names: ["bộ công thương"] },
  { code: "BXD", name: "Bộ Xây dựng", scope: "national", names: ["bộ xây dựng"] },
  { code: "BGTVT", name: "Bộ Giao thông vận tải", scope: "national", names: ["bộ giao thông"] },
  { code: "BTNMT", name: "Bộ Tài nguyên và Môi trường", scope: "national", names: ["bộ tài nguyên"] },
  { code: "BNNPTNT", name: "Bộ Nông nghiệp và Phát triển nông thôn", scope: "national", names: ["bộ nông nghiệp"] },
  { code: "BNNMT", name: "Bộ Nông nghiệp và Môi trường", scope: "national", names: ["bộ nông nghiệp"] },
  { code: "BLĐTBXH", name: "Bộ Lao động - Thương binh và Xã hội", scope: "national", names: ["bộ lao động"] },
  { code: "BVHTTDL", name: "Bộ Văn hóa, Thể thao và Du lịch", scope: "national", names: ["bộ văn hóa"] },
  { code: "BNG", name: "Bộ Ngoại giao", scope: "national", names: ["bộ ngoại giao"] },
  { code: "BDTTG", name: "Bộ Dân tộc và Tôn giáo", scope: "national" },
  { code: "UBDT", name: "Ủy ban Dân tộc", scope: "national" },
  { code: "NHNN", name: "Ngân hàng Nhà nước Việt Nam", scope: "national", names: ["ngân hàng nhà nước"] },
  { code: "TTCP", name: "Thanh tra Chính phủ", scope: "national", names: ["thanh tra chính phủ"] },
  { code: "KTNN", name: "Kiểm toán nhà nước", scope: "national", names: ["kiểm toán nhà nước"] },
  { code: "TANDTC", name: "Tòa án nhân dân tối cao", scope: "national" },
  { code: "VKSNDTC", name: "Viện kiểm sát nhân dân tối cao", scope: "national" },
  { code: "BCY", name: "Ban Cơ yếu Chính phủ", scope: "national", names: ["ban cơ yếu"] },
  // State, local
  { code: "UBND", name: "Ủy ban nhân dân", scope: "local", names: ["ủy ban nhân dân", "ubnd"] },
  { code: "HĐND", name: "Hội đồng nhân dân", scope: "local", names: ["hội đồng nhân dân", "hđnd", "thường trực hội đồng nhân dân", "thường trực hđnd"] },
  { code: "MTTQ", name: "Mặt trận Tổ quốc", scope: "local", names: ["mặt trận tổ quốc", "ủy ban mặt trận", "ub mttq", "ủy ban mttq"] },
  { code: "UBMTTQ", name: "Ủy ban Mặt trận Tổ quốc", scope: "local", names: ["ủy ban mặt trận", "ub mttq", "ủy ban mttq"] },
  { code: "CAT", name: "Công an tỉnh", scope: "local", names: ["công an tỉnh"] },
  { code: "VP", name: "Văn phòng", scope: "local", names: ["văn phòng"] },
];

/** Codes recognised by shape rather than listed one by one. */
export const ISSUER_CODE_SHAPES: { shape: RegExp; name: string; scope: IssuerScope; names?: string[] }[] = [
  // "QH15": laws and resolutions of the National Assembly of a given term.
  { shape: /^QH\d{1,2}$/u, name: "Quốc hội", scope: "national", names: ["quốc hội"] },
  // Central Party organs end in TW: "BTGDVTW", "ĐUCA"… are listed; the rest follow the suffix.
  { shape: /^[A-ZĐ]{2,}TW$/u, name: "cơ quan Trung ương Đảng", scope: "national" },
  // Provincial departments: "SKHCN" (Sở Khoa học và Công nghệ), "STTTT", "SNV".
  { shape: /^S[A-ZĐ]{2,6}$/u, name: "Sở", scope: "local", names: ["sở"] },
];

const BY_CODE = new Map(ISSUER_CODES.map((i) => [i.code, i]));

/** The registry entry of an issuer code ("UBND", "QH15", "SKHCN"), or undefined. */
export function issuerCode(code: string): IssuerCode | undefined {
  const listed = BY_CODE.get(code);
  if (listed) return listed;
  const shaped = ISSUER_CODE_SHAPES.find((s) => s.shape.test(code));
  return shaped ? { code, name: shaped.name, scope: shaped.scope, names: shaped.names } : undefined;
}

/**
 * The issuer part of a symbol or code: the segment after the type abbreviation
 * ("NQ/TW" → "TW", "144/KH-UBND" → "UBND", "315-CV/VPTW" → "VPTW"), or the first
 * segment when there is no type (công văn "3216/UBND-KGVX" → "UBND"; "72/2025/QH15"
 * → "QH15"). Numbers and years are skipped.
 */
export function symbolIssuer(symbolOrCode: string): string | null {
  const segments = foldForMatch(symbolOrCode)
    .replace(/\s+/g, "")
    .split(/[-/]/)
    .filter((s) => s && !/^\d+$/.test(s));
  if (!segments.length) return null;
  return typeAbbreviation(segments[0]) ? (segments[1] ?? null) : segments[0];
}

/**
 * True when the issuer part of a symbol or code is a national body, so the code
 * alone identifies the document: "NQ/TW", "57-NQ/TW", "NQ-CP", "30/2020/NĐ-CP",
 * "72/2025/QH15", "KH/BCĐTW". False for local issuers ("KH/ĐU", "144/KH-UBND",
 * "UBND-KGVX") and for symbols whose issuer is not recognised.
 */
export function isNationalSymbol(symbolOrCode: string): boolean {
  const issuer = symbolIssuer(symbolOrCode);
  return issuer ? issuerCode(issuer)?.scope === "national" : false;
}

/**
 * Whether an issuer name as written ("UBND xã Phú Thịnh", "Ban Thường vụ Tỉnh ủy")
 * can be the body behind an issuer code. Codes without registered names accept any
 * name unless `unknownFits` is false.
 */
export function nameFitsIssuerCode(name: string, code: string, unknownFits = true): boolean {
  const entry = issuerCode(code);
  if (!entry?.names?.length) return unknownFits;
  const n = foldForMatch(name).toLowerCase().replace(/\s+/g, " ");
  return entry.names.some((p) => n.startsWith(foldForMatch(p)) || n.includes(` ${foldForMatch(p)}`));
}
