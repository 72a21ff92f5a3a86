/**
 * `query tasks --agency`: the stored agencies a typed name stands for, and when none
 * has tasks, the nearest ones to suggest. The rule is the link stage's
 * (src/link/agency-matching.ts); the store only lists the names it holds.
 */
import type { AgencySuggestion } from "../../../schemas/answers.js";
import { agencyMatches, agencyWords, nearestAgencies } from "../../link/agency-matching.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { StoreError } from "../store-error.js";

type NamedAgency = { id: number; name: string; locality: string | null };

function agenciesWithTasks(db: Store): NamedAgency[] {
  return prepared(db, `
    SELECT a.id, a.name, a.locality FROM agencies a WHERE EXISTS (SELECT 1 FROM task_agencies ta WHERE ta.agency_id = a.id) ORDER BY a.id`)
    .all() as NamedAgency[];
}

/** Ids of the agencies whose name or a written alias the typed name matches (or an alias exactly as typed). */
export function agenciesMatching(db: Store, typed: string): number[] {
  const words = agencyWords(typed, true);
  if (!words) throw new StoreError("store.agencyEmpty");
  const ids = new Set(agenciesWithTasks(db).filter((a) => agencyMatches(words, a.name)).map((a) => a.id));
  const aliases = prepared(db, "SELECT agency_id AS id, written, normalised FROM agency_aliases").all() as { id: number; written: string; normalised: string }[];
  for (const a of aliases) if (a.written === typed || agencyMatches(words, a.normalised)) ids.add(a.id);
  return [...ids].sort((a, b) => a - b);
}

/** The agencies with tasks nearest the typed name, best first. */
export function suggestAgencies(db: Store, typed: string): AgencySuggestion[] {
  return nearestAgencies(typed, agenciesWithTasks(db)).map((a) => ({ agencyId: a.id, agency: a.name, locality: a.locality }));
}
