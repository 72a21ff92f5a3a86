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

type Candidates = { version: string; names: { id: number; words: string }[]; aliases: { id: number; written: string; words: string }[] };

/** Per connection: what the store names its agencies, with the words matched on. */
const kept = new WeakMap<Store, Candidates>();

/**
 * The names and aliases with their `agencyWords`, read and normalised again only when
 * the store changed (PRAGMA data_version: another connection committed; total_changes():
 * this one wrote; a PostgreSQL connection, which cannot know what other machines
 * committed, reads them every time). Names repeat across places ("Văn phòng Đảng ủy" in every commune):
 * each is normalised once. Reading and normalising them was most of a `tasks --agency`.
 */
function candidates(db: Store): Candidates {
  const version = `${db.pragma("data_version", { simple: true })}/${prepared(db, "SELECT total_changes()").pluck().get()}`;
  const known = kept.get(db);
  if (known?.version === version) return known;
  const words = new Map<string, string>();
  const wordsOf = (name: string) => words.get(name) ?? words.set(name, agencyWords(name)).get(name)!;
  const aliases = prepared(db, "SELECT agency_id AS id, written, normalised FROM agency_aliases").all() as { id: number; written: string; normalised: string }[];
  const fresh: Candidates = {
    version,
    names: agenciesWithTasks(db).map((a) => ({ id: a.id, words: wordsOf(a.name) })),
    aliases: aliases.map((a) => ({ id: a.id, written: a.written, words: wordsOf(a.normalised) })),
  };
  kept.set(db, fresh);
  return fresh;
}

/** Ids of the agencies whose name or a written alias the typed name matches (or an alias exactly as typed). */
export function agenciesMatching(db: Store, typed: string): number[] {
  const words = agencyWords(typed, true);
  if (!words) throw new StoreError("store.agencyEmpty");
  const { names, aliases } = candidates(db);
  const ids = new Set(names.filter((a) => wordsMatch(words, a.words)).map((a) => a.id));
  for (const a of aliases) if (a.written === typed || wordsMatch(words, a.words)) ids.add(a.id);
  return [...ids].sort((a, b) => a - b);
}

/** The agencies with tasks nearest the typed name, best first. */
export function suggestAgencies(db: Store, typed: string): AgencySuggestion[] {
  return nearestAgencies(typed, agenciesWithTasks(db)).map((a) => ({ agencyId: a.id, agency: a.name, locality: a.locality }));
}
