/**
 * The fast Markdown reader (src/parse/text/) against remark, the reference:
 * same draft blocks on every fixture and variant, on the constructs converted
 * documents use, and on seeded random documents; the readings where it differs
 * on purpose; what it leaves to remark; linear time on hostile input; and the
 * quick checks that let it skip cleanText/tidyInline, held to those functions.
 */
import { readFileSync, readdirSync } from "node:fs";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { decodeVietnameseText } from "../src/normalise/legacy-encoding.js";
import { cleanText, tidyInline } from "../src/normalise/text.js";
import { parseText, parseTextWithRemark } from "../src/parse/text.js";
import { readBlockLines } from "../src/parse/text/block-lines.js";
import { treeToDrafts } from "../src/parse/text/block-tree.js";
import { cleanPage, isWhitespaceCode, tidy } from "../src/parse/text/clean-and-tidy.js";
import { removeTags } from "../src/parse/text/html-syntax.js";
import { phraseInline } from "../src/parse/text/inline-markup.js";
import { splitSegments } from "../src/parse/text/segments.js";
import { UnsupportedMarkdown } from "../src/parse/text/unsupported.js";

const root = new URL("..", import.meta.url).pathname;
const inDir = (dir: string, pattern: RegExp) =>
  readdirSync(`${root}${dir}`)
    .filter((f) => pattern.test(f))
    .map((f) => `${dir}/${f}`);
const SAMPLES = [
  ...inDir("fixtures", /\.txt$/),
  ...inDir("fixtures/variants", /\.(md|txt)$/),
  "test/faults/files/injection.md",
  ...inDir("test/holdout", /\.md$/),
];
const decoded = (file: string) => decodeVietnameseText(readFileSync(`${root}${file}`)).text;

/** The construct the fast reader declines in `source`, or null when it reads all of it. */
function declined(source: string): string | null {
  for (const page of source.split("\f"))
    for (const segment of splitSegments(cleanPage(page))) {
      if (segment.kind !== "markdown") continue;
      try {
        const { blocks, footnotes } = readBlockLines(segment.lines);
        treeToDrafts(blocks, 1, (content: string) => phraseInline(content, { footnotes }));
      } catch (e) {
        if (e instanceof UnsupportedMarkdown) return e.construct;
        throw e;
      }
    }
  return null;
}

const sameAsRemark = (source: string) => expect(parseText(source)).toEqual(parseTextWithRemark(source));

describe("every fixture and variant reads the same as with remark", () => {
  it.each(SAMPLES)("%s", (file) => {
    const source = decoded(file);
    expect(declined(source)).toBeNull(); // read by the fast reader, not handed back to remark
    sameAsRemark(source);
  });
});

describe("the constructs converted documents use read as remark reads them", () => {
  const cases: [string, string][] = [
    ["ATX headings with bold", "# **KẾ HOẠCH**\n\n## I. MỤC ĐÍCH ##\n\n### **2. Yêu cầu**\n\n####### not a heading\n\n#5 not either"],
    ["hard breaks: two spaces, backslash; soft breaks", "**KẾT LUẬN**  \nCỦA BAN CHỈ ĐẠO\\\nVỀ PHÁT TRIỂN\nKHOA HỌC"],
    ["bullets, nesting, '- + item'", "- Một\n  - Hai\n    * Ba\n+ Bốn\n- + Việc nhỏ\n-\n  tiếp\n- [Ghi chú] không phải task"],
    ["lazy continuation and interruption", "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\ndòng lười\n\nĐoạn\n2. không phải danh sách\n1. là danh sách"],
    ["printed numbering", "1. Giao Văn phòng Đảng ủy;\n2) Các cơ quan\n\n   tiếp theo\n10. Mười"],
    ["block quotes", "> Trích dẫn **đậm**\n> - mục\ntiếp lười\n\n> > lồng"],
    ["fenced and indented code", "```js\nconst a = 1;\n\n  b\n```\n\n    mã thụt\n\n    dòng hai\n\n~~~\nchưa đóng"],
    ["thematic breaks", "***\n- - -\n___\nĐoạn\n\n* * *"],
    ["footnotes", "Theo Kế hoạch[^1] và[^x].\n\n[^1]: Kế hoạch số 41-KH/ĐU\n    tiếp tục\n\n    đoạn hai\n[^X]: chú X"],
    ["<sup> footnote paragraphs", "Thông báo<sup>1</sup> số 13.\n\n<sup>1</sup> Thông báo số 13-TB/CQTT\n\n<sup>2</sup>"],
    ["HTML blocks", "<div align=\"center\">\n**Đậm** trong div\n</div>\n\n<script>alert(1)</script>\n\n<!-- ghi chú -->\n\n<b>\nchữ\n</b>\n\n<p>đoạn</p>"],
    ["inline HTML", "Chữ <b>đậm</b>, <strong>mạnh</strong>, <i>nghiêng</i>, <u>gạch</u>, <span style=\"x\">span</span>, <br>xuống<br/>dòng, <x-tag> lạ </x-tag>"],
    ["escapes, references, autolinks, links, code", "\\*không nghiêng\\* &amp; &lt;b&gt; &#273;&#x111; <https://quantrieu.thainguyen.gov.vn/> <a@b.vn> [Cổng](http://x.vn \"t\") ![ảnh](a.png) `**mã**`"],
    ["math kept as written", "Tỷ lệ $\\geq 98$% và $x_1 + x_2$"],
    ["whole-paragraph bold", "**TM. ỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n\n<b>Đậm HTML</b>\n\n**Nửa** đậm\n\n***Nơi nhận:***"],
    ["emphasis edge cases", "***a** b* __c__d _e_f *g**h* **i*j** ****k**** a*b*c _x_y_ *(a)* **“trích”**"],
    ["bare URLs and e-mail", "Xem www.x.vn, http://a.vn/b_c và nguyen_van_a@xa.gov.vn."],
    ["a complete tag on a lazy line stays in the item", "- a\n</b>\n  còn\n\n- b\n<br>"],
  ];
  it.each(cases)("%s", (_, source) => {
    expect(declined(source)).toBeNull();
    sameAsRemark(source);
  });
});

describe("seeded random documents read the same as with remark", () => {
  const markdown = unified().use(remarkParse).use(remarkGfm);
  // Setext headings are the one place the fast reader differs on purpose (see below).
  const hasSetextHeading = (source: string) => {
    let found = false;
    const walk = (n: { type: string; position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }) => {
      if (n.type === "heading" && n.position && n.position.end.line > n.position.start.line) found = true;
      for (const c of n.children ?? []) walk(c as typeof n);
    };
    walk(markdown.parse(source) as Root);
    return found;
  };
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const WORDS = ["Kế hoạch", "số", "41-KH/ĐU", "ngày", "16/01/2026", "UBND", "xã", "đạt", "100%", "$\\geq 98$", "a", "(", ")", ".", ",", ";", "“x”", "1.", "2)", "x_y"];
  const INLINE = ["**", "__", "*", "_", "***", "`", "``", "<b>", "</b>", "<br>", "<sup>1</sup>", "<sup>", "</sup>", "<span class=\"x\">", "</span>", "<script>", "\\*", "&amp;", "&#273;", "<http://a.vn>", "[", "]", "](u)", "[x](http://u)", "![i](m.png)", "[^1]", "<!-- c -->", "~", "\\", "  \n", "\\\n", "\n", " "];
  const PREFIX = ["", "", "", "", "- ", "+ ", "* ", "1. ", "2. ", "1) ", "> ", "  ", "   ", "- + ", "-   ", "  - ", "> - ", "[^1]: ", "# ", "## ", "#", "-", "10. ", "    ", "-     "];
  const LINES = ["", "", "***", "___", "```", "~~~", "    code", "<div>", "</div>", "<!-- x -->", "<script>", "</script>", "<b>", "</b>", "<pre>", "</pre>"];

  function document(next: () => number): string {
    const pick = <T,>(a: T[]) => a[Math.floor(next() * a.length)];
    const lines: string[] = [];
    for (let n = 1 + Math.floor(next() * 10); n > 0; n--) {
      if (next() < 0.25) lines.push(pick(PREFIX) + pick(LINES));
      else {
        let s = pick(PREFIX) + (next() < 0.3 ? pick(PREFIX) : "");
        for (let k = 1 + Math.floor(next() * 8); k > 0; k--) s += next() < 0.55 ? pick(WORDS) + (next() < 0.7 ? " " : "") : pick(INLINE);
        lines.push(s);
      }
    }
    return lines.join("\n");
  }

  it("documents built from block and inline constructs", () => {
    const next = random(20260412);
    let compared = 0;
    for (let i = 0; i < 600; i++) {
      const source = document(next);
      if (hasSetextHeading(source)) continue;
      expect(parseText(source), JSON.stringify(source)).toEqual(parseTextWithRemark(source));
      compared++;
    }
    expect(compared).toBeGreaterThan(550);
  });

  it("paragraphs dense with emphasis runs (flanking, rule of 3, nesting)", () => {
    const next = random(98);
    const parts = ["*", "_", "**", "***", "__", "___", "****", "*****", "a", "b", " ", ".", ",", "(", ")", "đ", "\"", "[", "](u)", "`", "<b>", "\n"];
    for (let i = 0; i < 1500; i++) {
      let source = "";
      for (let k = 1 + Math.floor(next() * 24); k > 0; k--) source += parts[Math.floor(next() * parts.length)];
      if (hasSetextHeading(source)) continue;
      expect(parseText(source), JSON.stringify(source)).toEqual(parseTextWithRemark(source));
    }
  });
});

describe("deliberate differences from remark", () => {
  it("a rule under a paragraph is a rule, not a setext heading", () => {
    // The short line under the issuing body and the national motto, as converters write it.
    const source = "ỦY BAN NHÂN DÂN XÃ TÂN CƯƠNG\n---\n\nĐộc lập - Tự do - Hạnh phúc\n=======";
    expect(parseText(source).blocks).toEqual([
      { type: "paragraph", text: "ỦY BAN NHÂN DÂN XÃ TÂN CƯƠNG", page: 1, bold: false },
      { type: "paragraph", text: "Độc lập - Tự do - Hạnh phúc", page: 1, bold: false },
    ]);
    expect(parseTextWithRemark(source).blocks.map((b) => b.type)).toEqual(["heading", "heading"]);
  });

  it("form feeds are page breaks (both routes)", () => {
    const source = "Trang một\n\n- mục\fTrang hai\f\fTrang bốn";
    const doc = parseText(source);
    expect(doc.pages).toBe(4);
    expect(doc.blocks.map((b) => b.page)).toEqual([1, 1, 2, 4]);
    expect(doc).toEqual(parseTextWithRemark(source));
  });
});

describe("constructs left to remark are detected and read by it", () => {
  const cases: [string, string, string][] = [
    ["link reference definition", "[Cổng]\n\n[Cổng]: http://x.vn", "link reference definition"],
    ["strikethrough", "~~bỏ~~ và ~giữ~", "strikethrough"],
    ["table without a leading pipe", "TT | Nội dung\n--- | ---\n1 | Việc", "table delimiter row"],
    ["tab in indentation", "- mục\n\t- con", "tab in indentation"],
    ["task list item", "- [x] xong", "task list item"],
    ["unknown named reference", "&hearts; &ensp;", "named character reference"],
    ["bare URL inside markup", "**http://x.vn/a_b**", "literal autolink next to markup"],
    ["indented code leaving a container", "> ***\n    b\n    c", "indented code after a container"],
  ];
  it.each(cases)("%s", (_, source, construct) => {
    expect(declined(source)).toBe(construct);
    sameAsRemark(source);
  });
});

describe("linear time on long and hostile input", () => {
  const MB = 1 << 20;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  // Generous bounds on a loaded two-core machine; a quadratic scan of 1 MB takes minutes.
  const BOUND_MS = 10_000;
  const timed = (source: string) => {
    const start = performance.now();
    const doc = parseText(source);
    return { doc, ms: performance.now() - start };
  };

  it("a 1 MB single-line paragraph, plain and with markup", () => {
    for (const unit of [
      "Ủy ban nhân dân xã Phú Thịnh ban hành Kế hoạch số 41-KH/ĐU ngày 16/01/2026. ",
      "**Điều 1.** Giao *Văn phòng* <b>UBND</b> xã [xem](http://x.vn) `mã` &amp; <br> $\\geq 98$ ",
    ]) {
      const { doc, ms } = timed(fill(unit));
      expect(doc.blocks).toHaveLength(1);
      expect(ms).toBeLessThan(BOUND_MS);
    }
  });

  it.each([
    ["unclosed emphasis", "*a "],
    ["openers of one kind, closers of the other", "_a b* "],
    ["rule-of-3 runs", "***a** "],
    ["unclosed brackets", "["],
    ["unclosed link resources", "[a]("],
    ["unclosed tags", "<a x=\""],
    ["unmatched backtick runs", "` `` ``` "],
    ["unclosed comments", "<!-- "],
    ["e-mail-like words", "a@b.c "],
  ])("1 MB of %s", (_, unit) => {
    expect(timed(fill(unit)).ms).toBeLessThan(BOUND_MS);
  });

  it("regex traps: a blank run in a delimiter row, tags that never close", () => {
    for (const source of [
      "| a\n|---" + " ".repeat(MB) + "x",
      "<div>\n" + "<b x".repeat(MB / 4),
      "| a |\n|---|\n| " + "<b x".repeat(MB / 4) + " |",
    ])
      expect(timed(source).ms).toBeLessThan(BOUND_MS);
  });

  it("deep nesting: no stack overflow, no rescanning", () => {
    for (const source of ["> ".repeat(20_000) + "a", "- ".repeat(100_000) + "a", "- ".repeat(100_000) + "-x-", "> - ".repeat(50_000) + "a"]) {
      const { doc, ms } = timed(source);
      expect(doc.blocks.length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(BOUND_MS);
    }
    const nested = Array.from({ length: 150 }, (_, i) => `${" ".repeat(2 * i)}- mục ${i}`).join("\n");
    sameAsRemark(nested);
    sameAsRemark("> ".repeat(150) + "trích");
  });

  it("100,000 pipe-table rows and 100,000 list lines", () => {
    const table = timed("| TT | Nội dung |\n|---|---|\n" + "| 1 | Rà soát hồ sơ |\n".repeat(100_000));
    expect(table.doc.blocks).toHaveLength(1);
    expect(table.ms).toBeLessThan(BOUND_MS);
    const list = timed("- mục **đậm**\n  - con\n".repeat(50_000));
    expect(list.doc.blocks).toHaveLength(100_000);
    expect(list.ms).toBeLessThan(BOUND_MS);
  });
});

describe("quick checks agree with the functions they skip", () => {
  it("cleanPage is cleanText for every UTF-16 code unit", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const s = `a${ch}b`;
      expect(cleanPage(s), `U+${c.toString(16)}`).toBe(cleanText(s));
    }
    const text = "Hòa\u0300 bình\r\nxã\u00A0Phú\u200BThịnh\u000C\uE001";
    expect(cleanPage(text)).toBe(cleanText(text));
  });

  it("isWhitespaceCode is \\s for every UTF-16 code unit", () => {
    for (let c = 0; c < 0x10000; c++) expect(isWhitespaceCode(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it("removeTags is the global regex replace it stands for", () => {
    const anchored = /^<\/?(b|strong|span|sup)(\s[^>]*)?\/?>$/i;
    const global = /<\/?(b|strong|span|sup)(\s[^>]*)?\/?>/gi;
    const alphabet = ["<", ">", "/", "b", "B", "strong", "span", "sup", " ", "\n", "x", "=", "\"", "<b>", "</b>", "<b x>", "<b/>"];
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      for (let k = Math.floor(next() * 10); k > 0; k--) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(removeTags(s, anchored), JSON.stringify(s)).toBe(s.replace(global, ""));
    }
  });

  it("tidy is tidyInline", () => {
    const alphabet = ["a", "đ", " ", "  ", "\t", "\n", "\n\n", "\n \n", "\u00A0", "\u2028", "\u2029", "\u3000", "\uFEFF", "\u000B", "x y", " z "];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      for (let k = Math.floor(next() * 8); k > 0; k--) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(tidy(s), JSON.stringify(s)).toBe(tidyInline(s));
    }
  });
});
