/**
 * The UI's Vietnamese words for the store's codes (kinds, relations, statuses).
 * Server pages read them here; client scripts get the same table as
 * /static/js/labels.js, so the two never disagree. Each table covers its zod
 * enum exactly (`satisfies`): a new kind or status without a label does not compile.
 */
import type { DeadlineState } from "../../schemas/answers.js";
import type { DeadlineKind, DocKind, Metric, Relation, TaskStatus } from "../../schemas/extraction.js";

type MetricRole = Metric["role"];
export const KIND_LABELS: Readonly<Record<string, string>> = {
  "ke-hoach": "Kế hoạch",
  "bao-cao": "Báo cáo",
  "ket-luan": "Kết luận",
  "thong-bao": "Thông báo",
  "cong-van": "Công văn",
  "quyet-dinh": "Quyết định",
  "nghi-quyet": "Nghị quyết",
  "chi-thi": "Chỉ thị",
  "chuong-trinh": "Chương trình",
  "de-an": "Đề án",
  "quy-dinh": "Quy định",
  "quy-che": "Quy chế",
  "huong-dan": "Hướng dẫn",
  "to-trinh": "Tờ trình",
  luat: "Luật",
  "nghi-dinh": "Nghị định",
  "thong-tu": "Thông tư",
  other: "Khác",
} satisfies Record<DocKind, string>;

export const RELATION_LABELS: Readonly<Record<string, string>> = {
  basis: "Căn cứ",
  implements: "Thực hiện",
  "annex-of": "Kèm theo",
  cites: "Trích dẫn",
} satisfies Record<Relation, string>;

export const TASK_STATUS_LABELS: Readonly<Record<string, string>> = {
  done: "Đã hoàn thành",
  "in-progress": "Đang thực hiện",
  "not-started": "Chưa thực hiện",
  overdue: "Quá hạn",
} satisfies Record<TaskStatus, string>;

export const DEADLINE_STATE_LABELS: Readonly<Record<string, string>> = {
  overdue: "Quá hạn",
  upcoming: "Sắp đến hạn",
  done: "Đã xong",
  past: "Đã qua ngày",
} satisfies Record<DeadlineState, string>;

export const DEADLINE_KIND_LABELS: Readonly<Record<string, string>> = {
  date: "Ngày",
  by: "Trước ngày",
  from: "Từ ngày",
  month: "Trong tháng",
  quarter: "Trong quý",
  "half-year": "Sáu tháng",
  year: "Trong năm",
  recurring: "Định kỳ",
  "on-request": "Khi có yêu cầu",
  relative: "Tương đối",
} satisfies Record<DeadlineKind, string>;

export const METRIC_ROLE_LABELS: Readonly<Record<string, string>> = { target: "Chỉ tiêu", actual: "Kết quả" } satisfies Record<NonNullable<MetricRole>, string>;

export const kindLabel = (kind: string | null | undefined): string => (kind ? (KIND_LABELS[kind] ?? kind) : "Không rõ loại");

/** How a document is named in lists and graph nodes: its code, or its kind for drafts without a number. */
export function documentLabel(d: { code: string | null; kind: string | null; id: number }): string {
  return d.code ?? `${kindLabel(d.kind)} (chưa số) #${d.id}`;
}

/** dd/mm/yyyy, as Vietnamese documents write dates; a month or a year alone stays partial (04/2026). */
export function displayDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  return iso.split("-").reverse().join("/");
}

/** The tables above as one ES module, served to the client scripts. */
export function labelsModule(): string {
  const tables = {
    KIND_LABELS, RELATION_LABELS, TASK_STATUS_LABELS, DEADLINE_STATE_LABELS, DEADLINE_KIND_LABELS, METRIC_ROLE_LABELS,
  };
  return Object.entries(tables)
    .map(([name, table]) => `export const ${name} = Object.freeze(${JSON.stringify(table)});\n`)
    .join("");
}
