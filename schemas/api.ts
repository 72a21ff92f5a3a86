/**
 * The HTTP API and the `--json` commands as data: each route's query parameters
 * and the schema of its answer, each command's answer. scripts/gen-json-schema.ts
 * turns this into schemas/openapi.json (served at /api/openapi.json) and
 * schemas/answers.schema.json; test/answer-schemas.test.ts checks real answers
 * against it.
 */
import { z } from "zod";
import {
  AgencyList, CitationGraph, CitesEntry, CitingResult, DoctorReport, DocumentList, DocumentSummary, DocumentView, DeadlineList, Facets, ImportSummary,
  MetricPair, MetricsResult, Paged, PathResult, RunList, SearchHit, SearchResult, ShowResult, TaskEntry, TasksResult, CitesResult,
} from "./answers.js";

export type ApiParameter = { name: string; in: "query" | "path"; required?: boolean; description: string; schema?: Record<string, unknown> };
export type ApiRoute = { path: string; summary: string; parameters: ApiParameter[]; answer: z.ZodType };

const page: ApiParameter[] = [
  { name: "limit", in: "query", description: "how many items (1 … 1000)", schema: { type: "integer" } },
  { name: "offset", in: "query", description: "how many items to skip", schema: { type: "integer" } },
];
const issuer: ApiParameter = { name: "issuer", in: "query", description: "the issuer or place, when a local code is used by several (e.g. 41-KH/ĐU)" };
const today: ApiParameter = { name: "today", in: "query", description: "the day overdue is judged on (YYYY-MM-DD); default: the server's today" };

export const API_ROUTES: readonly ApiRoute[] = [
  {
    path: "/api/documents", summary: "the archive as a filterable list",
    parameters: [
      ...["kind", "issuer", "from", "to", "locality", "q"].map((name): ApiParameter => ({ name, in: "query", description: `filter: ${name}` })),
      { name: "held", in: "query", description: "1: only held documents; 0: only placeholders" },
      ...page,
    ],
    answer: Paged.extend(DocumentList.shape),
  },
  { path: "/api/documents/{id}", summary: "one document: the show answer, its text and the spans to highlight", parameters: [{ name: "id", in: "path", required: true, description: "store id or code" }, issuer], answer: DocumentView },
  { path: "/api/facets", summary: "the values the document filters offer, with counts", parameters: [], answer: Facets },
  {
    path: "/api/citing", summary: "documents that cite one (with transitive: through chains of implementation)",
    parameters: [{ name: "code", in: "query", required: true, description: "code or id" }, issuer, { name: "transitive", in: "query", description: "1 for chains" }, ...page],
    answer: CitingResult.extend(Paged.shape),
  },
  {
    path: "/api/cites", summary: "what a document cites, with relation types",
    parameters: [{ name: "doc", in: "query", required: true, description: "code or id" }, issuer, ...page],
    answer: Paged.extend({ document: DocumentSummary, total: z.number().int(), cites: z.array(CitesEntry) }),
  },
  {
    path: "/api/path", summary: "the citation chain between two documents",
    parameters: [{ name: "from", in: "query", required: true, description: "code or id" }, { name: "to", in: "query", required: true, description: "code or id" }, issuer],
    answer: PathResult,
  },
  {
    path: "/api/tasks", summary: "who owes what, by when",
    parameters: [
      ...["agency", "status", "dueBefore", "dueAfter", "doc", "source"].map((name): ApiParameter => ({ name, in: "query", description: `filter: ${name}` })),
      issuer, today, ...page,
    ],
    answer: Paged.extend({ total: z.number().int(), tasks: z.array(TaskEntry) }),
  },
  { path: "/api/agencies", summary: "agencies with what they lead, support, finished and let go overdue", parameters: [today, ...page], answer: Paged.extend(AgencyList.shape) },
  {
    path: "/api/metrics", summary: "targets beside reported results",
    parameters: [{ name: "subject", in: "query", description: "words of the indicator" }, { name: "doc", in: "query", description: "code or id" }, issuer, ...page],
    answer: Paged.extend({ metrics: z.number().int(), total: z.number().int(), pairs: z.array(MetricPair) }),
  },
  {
    path: "/api/deadlines", summary: "dated deadlines across the archive, with their state",
    parameters: [
      ...["from", "to", "doc"].map((name): ApiParameter => ({ name, in: "query", description: `filter: ${name}` })),
      { name: "state", in: "query", description: "overdue, upcoming, done or past" }, today, ...page,
    ],
    answer: Paged.extend(DeadlineList.shape),
  },
  {
    path: "/api/search", summary: "full-text search, with or without diacritics",
    parameters: [{ name: "q", in: "query", required: true, description: "words" }, ...page],
    answer: Paged.extend({ query: z.string(), total: z.number().int(), hits: z.array(SearchHit) }),
  },
  { path: "/api/runs", summary: "import runs, newest first", parameters: page, answer: Paged.extend(RunList.shape) },
  {
    path: "/api/graph", summary: "the citation graph as nodes and typed edges",
    parameters: [{ name: "code", in: "query", description: "the focus document: code or id" }, issuer, ...["transitive", "kind", "locality"].map((name): ApiParameter => ({ name, in: "query", description: `filter: ${name}` }))],
    answer: CitationGraph,
  },
];

/** What each `--json` command prints. */
export const COMMAND_ANSWERS: Readonly<Record<string, z.ZodType>> = {
  "query citing": CitingResult,
  "query cites": CitesResult,
  "query path": PathResult,
  "query tasks": TasksResult,
  "query metrics": MetricsResult,
  search: SearchResult,
  show: ShowResult,
  doctor: DoctorReport,
  import: ImportSummary,
};

export const ApiError = z.object({ error: z.string() });
