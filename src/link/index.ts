/**
 * The link stage: what an extraction means in relation to other documents,
 * decided without a database. `linkExtraction` gives the document's identity
 * and context, the identity of every document its references, implementation
 * chains and task sources name, and the canonical agency of every lead and
 * support; the store only writes what it returns (and turns identities into row
 * ids). `matchReportRows` pairs a report's status rows with the plan tasks they
 * report on, given the candidates the store holds.
 */
import type { Extraction } from "../../schemas/extraction.js";
import { foldLoose } from "../normalise/fold.js";
import { resolveAgency, type ResolvedAgency } from "./agency-resolution.js";
import { citedIdentity, identityContext, ownIdentity, type Identity, type IdentityContext, type PlaceLevel } from "./document-identity.js";

export { resolveAgency, normaliseAgencyName, expandAbbreviations, type ResolvedAgency } from "./agency-resolution.js";
export { agencyMatches, agencyWords, MIN_SUGGESTION_SCORE, nearestAgencies } from "./agency-matching.js";
export {
  citedIdentity, codeKey, findPlace, groupKey, identityContext, ownIdentity, placeKey, yearOf,
  type Identity, type IdentityContext, type Place, type PlaceLevel,
} from "./document-identity.js";
export { comparable, similarity, type Comparable } from "./text-similarity.js";
export { normText, sameTasks, type IdentityTask, type TaskIdentityFacts } from "./task-identity.js";
export { matchReportRows, MIN_SCORE, type PlanTaskCandidate, type ReportRow, type TaskLink } from "./report-rows.js";

export type LinkedCitation = { code: string; identity: Identity };

export type LinkedReference = LinkedCitation & {
  /** Index into extraction.references. */
  index: number;
  /** What the cited document says it implements, as read from this citation; identities in the cited document's place. */
  implements: LinkedCitation[];
  /** The cited document's context, for placing what it implements. */
  citedContext: IdentityContext;
};

export type LinkedAgency = { written: string; agency: ResolvedAgency };

export type LinkedTask = {
  /** Same positions as the task's `sources`; null for a blank entry. */
  sources: (LinkedCitation | null)[];
  lead: (LinkedAgency | null)[];
  support: (LinkedAgency | null)[];
};

export type LinkedExtraction = {
  extraction: Extraction;
  context: IdentityContext;
  identity: Identity;
  /** References with a code, except one repeating the document's own number (an annex). */
  references: LinkedReference[];
  /** One per extraction.tasks entry. */
  tasks: LinkedTask[];
  /** One per extraction.metrics entry: the folded subject (or text) that metrics are matched on. */
  metricSubjectKeys: string[];
};

export function linkExtraction(x: Extraction): LinkedExtraction {
  const context = identityContext(x);
  const identity = ownIdentity(x, context);
  const references: LinkedReference[] = [];
  x.references.forEach((r, index) => {
    const code = r.code.trim();
    if (!code) return;
    const cited = citedIdentity(code, r.issuer, r.date, context);
    if (cited.key === identity.key) return;
    const citedContext = contextOfCited(cited, context);
    const implemented: LinkedCitation[] = [];
    for (const written of new Set(r.implements ?? [])) {
      const code2 = written.trim();
      if (!code2) continue;
      const ident2 = citedIdentity(code2, null, null, citedContext);
      if (ident2.key !== cited.key) implemented.push({ code: code2, identity: ident2 });
    }
    references.push({ index, code, identity: cited, implements: implemented, citedContext });
  });
  const agency = (written: string): LinkedAgency | null => {
    const name = written.trim();
    return name ? { written: name, agency: resolveAgency(name, context) } : null;
  };
  const tasks = x.tasks.map((t) => ({
    sources: t.sources.map((s) => {
      const code = s.trim();
      return code ? { code, identity: citedIdentity(code, null, null, context) } : null;
    }),
    lead: t.lead.map(agency),
    support: t.support.map(agency),
  }));
  return { extraction: x, context, identity, references, tasks, metricSubjectKeys: x.metrics.map((m) => foldLoose(m.subject ?? m.text)) };
}

/** Local codes that a cited document implements belong to that document's place, not the citer's. */
export function contextOfCited(ident: Identity, citer: IdentityContext): IdentityContext {
  const m = /^(commune|district|province):(.+)$/.exec(ident.scope);
  if (!m || m[2] === "?") return { ...citer, year: ident.year ?? citer.year };
  const place = { level: m[1] as PlaceLevel, name: m[2] };
  return {
    locality: place,
    province: place.level === "province" ? place : citer.province,
    district: place.level === "district" ? place : citer.district,
    year: ident.year ?? citer.year,
  };
}
