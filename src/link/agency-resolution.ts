/**
 * One canonical agency for the many ways a text writes it.
 *
 * "UBND xã", "Ủy ban Nhân dân xã", "Uỷ ban nhân dân xã Phú Thịnh" in documents of
 * Phú Thịnh are one body; "Văn phòng Đảng uỷ" of Phú Thịnh and of Phong Quang are
 * two. So an agency is (name with abbreviations expanded, tone placement and
 * dashes unified) × (the place it belongs to):
 *   - a name that names its place keeps it ("UBND tỉnh Thái Nguyên");
 *   - a name that ends in a bare level word gets the document's place appended
 *     ("UBND xã" in a Phú Thịnh document → "Ủy ban nhân dân xã Phú Thịnh");
 *   - any other name is a unit of the document's own locality ("Phòng Văn hóa -
 *     Xã hội" of Phú Thịnh), except departments (Sở → the province) and
 *     ministries (Bộ → national).
 * The matching key folds case and diacritics (foldLoose); the display name is the
 * smallest normalised spelling seen, so it does not depend on import order.
 */
import { AGENCY_ABBREVIATIONS, COMMUNE_UNITS, NAME_PART_EXPANSIONS, PROVINCE_UNIT } from "../extract/registries/agency-vocabulary.js";
import { foldForMatch, foldLoose } from "../normalise/fold.js";
import { findPlace, placeKey, type IdentityContext, type Place } from "./document-identity.js";

export type ResolvedAgency = {
  /** name_key@locality_key — the agency's identity. */
  key: string;
  /** The written form normalised: abbreviations expanded, place appended. */
  normalised: string;
  nameKey: string;
  localityKey: string;
  locality: string | null;
};

const BOUNDARY_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}])";
const BOUNDARY_AFTER = "(?![\\p{L}\\p{M}\\p{N}])";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Abbreviations are capitals; matched case-sensitively in documents so ordinary words are left alone.
const ABBREVIATIONS = Object.entries({ ...NAME_PART_EXPANSIONS, ...AGENCY_ABBREVIATIONS })
  .map(([short, long]) => [foldForMatch(short), long] as const)
  .sort((a, b) => b[0].length - a[0].length);
const ABBREVIATION_SOURCE = `${BOUNDARY_BEFORE}(${ABBREVIATIONS.map(([s]) => escape(s)).join("|")})${BOUNDARY_AFTER}`;
const ABBREVIATION_RE = new RegExp(ABBREVIATION_SOURCE, "gu");
const ABBREVIATION_ANY_CASE = new RegExp(ABBREVIATION_SOURCE, "giu");
const EXPANSION = new Map(ABBREVIATIONS.flatMap(([short, long]) => [[short, long], [short.toLowerCase(), long]] as const));

const BARE_LEVEL_AT_END = new RegExp(`(?<![\\p{L}\\p{M}])(${[...COMMUNE_UNITS, PROVINCE_UNIT].map(escape).join("|")})$`, "iu");
const PLURAL_OR_GENERIC_BEFORE = /(?<![\p{L}\p{M}])(các|cấp|mọi|những)\s+\S+$/iu;

/** `anyCase`: for what a person types ("phòng vh-xh"), where a lower-case abbreviation is still one. */
export function expandAbbreviations(s: string, anyCase = false): string {
  return s.replace(anyCase ? ABBREVIATION_ANY_CASE : ABBREVIATION_RE, (m) => EXPANSION.get(m) ?? EXPANSION.get(m.toLowerCase()) ?? m);
}

export function normaliseAgencyName(written: string, anyCase = false): string {
  const s = expandAbbreviations(foldForMatch(written.normalize("NFC")), anyCase)
    .replace(/\s+/g, " ")
    .replace(/\s*-\s*/g, " - ")
    .replace(/^[\s,.;:–-]+|[\s,.;:–-]+$/g, "")
    .trim();
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

export function resolveAgency(written: string, ctx: IdentityContext): ResolvedAgency {
  let normalised = normaliseAgencyName(written);
  const named = findPlace(normalised);
  let locality: Place | null;
  if (named?.name) {
    locality = named;
  } else if (BARE_LEVEL_AT_END.test(normalised) && !PLURAL_OR_GENERIC_BEFORE.test(normalised)) {
    const level = normalised.toLowerCase().endsWith(PROVINCE_UNIT) ? "province" : "commune";
    locality = level === "province" ? ctx.province : ctx.locality?.level === "commune" ? ctx.locality : null;
    if (locality?.name) normalised = `${normalised} ${locality.name}`;
  } else if (/^Sở(?![\p{L}])/u.test(normalised)) {
    locality = ctx.province;
  } else if (/^Bộ(?![\p{L}])/u.test(normalised)) {
    locality = null;
    return finish(normalised, "", null);
  } else {
    locality = ctx.locality;
  }
  return finish(normalised, placeKey(locality) ?? "?", locality?.name ?? null);
}

function finish(normalised: string, localityKey: string, locality: string | null): ResolvedAgency {
  const nameKey = foldLoose(normalised);
  return { key: `${nameKey}@${localityKey}`, normalised, nameKey, localityKey, locality };
}
