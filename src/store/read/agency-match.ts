/**
 * `query tasks --agency`: the stored agencies a typed name stands for, and when none
 * has tasks, the nearest ones to suggest. The rule is the link stage's
 * (src/link/agency-matching.ts); the store only lists the names it holds.
 */
import type { AgencySuggestion } from "../../../schemas/answers.js";
import { agencyWords, nearestAgencies, wordsMatch } from "../../link/agency-matching.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { StoreError } from "../store-error.js";

type NamedAgency = { id: number; name: string; locality: string | null };

function agenciesWithTasks(db: Store): NamedAgency[] {
  return prepared(db, `
    SELECT a.id, a.name, a.locality FROM agencies a WHERE EXISTS (SELECT 1 FROM task_agencies ta WHERE ta.agency_id = a.id) ORDER BY a.id`)
    .all() as NamedAgency[];
}

/**
 * `agencyWords` of the stored names and aliases, kept for the process: they repeat
 * across places ("Văn phòng Đảng ủy" in every commune) and across queries, and
 * normalising every one of them was most of a `tasks --agency` query.
 */
const wordsOfStored = new Map<string, string>();
const WORDS_KEPT = 100_000;

function storedWords(name: string): string {
  let w = wordsOfStored.get(name);
  if (w === undefined) {
    if (wordsOfStored.size >= WORDS_KEPT) wordsOfStored.clear();
    wordsOfStored.set(name, (w = agencyWords(name)));
  }
  return w;
}

/** Ids of the agencies whose name or a written alias the typed name matches (or an alias exactly as typed). */
export function agenciesMatching(db: Store, typed: string): number[] {
  const words = agencyWords(typed, true);
  if (!words) throw new StoreError("store.agencyEmpty");
  const matches = (name: string) => wordsMatch(words, storedWords(name));
  const ids = new Set(agenciesWithTasks(db).filter((a) => matches(a.name)).map((a) => a.id));
  const aliases = prepared(db, "SELECT agency_id AS id, written, normalised FROM agency_aliases").all() as { id: number; written: string; normalised: string }[];
  for (const a of aliases) if (a.written === typed || matches(a.normalised)) ids.add(a.id);
  return [...ids].sort((a, b) => a - b);
}

/** The agencies with tasks nearest the typed name, best first. */
export function suggestAgencies(db: Store, typed: string): AgencySuggestion[] {
  return nearestAgencies(typed, agenciesWithTasks(db)).map((a) => ({ agencyId: a.id, agency: a.name, locality: a.locality }));
}
