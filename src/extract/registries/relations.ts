/**
 * How a text relates itself to a document it cites, by the words before the
 * citation: "Căn cứ Nghị định …" (basis), "Thực hiện Kế hoạch …", "triển khai
 * Thông báo …" (implements), "(Kèm theo Quyết định …)" (annex-of). Anything else
 * cites. When one document is cited in several ways, the strongest relation is
 * kept (order of RELATION_STRENGTH).
 *
 * Section headings that make every citation under them a basis: "I. CĂN CỨ XÂY
 * DỰNG KẾ HOẠCH", "Căn cứ pháp lý".
 */
import type { Relation } from "../../../schemas/extraction.js";

export const RELATION_CUES: { relation: Exclude<Relation, "cites">; cues: string[] }[] = [
  { relation: "basis", cues: ["căn cứ", "căn cứ vào", "trên cơ sở"] },
  { relation: "implements", cues: ["thực hiện", "triển khai", "cụ thể hóa", "quán triệt"] },
  { relation: "annex-of", cues: ["kèm theo", "ban hành kèm theo"] },
];

export const RELATION_STRENGTH: Relation[] = ["implements", "basis", "annex-of", "cites"];

export const BASIS_HEADINGS = ["căn cứ"];
