/**
 * Code tables for the legacy Vietnamese 8-bit encodings, as data.
 *
 * Kept apart from the decoder so that they are the single source of truth:
 * the decoder, the encoders and the fixture generator (scripts/make-fixtures,
 * through the encoders) all read them from here.
 */

/**
 * TCVN 5712:1993 "VN1" byte → Unicode, letters only (bytes not listed are
 * ASCII/Latin-1 as themselves).  Facts taken from glibc's TCVN5712-1
 * converter (`iconv -f TCVN5712-1`).
 *
 * The ABC fonts (.VnTime/.VnTimeH, what people call "TCVN3") use the VN3
 * subset of this table: the same codes for every lowercase letter and for
 * Ă Â Ê Ô Ơ Ư Đ, while a capital with a tone mark is typed with the lowercase
 * code in a .VnTimeH font.  VN1 adds those capitals at 0x80–0x9F, at a few
 * other free high codes and at control codes in 0x01–0x17 that plain text
 * does not otherwise use; 0xB0–0xB4 are the five combining tone marks.
 */
export const TCVN3_TO_UNICODE: Readonly<Record<number, string>> = {
  0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ",
  0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ", 0x80: "À", 0x81: "Ả", 0x82: "Ã", 0x83: "Á",
  0x84: "Ạ", 0x85: "Ặ", 0x86: "Ậ", 0x87: "È", 0x88: "Ẻ", 0x89: "Ẽ", 0x8a: "É", 0x8b: "Ẹ",
  0x8c: "Ệ", 0x8d: "Ì", 0x8e: "Ỉ", 0x8f: "Ĩ", 0x90: "Í", 0x91: "Ị", 0x92: "Ò", 0x93: "Ỏ",
  0x94: "Õ", 0x95: "Ó", 0x96: "Ọ", 0x97: "Ộ", 0x98: "Ờ", 0x99: "Ở", 0x9a: "Ỡ", 0x9b: "Ớ",
  0x9c: "Ợ", 0x9d: "Ù", 0x9e: "Ủ", 0x9f: "Ũ", 0xa1: "Ă", 0xa2: "Â", 0xa3: "Ê", 0xa4: "Ô",
  0xa5: "Ơ", 0xa6: "Ư", 0xa7: "Đ", 0xa8: "ă", 0xa9: "â", 0xaa: "ê", 0xab: "ô", 0xac: "ơ",
  0xad: "ư", 0xae: "đ", 0xaf: "Ằ", 0xb0: "\u0300", 0xb1: "\u0309", 0xb2: "\u0303", 0xb3: "\u0301", 0xb4: "\u0323",
  0xb5: "à", 0xb6: "ả", 0xb7: "ã", 0xb8: "á", 0xb9: "ạ", 0xba: "Ẳ", 0xbb: "ằ", 0xbc: "ẳ",
  0xbd: "ẵ", 0xbe: "ắ", 0xbf: "Ẵ", 0xc0: "Ắ", 0xc1: "Ầ", 0xc2: "Ẩ", 0xc3: "Ẫ", 0xc4: "Ấ",
  0xc5: "Ề", 0xc6: "ặ", 0xc7: "ầ", 0xc8: "ẩ", 0xc9: "ẫ", 0xca: "ấ", 0xcb: "ậ", 0xcc: "è",
  0xcd: "Ể", 0xce: "ẻ", 0xcf: "ẽ", 0xd0: "é", 0xd1: "ẹ", 0xd2: "ề", 0xd3: "ể", 0xd4: "ễ",
  0xd5: "ế", 0xd6: "ệ", 0xd7: "ì", 0xd8: "ỉ", 0xd9: "Ễ", 0xda: "Ế", 0xdb: "Ồ", 0xdc: "ĩ",
  0xdd: "í", 0xde: "ị", 0xdf: "ò", 0xe0: "Ổ", 0xe1: "ỏ", 0xe2: "õ", 0xe3: "ó", 0xe4: "ọ",
  0xe5: "ồ", 0xe6: "ổ", 0xe7: "ỗ", 0xe8: "ố", 0xe9: "ộ", 0xea: "ờ", 0xeb: "ở", 0xec: "ỡ",
  0xed: "ớ", 0xee: "ợ", 0xef: "ù", 0xf0: "Ỗ", 0xf1: "ủ", 0xf2: "ũ", 0xf3: "ú", 0xf4: "ụ",
  0xf5: "ừ", 0xf6: "ử", 0xf7: "ữ", 0xf8: "ứ", 0xf9: "ự", 0xfa: "ỳ", 0xfb: "ỷ", 0xfc: "ỹ",
  0xfd: "ý", 0xfe: "ỵ", 0xff: "Ố",
};

/**
 * Windows-1252 punctuation that Word wrote into .VnTime documents at codes
 * which VN1 gives to capitals (0x93 is both “ and Ỏ).  The decoder picks one
 * reading per occurrence from the neighbouring letters.
 */
export const TCVN3_PUNCTUATION: Readonly<Record<number, string>> = {
  0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
};

/**
 * Windows-1252 at 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined).
 * VNI-Windows fonts keep the Windows punctuation there.
 */
export const CP1252_HIGH: Readonly<Record<number, string>> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ",
  0x89: "‰", 0x8a: "Š", 0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“",
  0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›",
  0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

/**
 * VNI-Windows: a letter is an ASCII base letter followed by one mark byte
 * (tone, circumflex or breve, or circumflex/breve together with a tone);
 * ơ ư đ ỵ and i-with-tone are single bytes.  Capitals take the capital forms
 * of the mark bytes.  Keys are the byte sequences read as Latin-1, values the
 * precomposed letters.
 */
export const VNI_TO_UNICODE: Readonly<Record<string, string>> = {
  "aø": "à", "aù": "á", "aû": "ả", "aõ": "ã", "aï": "ạ", "eø": "è", "eù": "é", "eû": "ẻ",
  "eõ": "ẽ", "eï": "ẹ", "oø": "ò", "où": "ó", "oû": "ỏ", "oõ": "õ", "oï": "ọ", "uø": "ù",
  "uù": "ú", "uû": "ủ", "uõ": "ũ", "uï": "ụ", "yø": "ỳ", "yù": "ý", "yû": "ỷ", "yõ": "ỹ",
  "aâ": "â", "aà": "ầ", "aá": "ấ", "aå": "ẩ", "aã": "ẫ", "aä": "ậ", "eâ": "ê", "eà": "ề",
  "eá": "ế", "eå": "ể", "eã": "ễ", "eä": "ệ", "oâ": "ô", "oà": "ồ", "oá": "ố", "oå": "ổ",
  "oã": "ỗ", "oä": "ộ", "aê": "ă", "aè": "ằ", "aé": "ắ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ",
  "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ô": "ơ", "ö": "ư", "ôø": "ờ",
  "öø": "ừ", "ôù": "ớ", "öù": "ứ", "ôû": "ở", "öû": "ử", "ôõ": "ỡ", "öõ": "ữ", "ôï": "ợ",
  "öï": "ự", "î": "ỵ", "ñ": "đ", "AØ": "À", "AÙ": "Á", "AÛ": "Ả", "AÕ": "Ã", "AÏ": "Ạ",
  "EØ": "È", "EÙ": "É", "EÛ": "Ẻ", "EÕ": "Ẽ", "EÏ": "Ẹ", "OØ": "Ò", "OÙ": "Ó", "OÛ": "Ỏ",
  "OÕ": "Õ", "OÏ": "Ọ", "UØ": "Ù", "UÙ": "Ú", "UÛ": "Ủ", "UÕ": "Ũ", "UÏ": "Ụ", "YØ": "Ỳ",
  "YÙ": "Ý", "YÛ": "Ỷ", "YÕ": "Ỹ", "AÂ": "Â", "AÀ": "Ầ", "AÁ": "Ấ", "AÅ": "Ẩ", "AÃ": "Ẫ",
  "AÄ": "Ậ", "EÂ": "Ê", "EÀ": "Ề", "EÁ": "Ế", "EÅ": "Ể", "EÃ": "Ễ", "EÄ": "Ệ", "OÂ": "Ô",
  "OÀ": "Ồ", "OÁ": "Ố", "OÅ": "Ổ", "OÃ": "Ỗ", "OÄ": "Ộ", "AÊ": "Ă", "AÈ": "Ằ", "AÉ": "Ắ",
  "AÚ": "Ẳ", "AÜ": "Ẵ", "AË": "Ặ", "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
  "Ô": "Ơ", "Ö": "Ư", "ÔØ": "Ờ", "ÖØ": "Ừ", "ÔÙ": "Ớ", "ÖÙ": "Ứ", "ÔÛ": "Ở", "ÖÛ": "Ử",
  "ÔÕ": "Ỡ", "ÖÕ": "Ữ", "ÔÏ": "Ợ", "ÖÏ": "Ự", "Î": "Ỵ", "Ñ": "Đ",
};
