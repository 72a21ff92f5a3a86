/**
 * Every message a person reads comes from the catalogues (src/i18n): a scan of
 * src/ and pipelines/ (the TypeScript compiler's parse, not a regex over text) for
 * words written straight into the places a message goes — an error's message,
 * console output, a written answer (`res.end`, `process.stdout.write`), a
 * commander description or option help, and in the page scripts the text of an
 * element (`el(tag, attrs, …text)`, `.textContent =`). A literal with two words or
 * more there is a finding; a key ("store.noStore"), a flag ("--db <file>") or a
 * placeholder-only template is not.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * What may keep its own words, and why. Parser and reader reasons are data: stored
 * with the file (files.error, `--json`, `vanban doctor`) and said again in the
 * user's language by src/i18n/reasons.ts; internal invariants are bugs, never shown
 * to a clerk as a message.
 */
const KEPT: { path: RegExp; why: string }[] = [
  { path: /^src\/parse\//, why: "parser reasons are data, said again by src/i18n/reasons.ts" },
  { path: /^src\/extract\/document-zones\/word-index\.ts$/, why: "an internal limit (a bug if met), not a message" },
  { path: /^src\/store\/postgres\/(dialect|connection|sync-client)\.ts$/, why: "the SQL translation's invariants (a statement it cannot translate is a bug), not messages" },
];

const MESSAGE_CALLS = /^(console\.(log|error|warn|info)|res\.end|process\.(stdout|stderr)\.write|reportError|alert)$/;
const HELP_CALLS = /\.(description|summary)$/;
const OPTION_CALLS = /\.(option|requiredOption|argument|helpOption|helpCommand|version)$/;

type Finding = { file: string; line: number; text: string };

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|js)$/.test(name) && !name.endsWith(".d.ts")) yield path;
  }
}

/** A literal's words, its `${…}` parts left out; null when the node is no literal. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  return null;
}

const WORD = /\p{L}{2,}/gu;
/** Two words or more that are not a key, a flag spec or the program's name. */
function isProse(text: string): boolean {
  if (/^[\w.-]+$/.test(text.trim())) return false; // a catalogue key or a code
  if (/^\s*-/.test(text) || /^<[^>]+>$|^\[[^\]]+\]$/.test(text.trim())) return false; // "--db <file>", "<paths...>"
  const words = (text.match(WORD) ?? []).filter((w) => w !== "vanban");
  return words.length >= 2;
}

function scan(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  // Into the branches of `a ? "x" : "y"`, the parts of `"x" + y`, `("x")` and `["x", "y"]`: each may be the text shown.
  const flag = (node: ts.Node): void => {
    if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse].forEach(flag);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [node.left, node.right].forEach(flag);
    if (ts.isParenthesizedExpression(node)) return flag(node.expression);
    if (ts.isArrayLiteralExpression(node)) return node.elements.forEach(flag);
    const literal = literalText(node);
    if (literal !== null && isProse(literal))
      findings.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: literal.slice(0, 100) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText()) && node.arguments?.length) flag(node.arguments[0]);
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      if (MESSAGE_CALLS.test(callee) || HELP_CALLS.test(callee)) node.arguments.forEach(flag);
      // The first argument is the flag or argument spec; the help text follows.
      if (OPTION_CALLS.test(callee)) node.arguments.slice(1).forEach(flag);
      if (file.includes("/static/js/") && callee === "el") node.arguments.slice(2).forEach(flag);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /\.(textContent|title|placeholder)$/.test(node.left.getText())) {
      flag(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe("messages come from the catalogues", () => {
  it("no prose written straight into an error, console output, an answer, a help text or a page script's text", () => {
    const findings: Finding[] = [];
    for (const root of ["src", "pipelines"])
      for (const file of sourceFiles(root)) {
        if (file.startsWith("src/i18n/") || KEPT.some((k) => k.path.test(file))) continue;
        findings.push(...scan(file, readFileSync(file, "utf8")));
      }
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it("the scan finds what it looks for (each kind of place, English and Vietnamese)", () => {
    const sample = [
      'throw new StoreError(`${file} is being written by another import`);',
      'console.log("kho không có vấn đề");',
      'program.option("--repair", "repair what the check finds");',
      'cmd.description("import the documents");',
      'res.end("Not found here");',
      'throw new StoreError("store.noStore", { file });',
      'console.log(t("doctor.healthy"));',
      'program.option("--db <file>", t("opt.db"));',
    ].join("\n");
    expect(scan("src/sample.ts", sample).map((f) => f.line)).toEqual([1, 2, 3, 4, 5]);
    const page = 'el("td", {}, d.held ? "Có trong kho" : say("notHeld"));\nbox.textContent = `Lỗi: ${m} xảy ra`;\nel("span", { class: "a b" }, say("x"));';
    expect(scan("src/web/static/js/sample.js", page).map((f) => f.line)).toEqual([1, 2]);
  });
});
