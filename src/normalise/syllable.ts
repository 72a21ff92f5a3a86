/**
 * The Vietnamese syllable grammar, the one place that knows which letter
 * strings can be a syllable.
 *
 * Vietnamese writes one syllable per word: onset consonant(s), a rhyme
 * (medial glide + vowel nucleus + final consonant, as the spelling allows)
 * and at most one tone mark. Two users ask it different questions:
 * - PDF line joining: is "ĐIỀ" a word, or half of "ĐIỀU" cut by a column?
 * - legacy-encoding detection: does this decoding read like Vietnamese,
 *   including the tone mark sitting on the right vowel ("cáu", not "caú")?
 *
 * `parseSyllable(word)` answers with the parts (or null); results are cached
 * because text repeats the same few thousand syllables.
 */

const ONSETS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

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
    "oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oec oen oeo oet " +
    "uâ uân uâng uât uây uê uêch uênh uy uych uyn uynh uyp uyt uya uyên uyêt uyu uơ"
  ).split(" "),
);

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
const FINAL = /(?:ch|ng|nh|[cmnpt])$/u;
const STOP_FINAL = /(?:p|t|c|ch)$/u;
const VOWEL = /[aăâeêioôơuưy]/u;
const LETTERS = /^\p{L}+$/u;
const CLUSTER = /\P{M}\p{M}*/gu;

export type Syllable = {
  onset: string;
  /** Medial + nucleus, tone-less and lower-case ("oa" in "hoạch"). */
  vowels: string;
  final: string;
  /** The combining tone mark, "" for the level tone. */
  tone: string;
  /** Index in `vowels` of the letter carrying the tone (-1 for the level tone; out of range when on a consonant). */
  toneAt: number;
};

const cache = new Map<string, Syllable | null>();
const CACHE_LIMIT = 50_000;

/** The parts of `word` (NFC, any case) as one Vietnamese syllable, or null. */
export function parseSyllable(word: string): Syllable | null {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const parsed = parse(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, parsed);
  return parsed;
}

export const isSyllable = (word: string): boolean => parseSyllable(word) !== null;

/** Whether the word holds a vowel letter at all ("ng", "m" do not). */
export const hasVowelLetter = (word: string): boolean => VOWEL.test(word.toLowerCase().normalize("NFD"));

function parse(word: string): Syllable | null {
  if (!LETTERS.test(word)) return null;
  let bare = "";
  let tone = "";
  let toneLetter = -1;
  let letters = 0;
  for (const [cluster] of word.toLowerCase().normalize("NFD").matchAll(CLUSTER)) {
    const mark = TONE.exec(cluster)?.[0];
    if (mark !== undefined) {
      if (tone !== "" || cluster.replace(mark, "").match(TONE)) return null;
      tone = mark;
      toneLetter = letters;
    }
    bare += (mark === undefined ? cluster : cluster.replace(mark, "")).normalize("NFC");
    letters++;
  }
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    let rhyme = bare.slice(onset.length);
    let start = onset.length;
    // "gì", "gìn": the i of "gi" doubles as the vowel.
    if (onset === "gi" && (rhyme === "" || !VOWEL.test(rhyme[0]))) {
      rhyme = "i" + rhyme;
      start--;
    }
    if (!RHYMES.has(rhyme)) continue;
    // Stop finals (p, t, c, ch) take only the sắc or nặng tone.
    if (STOP_FINAL.test(rhyme) && tone !== "" && tone !== "\u0301" && tone !== "\u0323") continue;
    const final = FINAL.exec(rhyme)?.[0] ?? "";
    const vowels = rhyme.slice(0, rhyme.length - final.length);
    return { onset, vowels, final, tone, toneAt: toneLetter < 0 ? -1 : toneLetter - start };
  }
  return null;
}

/**
 * Whether the tone mark sits where Vietnamese spelling puts it: on the last
 * vowel with a circumflex/breve/horn; else on the last vowel of a closed
 * syllable; else on the first of two (either one in oa/oe/uy, old and new
 * style) or the middle of three. A level tone is always in place.
 */
export function hasRegularTonePlacement({ vowels, final, tone, toneAt }: Syllable): boolean {
  if (tone === "") return true;
  const chars = [...vowels];
  if (toneAt < 0 || toneAt >= chars.length) return false;
  const modified = chars.map((v) => "ăâêôơư".includes(v));
  if (modified.includes(true)) return toneAt === modified.lastIndexOf(true);
  if (final !== "" || chars.length === 1) return toneAt === chars.length - 1;
  if (chars.length === 2) return toneAt === 0 || ["oa", "oe", "uy"].includes(vowels);
  return toneAt === 1;
}
