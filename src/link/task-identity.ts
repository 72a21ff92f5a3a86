/**
 * Task identity across documents: two tasks (not a report's status rows) are one
 * task when they belong to the same place, fold to the same letters and digits,
 * and sit in two related documents of the same year — one cites the other, both
 * are versions of one document (same kind, issuer and title: a draft and the
 * signed plan, a re-issue), or both tasks name the same document among their
 * sources. Equal wording alone is not enough: every commune's plan carries
 * "Trang bị máy tính cấu hình tối thiểu…"; next year's plan repeating a standing
 * task is a new assignment.
 *
 * Pure: what the store knows (candidate tasks, citations, document facts, shared
 * sources) comes in as functions, so the rule is the same whichever backend asks.
 */
import { foldLoose } from "../normalise/fold.js";

/** Letters and digits of the folded text, one space apart: "Đảng uỷ, xã." → "dang uy xa". */
export function normText(text: string): string {
  let n = memo.get(text);
  if (n === undefined) {
    if (memo.size > 50_000) memo.clear();
    memo.set(text, (n = (foldLoose(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ")));
  }
  return n;
}
// Task wordings repeat across a commune's plans; folding is the costly part of comparing them.
const memo = new Map<string, string>();

/**
 * The key of the tasks that can be one task: same place, same year, same wording
 * (`normText`). The store keeps it beside each plan task (indexed), so finding a
 * task's candidates costs the same at any store size. The parts are joined by U+001F
 * (the unit separator): no wording holds it, and PostgreSQL's text, unlike SQLite's,
 * cannot hold the NUL that joined them before migration 9.
 */
export function sameTaskKey(locality: string, year: string, wording: string): string {
  return `${locality}\u001f${year}\u001f${wording}`;
}

export type TaskRef = { id: number; documentId: number };
export type IdentityTask = TaskRef & { text: string; locality: string | null; status: string | null };
export type IdentityDocumentFacts = { kind: string | null; issuer: string | null; title: string | null; year: string | null };

/** What the rule asks the store. */
export type TaskIdentityFacts = {
  /** [id, documentId, text, locality] of the dated plan tasks of these places with one of these wordings (normText). */
  candidates(localities: string[], wordings: string[]): [number, number, string, string][];
  /** Whether document `a` cites document `b`. */
  cites(a: number, b: number): boolean;
  documentFacts(id: number): IdentityDocumentFacts;
  /** Whether two tasks name the same document among their sources. */
  shareSource(a: number, b: number): boolean;
};

/** [task, peer] pairs for each of `tasks` (status rows excluded) and its versions in other documents. */
export function sameTasks(tasks: IdentityTask[], store: TaskIdentityFacts): [number, number][] {
  const mine = tasks.filter((v) => v.status === null && v.locality);
  if (!mine.length) return [];
  const wording = (locality: string, text: string) => `${locality}\u0000${normText(text)}`;
  const wanted = new Set(mine.map((v) => wording(v.locality!, v.text)));
  const byWording = new Map<string, TaskRef[]>();
  for (const [id, documentId, text, locality] of store.candidates([...new Set(mine.map((v) => v.locality!))], [...new Set(mine.map((v) => normText(v.text)))])) {
    const k = wording(locality, text);
    if (!wanted.has(k)) continue;
    const l = byWording.get(k);
    if (l) l.push({ id, documentId });
    else byWording.set(k, [{ id, documentId }]);
  }
  const facts = new Map<number, { identity: string | null; year: string | null }>();
  const factsOf = (id: number) => {
    let f = facts.get(id);
    if (!f) {
      const { kind, issuer, title, year } = store.documentFacts(id);
      f = { identity: kind && issuer && title ? `${kind}|${normText(issuer)}|${normText(title)}` : null, year };
      facts.set(id, f);
    }
    return f;
  };
  const documentsRelated = new Map<string, boolean>();
  const related = (a: TaskRef, b: TaskRef) => {
    const k = a.documentId < b.documentId ? `${a.documentId}:${b.documentId}` : `${b.documentId}:${a.documentId}`;
    const fa = factsOf(a.documentId), fb = factsOf(b.documentId);
    if (!fa.year || fa.year !== fb.year) return false;
    let c = documentsRelated.get(k);
    if (c === undefined) {
      c = store.cites(b.documentId, a.documentId) || store.cites(a.documentId, b.documentId) || (fa.identity !== null && fa.identity === fb.identity);
      documentsRelated.set(k, c);
    }
    return c || store.shareSource(a.id, b.id);
  };
  const out: [number, number][] = [];
  for (const v of mine)
    for (const p of byWording.get(wording(v.locality!, v.text)) ?? []) if (p.documentId !== v.documentId && related(v, p)) out.push([v.id, p.id]);
  return out;
}
