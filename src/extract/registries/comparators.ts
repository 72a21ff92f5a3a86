/**
 * Comparison words around a number, as data for ../metrics.ts. `before` phrases end
 * right before the number ("đạt trên 70%", "tối thiểu 90%"); `after` phrases follow it
 * ("98% trở lên"). An `after` phrase wins over a `before` one ("từ 98% trở lên" → ">=").
 * Symbols include LaTeX as converters leave it in cells (`$\geq 98$`).
 */
import type { Metric } from "../../../schemas/extraction.js";

type Comparator = NonNullable<Metric["comparator"]>;

export const COMPARATORS: { comparator: Comparator; before: string[]; after: string[] }[] = [
  {
    comparator: ">=",
    before: ["tối thiểu", "tối thiểu là", "ít nhất", "ít nhất là", "không dưới", "không thấp hơn", "không ít hơn", "lớn hơn hoặc bằng", "bằng hoặc cao hơn", "≥", ">=", "\\geq", "\\ge", "⩾"],
    after: ["trở lên"],
  },
  {
    comparator: "<=",
    before: ["tối đa", "tối đa là", "không quá", "không vượt quá", "không cao hơn", "không lớn hơn", "nhỏ hơn hoặc bằng", "≤", "<=", "\\leq", "\\le", "⩽"],
    after: ["trở xuống"],
  },
  { comparator: ">", before: ["trên", "hơn", "cao hơn", "lớn hơn", "nhiều hơn", ">", "\\gt"], after: [] },
  {
    comparator: "<",
    before: ["dưới", "chưa đủ", "chưa đạt", "chưa hoàn thành", "chưa tới", "chưa đến", "thấp hơn", "ít hơn", "nhỏ hơn", "không đủ", "gần", "<", "\\lt"],
    after: [],
  },
  // Plain statements of a value; listed so that a neutral word right before the number stops the search.
  { comparator: "=", before: ["đạt", "đạt khoảng", "khoảng", "là", "bằng", "chiếm", "ước đạt", "từ", "ở mức"], after: [] },
];
