/**
 * The answers: what every `--json` command prints and every /api/ route returns,
 * as zod schemas — the single source of the store's answer types (src/store/read/
 * infers its types from these) and of schemas/answers/*.schema.json and the
 * OpenAPI document (scripts/gen-json-schema.ts, served at /api/openapi.json).
 * Keys are machine-readable and stay as they are; new keys are only ever added.
 */
import { z } from "zod";
import { Span } from "./document.js";
import { DeadlineKind, DocKind, ExtractionMessage, IsoDate, Relation, TaskStatus } from "./extraction.js";

const Id = z.number().int();
const NullableSpan = Span.nullable();

/** How every answer names a document. */
export const DocumentSummary = z.object({
  id: Id,
  code: z.string().nullable(),
  kind: z.string().nullable().describe(`a document kind: ${DocKind.options.join(", ")}`),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  /** Only cited, not held. */
  placeholder: z.boolean(),
  /** Identity scope: "" national, "commune:phu thinh", … */
  scope: z.string(),
  key: z.string(),
  files: z.array(z.string()),
}).meta({ id: "DocumentSummary" });

export const CitingEntry = z.object({
  document: DocumentSummary,
  depth: z.number().int().min(1).describe("1 = cites the target itself; 2 = cites a document that cites it; …"),
  relations: z.array(z.string()),
  via: DocumentSummary.nullable().describe("the document this one cites on its way to the target (depth > 1)"),
  reported: z.boolean().describe("the edge is only known from a third document's description of this one"),
});
export const CitingResult = z.object({ target: DocumentSummary, transitive: z.boolean(), total: z.number().int(), citing: z.array(CitingEntry) });

export const CitationOrigin = z.enum(["reference", "task-source", "implements"]);
export const CitesEntry = z.object({
  relation: z.string().describe(`one of ${Relation.options.join(", ")}`),
  origin: CitationOrigin,
  code: z.string(),
  text: z.string().nullable(),
  mentions: z.number().int().nullable(),
  page: z.number().int().nullable(),
  span: NullableSpan,
  target: DocumentSummary,
  reportedBy: DocumentSummary.nullable().describe("for edges read from another document's description of this one"),
}).meta({ id: "CitesEntry" });
export const CitesResult = z.object({ document: DocumentSummary, cites: z.array(CitesEntry) });

export const PathStep = z.object({ document: DocumentSummary, relation: z.string().nullable(), text: z.string().nullable() });
export const PathResult = z.object({ from: DocumentSummary, to: DocumentSummary, direction: z.enum(["forward", "backward"]), steps: z.array(PathStep) });

export const TASK_STATUSES = TaskStatus.options;
export const TaskAgency = z.object({ written: z.string(), agency: z.string(), agencyId: Id });
export const TaskDeadline = z.object({ text: z.string(), kind: z.string().nullable(), start: z.string().nullable(), end: z.string().nullable() });
export const TaskEntry = z.object({
  id: Id,
  document: DocumentSummary,
  position: z.number().int(),
  ordinal: z.string().nullable(),
  section: z.string().nullable(),
  text: z.string(),
  output: z.string().nullable(),
  lead: z.array(TaskAgency),
  support: z.array(TaskAgency),
  deadline: TaskDeadline.nullable(),
  sources: z.array(z.object({ code: z.string(), document: DocumentSummary })),
  status: z.string().nullable().describe("as the task's own document states it (reports)"),
  statusText: z.string().nullable(),
  latest: z
    .object({ status: z.string().nullable(), statusText: z.string().nullable(), report: DocumentSummary, reportTaskId: Id, score: z.number() })
    .nullable()
    .describe("for a plan task: the status of its row in the newest report that reports on it"),
  reportsOn: z
    .object({ planTaskId: Id, plan: DocumentSummary, score: z.number(), method: z.string() })
    .nullable()
    .describe("a report row linked to a plan task: which one"),
  effectiveStatus: z.string().nullable().describe("latest?.status ?? status"),
  page: z.number().int().nullable(),
  span: NullableSpan,
}).meta({ id: "TaskEntry" });
/** An agency the store holds, offered when `--agency` matched no task. */
export const AgencySuggestion = z.object({ agencyId: Id, agency: z.string(), locality: z.string().nullable() });
export const TasksResult = z.object({
  tasks: z.array(TaskEntry),
  total: z.number().int(),
  /** With an agency filter that found nothing: the nearest agencies of the store, best first. */
  suggestions: z.array(AgencySuggestion).optional(),
});

export const MetricItem = z.object({
  id: Id,
  value: z.number(),
  max: z.number().nullable(),
  unit: z.string(),
  comparator: z.string().nullable(),
  role: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  subject: z.string().nullable(),
  text: z.string(),
  taskId: Id.nullable(),
  page: z.number().int().nullable(),
  document: DocumentSummary,
}).meta({ id: "MetricItem" });
export const MetricPair = z.object({
  subject: z.string(),
  target: MetricItem.nullable(),
  actual: MetricItem.nullable(),
  other: MetricItem.nullable().describe("a metric with no role stands alone"),
  score: z.number().nullable().describe("subject similarity of a pair across documents"),
  method: z.enum(["row", "subject"]).nullable().describe("row: side by side in one table row or sentence; subject: the same indicator in another document of the place"),
  gap: z.number().nullable().describe("result − target, in the unit (units agree)"),
  percentOfPlan: z.number().nullable().describe("result ÷ target × 100 (units agree, target not 0)"),
  met: z.boolean().nullable().describe("the result satisfies the target's comparator (at least, unless the target is a ceiling: < or <=)"),
  reported: MetricItem.nullable().describe("the report's own \"% so với kế hoạch\" for this row"),
  warning: z.enum(["reported-percent-differs"]).nullable().describe("the report's own percent of plan differs from the computed one by more than 1 point"),
  links: z.object({ target: z.string().nullable(), actual: z.string().nullable(), other: z.string().nullable() })
    .describe("each figure's place in the web document view"),
});
export const MetricsResult = z.object({
  pairs: z.array(MetricPair),
  total: z.number().int().describe("metrics examined"),
  paired: z.number().int().describe("pairs with both a target and a result"),
});

/** A warning the extractor raised, at its place; `warnings` (strings) is kept beside it for the contract. */
export const PositionedMessage = ExtractionMessage.meta({ id: "PositionedMessage" });

export const ShowDeadline = z.object({
  position: z.number().int(),
  text: z.string(),
  kind: z.string().describe(`one of ${DeadlineKind.options.join(", ")}`),
  start: z.string().nullable(),
  end: z.string().nullable(),
  taskId: Id.nullable(),
  page: z.number().int().nullable(),
  span: NullableSpan,
});
export const StoredFile = z.object({
  path: z.string(), sha256: z.string(), format: z.string().nullable(), size: z.number().int().nullable(), mtime: z.string().nullable(),
  status: z.string(), error: z.string().nullable(),
});
export const ShowResult = z.object({
  document: DocumentSummary.extend({
    symbol: z.string().nullable(),
    place: z.string().nullable(),
    locality: z.string().nullable(),
    parentIssuer: z.string().nullable(),
    signer: z.object({ name: z.string(), position: z.string().nullable() }).nullable(),
    format: z.string().nullable(),
    pages: z.number().int().nullable(),
    contentSha256: z.string().nullable(),
    warnings: z.array(z.string()),
    messages: z.array(PositionedMessage),
    provenance: z.unknown(),
  }),
  files: z.array(StoredFile),
  references: z.array(CitesEntry),
  citedBy: z.object({ count: z.number().int(), documents: z.array(z.object({ document: DocumentSummary, relations: z.array(z.string()) })) }),
  tasks: z.array(TaskEntry),
  deadlines: z.array(ShowDeadline),
  metrics: z.array(MetricItem),
});

export const SearchHit = z.object({
  type: z.enum(["document", "task", "passage"]),
  tier: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  score: z.number(),
  text: z.string().describe("what matched: a document's code — title — issuer, a task's text, or a passage of the text (a paragraph or a table row, cells apart by tabs)"),
  snippet: z
    .object({ text: z.string(), marks: z.array(Span).describe("the matched words, as spans into snippet.text") })
    .describe("the words around the first match (table cells apart by \" | \")"),
  page: z.number().int().nullable().describe("the page the passage or task starts on; null for a title or when not known"),
  span: NullableSpan.describe("where the passage or task is in the document's text"),
  link: z.string().describe("that place in the web document view: /documents/<id>#p<page>-<start>-<end>"),
  document: DocumentSummary,
  task: z.object({ id: Id, ordinal: z.string().nullable(), section: z.string().nullable() }).optional(),
}).meta({ id: "SearchHit" });
export const SearchResult = z.object({
  query: z.string(),
  total: z.number().int().describe("hits in all (exact up to a few hundred per kind; beyond, counted from the index)"),
  offset: z.number().int(),
  hits: z.array(SearchHit),
});

export const ListedDocument = DocumentSummary.extend({ localityKey: z.string().nullable(), locality: z.string().nullable() });
export const DocumentList = z.object({ total: z.number().int(), documents: z.array(ListedDocument) });
const Count = z.object({ value: z.string(), count: z.number().int() });
export const Facets = z.object({
  kinds: z.array(Count),
  localities: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
  issuers: z.array(Count),
});

export const AgencyEntry = z.object({
  id: Id, name: z.string(), localityKey: z.string(), locality: z.string().nullable(),
  lead: z.number().int(), support: z.number().int(), done: z.number().int(), overdue: z.number().int(),
});
export const AgencyList = z.object({ total: z.number().int(), agencies: z.array(AgencyEntry) });

export const RunEntry = z.object({
  id: Id, command: z.string(), arguments: z.unknown(), startedAt: z.string(), finishedAt: z.string().nullable(),
  seen: z.number().int().nullable(), new: z.number().int().nullable(), changed: z.number().int().nullable(),
  skipped: z.number().int().nullable(), failed: z.number().int().nullable(),
});
export const RunList = z.object({ total: z.number().int(), runs: z.array(RunEntry) });

/** past: the day has gone by, but nothing could be late — a deadline of no task, or one with a start and no end. */
export const DeadlineState = z.enum(["overdue", "upcoming", "done", "past"]);
export const DeadlineEntry = z.object({
  id: Id,
  day: z.string(),
  text: z.string(),
  kind: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  state: DeadlineState,
  status: z.string().nullable(),
  task: z.object({ id: Id, ordinal: z.string().nullable(), text: z.string() }).nullable(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  document: DocumentSummary,
  page: z.number().int().nullable(),
  span: NullableSpan,
}).meta({ id: "DeadlineEntry" });
export const DeadlineList = z.object({ today: IsoDate, total: z.number().int(), deadlines: z.array(DeadlineEntry) });

export const GraphNode = DocumentSummary.pick({ id: true, code: true, kind: true, issuer: true, date: true, title: true, placeholder: true }).extend({
  label: z.string(),
  localityKey: z.string().nullable(),
  depth: z.number().int().nullable().describe("steps to the focus (1 = cites it directly); 0 for the focus, null without one"),
}).meta({ id: "GraphNode" });
export const GraphEdge = z.object({
  source: Id.describe("the citing document"),
  target: Id.describe("the cited document"),
  relation: z.string(),
  reported: z.boolean().describe("known only from a third document's description of the citing one"),
});
export const CitationGraph = z.object({ focus: Id.nullable(), nodes: z.array(GraphNode), edges: z.array(GraphEdge), truncated: z.boolean() });

export const AnnotationType = z.enum(["task", "reference", "deadline", "metric", "message"]);
export const Annotation = z.object({
  type: AnnotationType,
  id: Id.describe("row id of the fact in its table (citations and messages are numbered by position)"),
  start: z.number().int(),
  end: z.number().int(),
  label: z.string(),
  target: z.object({ id: Id, placeholder: z.boolean() }).optional(),
  repeat: z.boolean().optional().describe("another mention of a fact highlighted already (the fact lists link to the first)"),
});
export const DocumentView = ShowResult.omit({ metrics: true }).extend({
  metrics: z.array(MetricItem.extend({ span: NullableSpan })),
  text: z.string().nullable(),
  annotations: z.array(Annotation),
});

export const Invariants = z.object({
  emptyDocuments: z.array(z.object({ id: Id, key: z.string(), files: z.array(z.string()) })).describe("held documents without content"),
  documentsWithoutFiles: z.array(z.object({ id: Id, key: z.string() })).describe("held documents that no file holds"),
  filesWithoutDocument: z.array(z.string()).describe("ingested file rows that point at no document"),
  search: z.object({
    documentsMissing: z.number().int(), documentsExtra: z.number().int(), tasksMissing: z.number().int(), tasksExtra: z.number().int(),
    passagesMissing: z.number().int().describe("document texts (or passages) not in the text index"),
    passagesExtra: z.number().int().describe("passages or index rows with no document text under them"),
  }),
  pendingRereads: z.array(Id).describe("documents waiting to be read again from another of their files"),
});
export const DoctorReport = z.object({
  integrity: z.union([z.literal("ok"), z.array(z.string())]),
  schemaVersion: z.number().int(),
  expectedSchemaVersion: z.number().int(),
  needsMigration: z.boolean().describe("the store is older than this vanban: the next import (or doctor --repair) migrates it"),
  documents: z.number().int(),
  placeholders: z.number().int(),
  files: z.number().int(),
  failedFiles: z.array(z.object({ path: z.string(), error: z.string().nullable() })),
  tasks: z.number().int(),
  deadlines: z.number().int(),
  citations: z.number().int(),
  lastRun: z.object({ id: Id, command: z.string(), startedAt: z.string(), finishedAt: z.string().nullable() }).nullable(),
  unfinishedRuns: z.number().int(),
  invariants: Invariants.nullable().describe("null when the store is too old to check them"),
  problems: z.array(z.string()).describe("every problem found, one line each, with how to repair it"),
});

/** `vanban import --json` (and nightly's `files`): counts by file, as before, and by document. */
const NonNegative = z.number().int().min(0);
export const ImportSummary = z.object({
  db: z.string().describe("the store file"),
  run: Id,
  seen: NonNegative.describe("files looked at"),
  new: NonNegative.describe("files not in the store before, parsed and stored"),
  changed: NonNegative.describe("stored files whose content changed"),
  reread: NonNegative.describe("stored files read again with --force although their content is unchanged"),
  skipped: NonNegative.describe("unchanged files, copies of stored content, and files that are not documents"),
  failed: NonNegative,
  errors: z.array(z.object({ file: z.string(), stage: z.string(), reason: z.string() })),
  skippedFiles: z.array(z.object({ file: z.string(), reason: z.string() })).describe("files passed over for a reason worth telling"),
  needsOcr: NonNegative.describe("failed files that are scanned PDFs without a text layer"),
  pruned: NonNegative,
  ingested: z.array(z.object({ file: z.string(), documentId: Id, status: z.enum(["new", "changed", "reread"]) })),
  pages: NonNegative,
  documents: NonNegative.describe("documents stored by this run"),
  references: NonNegative,
  tasks: NonNegative,
  deadlines: NonNegative,
  metrics: NonNegative,
  ocr: z.object({ documents: NonNegative, pages: NonNegative, cachedPages: NonNegative, meanConfidence: z.number().nullable() }),
  seconds: z.number(),
  refilled: NonNegative.describe("documents filled again from another of their files"),
  repair: z.object({ reindexed: z.boolean(), queued: NonNegative, filesToReread: z.array(z.string()) }).nullable(),
  byDocument: z.object({
    new: NonNegative.describe("documents the store did not hold before (a cited-only document now held counts as new)"),
    changed: NonNegative.describe("held documents stored again from changed content"),
    unchanged: NonNegative.describe("held documents whose files were all unchanged"),
    reread: NonNegative.describe("held documents read again with --force from unchanged content"),
  }).describe("what the run did, counted in documents rather than files"),
  copies: z.array(z.object({ file: z.string(), documentId: Id, of: z.string().describe("the code, or else the title, of the document it repeats") }))
    .describe("files whose content is another copy of a stored document: recorded beside it, not parsed"),
  missing: z.array(z.string()).describe("stored files under the imported folders no longer on disk (kept until an import with --prune)"),
});

/** The paged envelope the API adds to lists. */
export const Paged = z.object({ limit: z.number().int(), offset: z.number().int() });

export type DocumentSummary = z.infer<typeof DocumentSummary>;
export type ImportSummary = z.infer<typeof ImportSummary>;
export type CitingEntry = z.infer<typeof CitingEntry>;
export type CitingResult = z.infer<typeof CitingResult>;
export type CitesEntry = z.infer<typeof CitesEntry>;
export type CitesResult = z.infer<typeof CitesResult>;
export type PathStep = z.infer<typeof PathStep>;
export type PathResult = z.infer<typeof PathResult>;
export type TaskAgency = z.infer<typeof TaskAgency>;
export type TaskEntry = z.infer<typeof TaskEntry>;
export type TasksResult = z.infer<typeof TasksResult>;
export type AgencySuggestion = z.infer<typeof AgencySuggestion>;
export type MetricItem = z.infer<typeof MetricItem>;
export type MetricPair = z.infer<typeof MetricPair>;
export type MetricsResult = z.infer<typeof MetricsResult>;
export type PositionedMessage = z.infer<typeof PositionedMessage>;
export type ShowResult = z.infer<typeof ShowResult>;
export type SearchHit = z.infer<typeof SearchHit>;
export type SearchResult = z.infer<typeof SearchResult>;
export type ListedDocument = z.infer<typeof ListedDocument>;
export type DocumentList = z.infer<typeof DocumentList>;
export type Facets = z.infer<typeof Facets>;
export type AgencyEntry = z.infer<typeof AgencyEntry>;
export type RunEntry = z.infer<typeof RunEntry>;
export type DeadlineState = z.infer<typeof DeadlineState>;
export type DeadlineEntry = z.infer<typeof DeadlineEntry>;
export type DeadlineList = z.infer<typeof DeadlineList>;
export type GraphNode = z.infer<typeof GraphNode>;
export type GraphEdge = z.infer<typeof GraphEdge>;
export type CitationGraph = z.infer<typeof CitationGraph>;
export type Annotation = z.infer<typeof Annotation>;
export type DocumentView = z.infer<typeof DocumentView>;
export type DoctorReport = z.infer<typeof DoctorReport>;
export type Invariants = z.infer<typeof Invariants>;
