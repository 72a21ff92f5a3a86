/**
 * Which stored document a code means.
 *
 * A code identifies a document only together with its issuer and year: numbers
 * restart every year and every commune writes "41-KH/ĐU". So:
 *   - national codes (57-NQ/TW, 71/NQ-CP, 02-KH/BCĐTW, 72/2025/QH15 — the issuer
 *     registry decides) are unique by code alone: key "57-NQ/TW||";
 *   - local codes (…/ĐU, …-UBND, …/BCĐ, …/TU, …/CQTT) are scoped by a place:
 *     key "41-KH/ĐU|commune:phu thinh|2026". The place comes from the issuer the
 *     citation names ("của Đảng ủy xã Phú Thịnh", "của UBND tỉnh Thái Nguyên"),
 *     else from the citing document (its commune, or its province for provincial
 *     issuer codes such as TU);
 *   - a document whose number is blank (a draft) is keyed by symbol, place, date
 *     and title (its file's sha256 when it has no title).
 * The year is part of a local key when known; how a citation without a date finds
 * its year is the store's business (ingest.ts, group resolution).
 */
import { createHash } from "node:crypto";
import type { Extraction } from "../../schemas/extraction.js";
import { issuerCode, isNationalSymbol, symbolIssuer } from "../extract/registries/issuers.js";
import { foldForMatch, foldLoose } from "../normalise/fold.js";

export type PlaceLevel = "commune" | "district" | "province";

/** A place an issuer belongs to; `name` null when only the level is written ("UBND tỉnh"). */
export type Place = { level: PlaceLevel; name: string | null };

export type IdentityContext = {
  /** The citing document's own place (commune, or province for a provincial document). */
  locality: Place | null;
  province: Place | null;
  district: Place | null;
  /** Year of the citing document's date. */
  year: number | null;
};

export type Identity = {
  key: string;
  /** Normalised code for matching; null for drafts. */
  codeKey: string | null;
  /** "" for national codes, "commune:phu thinh", "province:thai nguyen", "?" when unknown. */
  scope: string;
  /** Year in the key; null for national codes and undated local ones. */
  year: number | null;
  national: boolean;
  /** A draft's title, folded to its words (draftTitleWords): how a copy read with OCR misreads is still found. */
  draftTitle?: string;
};

// Longest first so "thị xã" wins over "xã".
const LEVEL_WORDS: [string, PlaceLevel][] = [
  ["thị trấn", "commune"], ["đặc khu", "commune"], ["phường", "commune"], ["thị xã", "district"], ["xã", "commune"],
  ["huyện", "district"], ["quận", "district"], ["thành phố", "province"], ["tỉnh", "province"],
];
const LEVEL_RE = new RegExp(`(?<![\\p{L}\\p{M}])(${LEVEL_WORDS.map(([w]) => w).join("|")})(?![\\p{L}\\p{M}])`, "gu");
const LEVEL_OF = new Map(LEVEL_WORDS);
// A proper name: capitalised words ("Phú Thịnh", "PHÚ THỊNH"), or a ward number ("Phường 3").
const NAME_RE = /[ \t]+(\d+(?![\p{L}])|\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){0,3})/uy;
// "xã hội" is society, not a commune; "tỉnh ủy" is the province's Party committee.
const NOT_A_PLACE_AFTER = /^[ \t]+hội(?![\p{L}])/u;
const COMMITTEE_AFTER = /^[ \t]+ủy(?![\p{L}])/u;

/** The first place an issuer text names ("UBND xã Phú Thịnh" → commune Phú Thịnh), or its level alone. */
export function findPlace(text: string | null | undefined): Place | null {
  if (!text) return null;
  const s = foldForMatch(text);
  const lower = s.toLowerCase();
  let levelOnly: Place | null = null;
  for (const m of lower.matchAll(LEVEL_RE)) {
    const level = LEVEL_OF.get(m[1])!;
    let after = m.index! + m[0].length;
    if (NOT_A_PLACE_AFTER.test(lower.slice(after))) continue;
    const committee = COMMITTEE_AFTER.exec(lower.slice(after));
    if (committee) after += committee[0].length;
    NAME_RE.lastIndex = after;
    const name = NAME_RE.exec(s);
    if (name) return { level, name: displayName(name[1]) };
    levelOnly ??= { level, name: null };
  }
  return levelOnly;
}

function displayName(name: string): string {
  const words = name.trim().split(/\s+/);
  // Headers shout ("XÃ PHÚ THỊNH"); names are stored as written in running text.
  return words.map((w) => (w === w.toUpperCase() && w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w)).join(" ");
}

export function placeKey(place: Place | null): string | null {
  return place?.name ? `${place.level}:${foldLoose(place.name)}` : null;
}

/** Spaces dropped, dashes unified, capitals, leading zeros of the number dropped ("06-KH/BCĐ" = "6-KH/BCĐ"). */
export function codeKey(code: string): string {
  return foldForMatch(code.normalize("NFC")).replace(/\s+/g, "").toUpperCase().replace(/^0+(?=\d)/, "");
}

/** The code's own year ("30/2020/NĐ-CP" → 2020), if it carries one. */
function yearInCode(code: string): number | null {
  const m = /^\d+\/((?:19|20)\d\d)\//.exec(code.replace(/\s+/g, ""));
  return m ? Number(m[1]) : null;
}

/** Which level of body writes this issuer code, for citations that do not name the issuer. */
function issuerCodeLevel(code: string): PlaceLevel | "own" {
  const issuer = symbolIssuer(code);
  if (!issuer) return "own";
  if (/^(HU|QU)$/u.test(issuer)) return "district";
  if (/TU$/u.test(issuer) || issuer === "CQTT" || issuer === "CAT" || issuerCode(issuer)?.name === "Sở") return "province";
  return "own";
}

export function identityContext(x: Extraction): IdentityContext {
  const meta = x.document;
  const year = yearOf(meta.date);
  const own = [meta.issuer, meta.locality, meta.parentIssuer].map(findPlace);
  const named = own.filter((p): p is Place => Boolean(p?.name));
  const province =
    named.find((p) => p.level === "province") ?? mostCommonProvince(x.references.map((r) => findPlace(r.issuer)));
  const district = named.find((p) => p.level === "district") ?? null;
  let locality = named.find((p) => p.level !== "district") ?? null;
  if (!locality && meta.place) {
    // The place in the date line has no level word; the document's own issuer code tells which.
    const level = meta.code && issuerCodeLevel(meta.code) === "province" ? "province" : own[0]?.level === "province" ? "province" : "commune";
    locality = level === "province" ? province ?? { level, name: meta.place } : { level, name: meta.place };
  }
  if (locality?.level === "province" && province && !locality.name) locality = province;
  return { locality, province, district, year };
}

function mostCommonProvince(places: (Place | null)[]): Place | null {
  const counts = new Map<string, { place: Place; n: number }>();
  for (const p of places) {
    if (p?.level !== "province" || !p.name) continue;
    const k = foldLoose(p.name);
    const c = counts.get(k) ?? { place: p, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  // Ties go to the alphabetically first name so the choice never depends on order.
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))[0]?.[1].place ?? null;
}

export function yearOf(date: string | null | undefined): number | null {
  return date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null;
}

function scopeFor(code: string, issuerWritten: string | null | undefined, ctx: IdentityContext): string {
  const written = findPlace(issuerWritten);
  const named = placeKey(written);
  if (named) return named;
  const level = written?.level ?? issuerCodeLevel(code);
  const place = level === "province" ? ctx.province : level === "district" ? ctx.district : ctx.locality;
  return placeKey(place) ?? (level === "province" ? "province:?" : "?");
}

/** The identity of the document an extraction describes. */
export function ownIdentity(x: Extraction, ctx: IdentityContext): Identity {
  const code = x.document.code?.trim() || null;
  const localityScope = placeKey(ctx.locality) ?? "?";
  if (!code) {
    const draftTitle = draftTitleWords(x.document.title);
    return { key: draftKey(x, localityScope), codeKey: null, scope: localityScope, year: ctx.year, national: false, ...(draftTitle ? { draftTitle } : {}) };
  }
  return cited(code, x.document.issuer, x.document.date, ctx);
}

/**
 * A draft ("Số: /KH-UBND") has no number to be known by. The same draft saved as
 * PDF and DOCX is still one document: it is known by its symbol, place, date and
 * title; only a draft with no title falls back to its file's content hash.
 */
function draftKey(x: Extraction, scope: string): string {
  const d = x.document;
  const title = draftTitleWords(d.title);
  if (!title) return `draft|${x.source.sha256}`;
  return `${draftFamily(d.symbol ?? d.kind ?? "", scope, d.date)}|${createHash("sha1").update(title).digest("hex").slice(0, 16)}`;
}

/** The part of a draft's key before its title: symbol, place and date, which OCR reads right or not at all. */
function draftFamily(symbol: string, scope: string, date: string | null | undefined): string {
  return `draft|${foldLoose(symbol)}|${scope}|${date ?? ""}`;
}

/** A title's words, folded (case, diacritics, đ) and joined with one space; "" for none. */
export function draftTitleWords(title: string | null | undefined): string {
  return title ? foldLoose(title).replace(/[^\p{L}\p{N}]+/gu, " ").trim() : "";
}

/** Titles shorter than this say too little to tell two drafts apart by. */
const MIN_DRAFT_TITLE_WORDS = 6;
const SAME_DRAFT_SHARE = 0.8;

/**
 * Two drafts of one family (same symbol, place and date) are one document when
 * most words of the shorter title are in the longer one: a scan read by OCR
 * misreads a letter here and there ("Phượng" as "Phương") or cuts the title
 * short where a line was lost, but keeps most of it; its numbers must all be
 * there. Both in draftTitleWords form.
 */
export function sameDraftTitle(a: string, b: string): boolean {
  const wa = a.split(" ").filter(Boolean);
  const wb = new Set(b.split(" ").filter(Boolean));
  const shorter = Math.min(wa.length, wb.size);
  if (shorter < MIN_DRAFT_TITLE_WORDS) return a === b;
  // Numbers tell plans of one template apart ("… Nghị quyết 57" and "… Nghị quyết 58"): those of the shorter title must all be in the other.
  const [short, long] = wa.length <= wb.size ? [wa, wb] : [b.split(" ").filter(Boolean), new Set(wa)];
  if (short.some((w) => /\d/.test(w) && !long.has(w))) return false;
  const shared = new Set(wa.filter((w) => wb.has(w))).size;
  return shared >= SAME_DRAFT_SHARE * shorter;
}

/** The identity of a document a citation names. */
export function citedIdentity(code: string, issuer: string | null | undefined, date: string | null | undefined, ctx: IdentityContext): Identity {
  return cited(code, issuer, date, ctx);
}

function cited(code: string, issuer: string | null | undefined, date: string | null | undefined, ctx: IdentityContext): Identity {
  const key = codeKey(code);
  if (isNationalSymbol(code)) return { key: groupKey(key, "", null), codeKey: key, scope: "", year: null, national: true };
  const scope = scopeFor(code, issuer, ctx);
  const year = yearInCode(code) ?? yearOf(date);
  return { key: groupKey(key, scope, year), codeKey: key, scope, year, national: false };
}

export function groupKey(codeKey: string, scope: string, year: number | null): string {
  return `${codeKey}|${scope}|${year ?? ""}`;
}
