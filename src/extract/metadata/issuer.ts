/** The issuer: letterhead lines, else the title's "của …", else what annex pointers, closing and opening agree on. */
import type { DocumentModel, Span } from "../../../schemas/document.js";
import { foldForMatch } from "../../normalise/fold.js";
import { COMMUNE_UNITS, LOCALITY_UNITS, PARTY_COMMITTEES, SUBORDINATE_ORGANS, findAgencyNames, localityOf } from "../registries/agencies.js";
import { anyOf, escapeRegExp, LETTER_AFTER_NOT as NOT_WORD_AFTER, LETTER_BEFORE_NOT as NOT_WORD_BEFORE, lowerPhrase } from "../registries/phrase-pattern.js";
import { AnnexPointer } from "./annex-pointer.js";
import { COMMITTEE_LOCALITY, COMMITTEE_UNIT } from "./display-case.js";
import { Header } from "./letterhead.js";
import { CLOSING, Found, OPENING_VERB, lower } from "./shapes.js";
import { Folded, foldSpan } from "./text-window.js";
import { Title } from "./title.js";
import { appendAll } from "../../large-arrays.js";

export type Candidate = { name: string; span: Span; priority: number };

/**
 * Header agency lines decide; else the title's "của …" (completed with the body's full
 * name when it lacks a locality); else the names the annex pointers, the closing
 * "Trên đây là … của X" and the opening subject agree on most.
 */
export function chooseIssuer(doc: DocumentModel, body: Folded, header: Header, title: Title | null, annexes: AnnexPointer[]): Found<string> | null {
  if (header.own) return { value: composeIssuer(header.own.value, header.parent?.value ?? null), span: header.own.span };
  if (title?.of) {
    const span = title.text?.span ?? title.kindSpan;
    return localityOf(title.of) ? { value: title.of, span } : (completeFromBody(doc, body, title.of) ?? { value: title.of, span });
  }
  const candidates: Candidate[] = [];
  for (const a of annexes) if (a.issuer) candidates.push({ name: a.issuer.value, span: a.issuer.span, priority: 0 });
  appendAll(appendAll(candidates, closingIssuers(doc)), openingIssuers(doc, body));
  return vote(candidates);
}

/** "Ban Thường vụ" under "Đảng bộ xã X" → "Ban Thường vụ Đảng ủy xã X"; "Sở …" under "UBND tỉnh X" → "Sở … tỉnh X". */
export function composeIssuer(own: string, parent: string | null): string {
  const ownLower = lower(own);
  const committee = PARTY_COMMITTEES.find((p) => ownLower.startsWith(lower(p.organisation)));
  if (committee) return committeeName(own, committee);
  if (localityOf(own) || !parent) return own;
  const parentLower = lower(parent);
  // Organs of the Central Committee: "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TỔ CHỨC" → "Ban Tổ chức Trung ương".
  if (/^ban chấp hành trung ương$/u.test(parentLower)) return `${own} Trung ương`;
  const parentCommittee = PARTY_COMMITTEES.find((p) => parentLower.startsWith(lower(p.organisation)));
  const parentName = parentCommittee ? committeeName(parent, parentCommittee) : parent;
  if (SUBORDINATE_ORGANS.some((o) => ownLower === lower(o))) return `${own} ${parentName}`;
  const place = localityOf(parent);
  if (!place) return own;
  // "ĐẢNG ỦY XÃ" under "ĐẢNG BỘ XÃ PHÚ THỊNH": the level word is already the place's first word.
  const levelWord = place.split(/\s+/u)[0];
  const bare = ownLower.endsWith(` ${lower(levelWord)}`) ? own.slice(0, own.length - levelWord.length).trimEnd() : own;
  return `${bare} ${place}`;
}

export function committeeName(organisation: string, c: (typeof PARTY_COMMITTEES)[number]): string {
  return `${c.committee} ${organisation.slice(c.organisation.length).trim()}`.trim();
}

/** A body mention with the same head and a locality: "Ban Chỉ đạo … xã Phú Thịnh (sau đây gọi tắt là …)". */
export function completeFromBody(doc: DocumentModel, body: Folded, short: string): Found<string> | null {
  const head = lower(short).split(/\s+/).slice(0, 3).join(" ");
  for (const name of findAgencyNames(body.text, 0, body.text.length)) {
    const span = { start: body.base + name.start, end: body.base + name.end };
    const text = doc.text.slice(span.start, span.end).replace(/\s+/g, " ");
    if (lower(text).startsWith(head) && localityOf(text)) return { value: text, span };
  }
  return null;
}

export function closingIssuers(doc: DocumentModel): Candidate[] {
  const out: Candidate[] = [];
  for (const b of doc.blocks) {
    if (b.type !== "paragraph" || !CLOSING.test(b.text)) continue;
    const w = foldSpan(doc, b.span.start, b.span.end);
    const end = b.span.end - w.base;
    const names = findAgencyNames(w.text, b.span.start - w.base, end);
    const last = names[names.length - 1];
    if (!last || !/^[\s./]*$/u.test(w.text.slice(last.end, end)) || !/của\s+$/iu.test(w.text.slice(0, last.start))) continue;
    const span = { start: w.base + last.start, end: w.base + last.end };
    out.push({ name: doc.text.slice(span.start, span.end).replace(/\s+/g, " "), span, priority: 1 });
  }
  return out;
}

export function openingIssuers(doc: DocumentModel, body: Folded): Candidate[] {
  const out: Candidate[] = [];
  const bodyEnd = body.base + body.text.length;
  const blocks = doc.blocks.filter((b) => b.span.start >= body.base && b.span.start < bodyEnd && (b.type === "paragraph" || b.type === "list-item")).slice(0, 3);
  for (const b of blocks) {
    const end = Math.min(b.span.end, bodyEnd) - body.base;
    for (const name of findAgencyNames(body.text, b.span.start - body.base, end)) {
      const span = { start: body.base + name.start, end: body.base + name.end };
      const text = doc.text.slice(span.start, span.end).replace(/\s+/g, " ");
      if (localityOf(text) && OPENING_VERB.test(body.text.slice(name.end, Math.min(end, name.end + 120)))) out.push({ name: text, span, priority: 2 });
    }
  }
  return out;
}

/** The name most sources agree on (by spelling, "UBND" = "Ủy ban nhân dân"); ties go to the annex, then the closing. */
export function vote(candidates: Candidate[]): Found<string> | null {
  if (!candidates.length) return null;
  const key = (n: string) => lower(n).replace(/ủy ban nhân dân/gu, "ubnd").replace(/hội đồng nhân dân/gu, "hđnd").replace(/\s+/g, " ");
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) groups.set(key(c.name), [...(groups.get(key(c.name)) ?? []), c]);
  const ranked = [...groups.values()].map((g) => g.sort((a, b) => a.priority - b.priority)).sort((a, b) => b.length - a.length || a[0].priority - b[0].priority);
  const best = ranked[0][0];
  return { value: best.name, span: best.span };
}

export function localityFor(doc: DocumentModel, read: Folded[], issuer: string | null, parent: string | null, place: string | null): string | null {
  const fromNames = (issuer && localityOf(issuer)) || (parent && localityOf(parent));
  if (fromNames) return fromNames;
  // "Tỉnh ủy Thái Nguyên" belongs to "tỉnh Thái Nguyên".
  for (const name of [issuer, parent]) {
    const m = name ? COMMITTEE_LOCALITY.exec(foldForMatch(name)) : null;
    if (m) return `${COMMITTEE_UNIT[m[1].toLocaleLowerCase("vi")]} ${m[2]}`;
  }
  if (!place) return null;
  // "Phú Thịnh" in the date line; the text around says which unit it is: "xã Phú Thịnh" (a commune first).
  const re = new RegExp(`${NOT_WORD_BEFORE}(?:${anyOf([...COMMUNE_UNITS, ...LOCALITY_UNITS], lowerPhrase)})\\s+${escapeRegExp(foldForMatch(place))}${NOT_WORD_AFTER}`, "iu");
  for (const w of read) {
    const m = re.exec(w.text);
    if (m) return doc.text.slice(w.base + m.index, w.base + m.index + m[0].length).replace(/\s+/g, " ");
  }
  return null;
}
