/**
 * Vietnamese syllable shapes, to tell a word that a PDF cut in two ("ĐIỀ U",
 * "Phò⏎ng" in a narrow table column) from two real words ("cán bộ").
 *
 * Vietnamese writes one syllable per word, so a fragment is suspect when it is
 * not a possible syllable on its own ("ĐIỀ": "iê" needs a final consonant) or
 * holds no vowel at all ("ng", "m"), and the two pieces together are one.
 */

const ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];

// Rhymes without tone marks: medial + nucleus + final as Vietnamese spelling allows.
const RHYMES = new Set(
  (
    "a ai ao au ay ac ach am an ang anh ap at " +
    "ăc ăm ăn ăng ăp ăt " +
    "âc âm ân âng âp ât âu ây " +
    "e ec em en eng eo ep et " +
    "ê êch êm ên ênh êp êt êu " +
    "i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu " +
    "o oc oi om on ong op ot oong ooc " +
    "ô ôc ôi ôm ôn ông ôp ôt " +
    "ơ ơi ơm ơn ơp ơt " +
    "u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt " +
    "ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu " +
    "y yêm yên yêng yêt yêu " +
    "oa oac oach oai oam oan oang oanh oap oat oay oăc oăm oăn oăng oăt oe oec oen oeo oet " +
    "uâ uân uâng uât uây uê uêch uênh uy uych uyn uynh uyp uyt uya uyên uyêt uyu uơ"
  ).split(" "),
);

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const STOP_FINAL = /(?:p|t|c|ch)$/;
const VOWEL = /[aăâeêioôơuưy]/;

/** Lower-case letters with tone marks removed, and the tone (or "" for level tone). */
function splitTone(word: string): { bare: string; tone: string } {
  const d = word.toLocaleLowerCase("vi").normalize("NFD");
  const tones = d.match(TONES) ?? [];
  return { bare: d.replace(TONES, "").normalize("NFC"), tone: tones.join("") };
}

export function isSyllable(word: string): boolean {
  if (!/^\p{L}+$/u.test(word)) return false;
  const { bare, tone } = splitTone(word);
  if (tone.length > 1) return false;
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    let rhyme = bare.slice(onset.length);
    // "gì", "gìn": the i of "gi" doubles as the vowel.
    if (onset === "gi" && (rhyme === "" || !VOWEL.test(rhyme[0]))) rhyme = "i" + rhyme;
    if (!RHYMES.has(rhyme)) continue;
    // Stop finals (p, t, c, ch) take only the sắc or nặng tone.
    if (STOP_FINAL.test(rhyme) && tone !== "" && tone !== "\u0301" && tone !== "\u0323") continue;
    return true;
  }
  return false;
}

const hasVowel = (word: string) => VOWEL.test(splitTone(word).bare);

/** Leading letters of a token ("ng," → "ng") and trailing letters ("35/K" → "K"). */
const leadingLetters = (s: string) => s.match(/^\p{L}+/u)?.[0] ?? "";
const trailingLetters = (s: string) => s.match(/\p{L}+$/u)?.[0] ?? "";

/**
 * Whether `left` + `right` is one syllable that was cut: together they make a
 * syllable, and one piece could not stand alone (no vowel, or not a syllable).
 */
export function isCutSyllable(left: string, right: string): boolean {
  const a = trailingLetters(left);
  const b = leadingLetters(right);
  if (!a || !b || a !== left.slice(left.length - a.length)) return false;
  // Case must run on: "Phò"+"ng", "ĐIỀ"+"U"; not "xã"+"Ủy".
  const upperA = a === a.toLocaleUpperCase("vi");
  const upperB = b === b.toLocaleUpperCase("vi");
  if (upperB && !upperA) return false;
  if (!isSyllable(a + b)) return false;
  return !isSyllable(a) || !isSyllable(b) || !hasVowel(b);
}

/** Both sides are ordinary words: a break between them is a normal word wrap. */
export function areWholeSyllables(left: string, right: string): boolean {
  const a = trailingLetters(left);
  const b = leadingLetters(right);
  return Boolean(a && b) && isSyllable(a) && isSyllable(b) && !isSyllable(a + b);
}

/**
 * A word that is no syllable but reads as several ("Pháttriển", "Kếhoạch"):
 * the syllables, fewest pieces first; null when it is not such a word. OCR and
 * tight PDF layouts drop the space between syllables; Vietnamese writes each
 * syllable apart, so the pieces are the words.
 */
export function splitGluedSyllables(word: string): string[] | null {
  if (word.length < 4 || !/^\p{L}+$/u.test(word) || isSyllable(word)) return null;
  // best[i]: fewest syllables covering word.slice(0, i), and where the last one starts.
  const best: { n: number; from: number }[] = [{ n: 0, from: -1 }];
  for (let i = 1; i <= word.length; i++) {
    best[i] = { n: Infinity, from: -1 };
    for (let j = Math.max(0, i - 7); j < i; j++)
      if (best[j].n + 1 < best[i].n && isSyllable(word.slice(j, i))) best[i] = { n: best[j].n + 1, from: j };
  }
  if (best[word.length].n === Infinity) return null;
  const out: string[] = [];
  for (let i = word.length; i > 0; i = best[i].from) out.unshift(word.slice(best[i].from, i));
  return out;
}
