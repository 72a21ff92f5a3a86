// PLACEHOLDER (UTF-8 only) — to be replaced by the full legacy-encoding decoder.
export type DecodedText = { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni"; confidence: number };
export function decodeVietnameseText(bytes: Uint8Array): DecodedText {
  return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", confidence: 1 };
}
