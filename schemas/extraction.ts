/**
 * The extraction contract, version 1 (../shared/contract/extraction.md): the JSON
 * `vanban extract` prints, the store ingests and the evaluation scores.
 *
 * Field names and meanings are the contract's; the extra fields here are ours:
 * provenance on every item (`page`, `span` into the document model's text — see
 * schemas/document.ts), reference relations, ranges' `max`.
 * `scripts/gen-json-schema.ts` writes extraction.schema.json from this file.
 */
import { z } from "zod";
import { Format, Span } from "./document.js";

export const DocKind = z.enum([
  "ke-hoach", "bao-cao", "ket-luan", "thong-bao", "cong-van", "quyet-dinh", "nghi-quyet", "chi-thi",
  "chuong-trinh", "de-an", "quy-dinh", "quy-che", "huong-dan", "to-trinh", "luat", "nghi-dinh",
  "thong-tu", "other",
]);
export type DocKind = z.infer<typeof DocKind>;

export const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "ISO date: YYYY, YYYY-MM or YYYY-MM-DD");

/** Where a fact was read: page (1-based) and character span in the document model's text. */
export const Provenance = {
  page: z.number().int().min(1).optional(),
  span: Span.optional(),
};

export const Signer = z.object({ name: z.string(), position: z.string().nullable() });

export const DocumentMeta = z.object({
  kind: DocKind.nullable(),
  code: z.string().nullable(),
  symbol: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  date: IsoDate.nullable(),
  title: z.string().nullable(),
  signer: Signer.nullable(),
  /** Extra: the parent body above the issuer in the header ("ĐẢNG BỘ XÃ PHÚ THỊNH", "UBND TỈNH THÁI NGUYÊN"). */
  parentIssuer: z.string().nullable().optional(),
  /** Extra: the commune/ward/province the document belongs to, for scoping local codes. */
  locality: z.string().nullable().optional(),
  /** Extra: where each field was read. */
  provenance: z.record(z.string(), z.object(Provenance)).optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const Relation = z.enum(["basis", "implements", "annex-of", "cites"]);
export type Relation = z.infer<typeof Relation>;

export const Reference = z.object({
  kind: DocKind.nullable(),
  code: z.string(),
  date: IsoDate.nullable(),
  issuer: z.string().nullable(),
  text: z.string(),
  mentions: z.number().int().min(1).optional(),
  /** Extra: Căn cứ → basis; Thực hiện/triển khai → implements; Kèm theo → annex-of; otherwise cites. */
  relation: Relation.optional(),
  /** Extra: codes the cited document itself implements or cites, as its description says. */
  implements: z.array(z.string()).optional(),
  /** Extra: every mention's span. */
  mentionSpans: z.array(Span).optional(),
  ...Provenance,
});
export type Reference = z.infer<typeof Reference>;

export const DeadlineKind = z.enum([
  "date", "by", "from", "month", "quarter", "half-year", "year", "recurring", "on-request", "relative",
]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

export const Deadline = z.object({
  text: z.string(),
  kind: DeadlineKind,
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  task: z.number().int().min(0).optional(),
  ...Provenance,
});
export type Deadline = z.infer<typeof Deadline>;

export const Comparator = z.enum([">", ">=", "=", "<=", "<"]);

export const Metric = z.object({
  text: z.string(),
  subject: z.string().nullable(),
  value: z.number(),
  unit: z.string(),
  comparator: Comparator.nullable(),
  role: z.enum(["target", "actual"]).nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  task: z.number().int().min(0).optional(),
  /** Extra: upper bound of a range ("0,2–0,3%" → value 0.2, max 0.3). */
  max: z.number().optional(),
  /** Extra: the value is the row's result as a % of its target ("% so với kế hoạch") or of the period before ("so với cùng kỳ"). */
  compares: z.enum(["target", "previous"]).optional(),
  ...Provenance,
});
export type Metric = z.infer<typeof Metric>;

export const TaskStatus = z.enum(["done", "in-progress", "not-started", "overdue"]);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const Task = z.object({
  text: z.string(),
  ordinal: z.string().nullable(),
  section: z.string().nullable(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  output: z.string().nullable(),
  deadline: Deadline.nullable(),
  sources: z.array(z.string()),
  status: TaskStatus.nullable(),
  statusText: z.string().nullable(),
  origin: z.enum(["table", "narrative"]),
  /** Extra: table columns with no known role, by header text. */
  extra: z.record(z.string(), z.string()).optional(),
  ...Provenance,
});
export type Task = z.infer<typeof Task>;

/** Extra: a warning at its place — what `warnings` says as text, kept beside it as data. */
export const ExtractionMessage = z.object({
  /** The stage or check that raised it: "consistency", "parse-pdf", "join-tables", … */
  code: z.string(),
  message: z.string(),
  page: z.number().int().min(1).nullable(),
  span: Span.nullable(),
  severity: z.enum(["info", "warning", "error"]),
});
export type ExtractionMessage = z.infer<typeof ExtractionMessage>;

export const Extraction = z.object({
  schemaVersion: z.literal(1),
  source: z.object({
    file: z.string(),
    sha256: z.string(),
    format: Format,
    pages: z.number().int().min(0).optional(),
  }),
  document: DocumentMeta,
  references: z.array(Reference),
  tasks: z.array(Task),
  deadlines: z.array(Deadline),
  metrics: z.array(Metric),
  warnings: z.array(z.string()),
  /** Extra: the same warnings, positioned. */
  messages: z.array(ExtractionMessage).optional(),
});
export type Extraction = z.infer<typeof Extraction>;
