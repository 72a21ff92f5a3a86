/**
 * The message catalogues: the same keys in Vietnamese and English with the same
 * placeholders, the language chosen as the brief says (--lang, then LC_ALL,
 * LC_MESSAGES, LANG), errors carried as keys and said in the chosen language,
 * commander's English error lines said again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { commanderErrorLine } from "../src/cli/program-language.js";
import { titleWithKind } from "../src/i18n/document-title.js";
import { CATALOGUES, languageFrom, localise, render, setLanguage, VanbanError } from "../src/i18n/index.js";
import { openStore, resolveDocument } from "../src/store/index.js";
import { ingest, tempDb, world } from "./store-fixtures.js";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => setLanguage("vi"));

describe("message catalogues", () => {
  it("have the same keys, each with the same placeholders, none empty", () => {
    const { vi, en } = CATALOGUES;
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
      expect(vi[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
    }
  });

  it("Vietnamese texts are NFC and differ from the English ones where words are said", () => {
    const { vi, en } = CATALOGUES;
    for (const text of Object.values(vi)) expect(text.normalize("NFC")).toBe(text);
    // Codes and symbols may be the same in both ("id", "sha256"); sentences may not.
    const same = Object.keys(vi).filter((k) => vi[k as keyof typeof vi] === en[k as keyof typeof vi] && /\s\p{L}+\s/u.test(vi[k as keyof typeof vi]));
    expect(same).toEqual([]);
  });
});

describe("language", () => {
  it("is Vietnamese unless --lang en or an English locale asks otherwise", () => {
    expect(languageFrom([], {})).toBe("vi");
    expect(languageFrom([], { LANG: "C.UTF-8" })).toBe("vi");
    expect(languageFrom([], { LANG: "vi_VN.UTF-8" })).toBe("vi");
    expect(languageFrom([], { LANG: "en_US.UTF-8" })).toBe("en");
    expect(languageFrom([], { LANG: "en_US.UTF-8", LC_ALL: "vi_VN.UTF-8" })).toBe("vi");
    expect(languageFrom([], { LANG: "vi_VN.UTF-8", LC_MESSAGES: "en_GB.UTF-8" })).toBe("en");
    expect(languageFrom([], { LANG: "en_US.UTF-8", LC_ALL: "" })).toBe("en");
    expect(languageFrom(["node", "vanban", "--lang", "en"], { LANG: "vi_VN.UTF-8" })).toBe("en");
    expect(languageFrom(["node", "vanban", "--lang=vi"], { LANG: "en_US.UTF-8" })).toBe("vi");
  });
});

describe("errors as keys", () => {
  it("a store error is said in the chosen language; its message stays English for logs", () => {
    const db = openStore(tempDb());
    for (const x of world) ingest(db, x);
    let caught: unknown;
    try {
      resolveDocument(db, "41-KH/ĐU");
    } catch (e) {
      caught = e;
    }
    db.close();
    expect(caught).toBeInstanceOf(VanbanError);
    expect((caught as Error).message).toBe("no document matches 41-KH/ĐU — add --issuer (2 communes use this code: Phong Quang, Phú Thịnh)");
    expect(localise(caught)).toBe("có nhiều văn bản số hiệu 41-KH/ĐU — thêm --issuer (2 xã, phường dùng số hiệu này: Phong Quang, Phú Thịnh)");
    setLanguage("en");
    expect(localise(caught)).toBe((caught as Error).message);
  });

  it("a nested message is rendered in the same language; an unknown placeholder stays visible", () => {
    expect(render("vi", "store.failedToImport", { doc: "a.pdf", error: { key: "store.unknownError" } })).toBe("a.pdf nhập bị lỗi: lỗi không rõ");
    expect(render("en", "store.failedToImport", { doc: "a.pdf", error: { key: "store.unknownError" } })).toBe("a.pdf failed to import: unknown error");
    expect(render("vi", "store.noDocumentMatches")).toBe("không có văn bản nào có số hiệu {code}");
  });

  it("commander's English error lines are said again, with the suggestion", () => {
    expect(commanderErrorLine("error: unknown command 'citng'\n(Did you mean citing?)\n")).toBe("lỗi: không có lệnh citng (có phải ý bạn là citing?)\n");
    expect(commanderErrorLine("error: missing required argument 'code'\n")).toBe("lỗi: thiếu tham số code\n");
    // A refused value: option-values.ts already named the option and the value; commander's prefix goes.
    expect(commanderErrorLine("error: option '--port <n>' argument 'x' is invalid. --port x: cần một số nguyên từ 0 đến 65535\n"))
      .toBe("lỗi: --port x: cần một số nguyên từ 0 đến 65535\n");
    setLanguage("en");
    expect(commanderErrorLine("error: unknown option '--bogus'\n")).toBe("error: unknown option --bogus\n");
    // A line no pattern knows passes through unchanged.
    expect(commanderErrorLine("something else\n")).toBe("something else\n");
  });
});

describe("a document's whole title", () => {
  const kinds = { "ke-hoach": "Kế hoạch", "bao-cao": "Báo cáo", other: "Khác" };
  it("puts the kind's name before the trích yếu, going on in lower case; an acronym, a whole title and an unknown kind stay", () => {
    expect(titleWithKind("thực hiện Nghị quyết 57-NQ/TW", "ke-hoach", kinds)).toBe("Kế hoạch thực hiện Nghị quyết 57-NQ/TW");
    expect(titleWithKind("Triển khai thực hiện Thông báo số 13-TB/CQTT", "ke-hoach", kinds)).toBe("Kế hoạch triển khai thực hiện Thông báo số 13-TB/CQTT");
    expect(titleWithKind("UBND xã Phú Thịnh tháng 4/2026", "bao-cao", kinds)).toBe("Báo cáo UBND xã Phú Thịnh tháng 4/2026");
    expect(titleWithKind("Kế hoạch thực hiện chuyển đổi số", "ke-hoach", kinds)).toBe("Kế hoạch thực hiện chuyển đổi số");
    expect(titleWithKind("Báo cáo", "other", kinds)).toBe("Báo cáo");
    expect(titleWithKind("về chuyển đổi số", null, kinds)).toBe("về chuyển đổi số");
    expect(titleWithKind(null, "ke-hoach", kinds)).toBeNull();
  });
});
