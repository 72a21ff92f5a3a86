/**
 * Matching keys for Vietnamese text.
 *
 * `foldForMatch` returns a string of exactly the same length as its input, so a
 * span found in the folded text is a span of the original — no offset map is
 * needed between display text and match text. It unifies what authors write two
 * ways:
 *   - old/new tone placement at the end of a syllable: "hoà"→"hòa", "khoẻ"→"khỏe",
 *     "uỷ"→"ủy", "thuỷ"→"thủy" (not after q: "quý" stays), and the rare "qúy"→"quý";
 *   - the old spelling "quí" (a word of its own) → "quý" ("Quí IV-2025");
 *   - dashes and minus signs (‐ ‑ ‒ – — − ⁃) → "-";  curly quotes → straight;
 *   - NBSP and other spaces → " ".
 * Case is kept: match with the `iu` regex flags.
 *
 * `foldLoose` goes further for search keys and fuzzy agency matching: lower case,
 * no diacritics, đ→d (not length-preserving).
 */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;

function moveTone(from: string, to: string): [string, string] | null {
  const d = from.normalize("NFD");
  const tone = [...d].find((c) => TONES.test(c));
  if (!tone) return null;
  const bare = d.replace(tone, "").normalize("NFC");
  const toned = (to.normalize("NFD") + tone).normalize("NFC");
  if (bare.length !== 1 || toned.length !== 1) return null;
  return [bare, toned];
}

// o + toned a/e, u + toned y, at a syllable end, not after q. The second letter is
// one of the precomposed a/ă/â/e/ê/y with a tone (NFC): anything else is left as
// it is anyway, and listing them spares the replacer most "on", "ua", "ui"….
const OLD_STYLE = /(?<![qQ])([oOuU])([àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;
const QUY = /([qQ])([\p{L}])([yY])(?![\p{L}\p{M}])/gu;
const OLD_QUY = /(?<![\p{L}\p{M}])([qQ])([uU])([íÍ])(?![\p{L}\p{M}])/gu;
/**
 * Anything any rule below could change (a superset of their triggers: a toned letter
 * after o/u, a non-ASCII letter between q and y, "quí", a dash, quote or space to
 * unify). Most strings hold none: one scan returns them as they are, instead of seven.
 */
const MAY_FOLD = /[oOuU][àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆỲÝỶỸỴ]|[qQ][^\x00-\x7F][yY]|[qQ][uU][íÍ]|[\u2010-\u2015\u2212\u2043\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u00A0\u2000-\u200A\u202F\u205F\u3000]/u;

export function foldForMatch(s: string): string {
  if (!MAY_FOLD.test(s)) return s;
  let out = s.replace(OLD_STYLE, (m, v: string, second: string) => {
    const pairOk = /[oO]/.test(v) ? /^[aAeE]$/.test(base(second)) : /^[yY]$/.test(base(second));
    if (!pairOk) return m;
    const moved = moveTone(second, v);
    return moved ? moved[1] + moved[0] : m;
  });
  out = out.replace(QUY, (m, q: string, u: string, y: string) => {
    if (!/^[uU]$/.test(base(u)) || base(u) === u) return m;
    const moved = moveTone(u, y);
    return moved ? q + moved[0] + moved[1] : m;
  });
  return out
    .replace(OLD_QUY, (_m, q: string, u: string, i: string) => `${q}${u}${i === "í" ? "ý" : "Ý"}`)
    .replace(/[\u2010-\u2015\u2212\u2043]/g, "-")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " ");
}

function base(ch: string): string {
  return ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
}

export function foldLoose(s: string): string {
  return foldForMatch(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
