/**
 * Commander in the user's language: the help's own words (Usage:, Options:, the
 * default and choices notes, the help option), and its error lines, which it
 * writes as English text — matched here by shape and said again from the
 * catalogue. A line no pattern knows is passed through unchanged.
 */
import type { Command, Help } from "commander";
import { render, t, language, type MessageKey, isMessageKey } from "../i18n/index.js";
import { usageLine } from "./option-values.js";

/** Commander's error lines (command.js), the parts worth keeping as parameters. */
const COMMANDER_ERRORS: { pattern: RegExp; say: (m: RegExpMatchArray) => string }[] = [
  { pattern: /^error: unknown option '(.+?)'/, say: (m) => t("commander.unknownOption", { flag: m[1] }) },
  { pattern: /^error: unknown command '(.+?)'/, say: (m) => t("commander.unknownCommand", { name: m[1] }) },
  { pattern: /^error: missing required argument '(.+?)'/, say: (m) => t("commander.missingArgument", { name: m[1] }) },
  { pattern: /^error: option '(.+?)' argument missing/, say: (m) => t("commander.optionArgumentMissing", { flag: m[1] }) },
  { pattern: /^error: too many arguments.*Expected (\d+) arguments? but got (\d+)/, say: (m) => t("commander.tooManyArguments", { expected: m[1], received: m[2] }) },
  // Anything else commander says (a refused option value, already in the user's language: option-values.ts).
  { pattern: /^error: (.*)$/s, say: (m) => m[1] },
];

export function commanderErrorLine(text: string): string {
  const [first, ...rest] = usageLine(text).trimEnd().split("\n");
  const known = COMMANDER_ERRORS.find((e) => e.pattern.test(first));
  if (!known) return `${text.trimEnd()}\n`;
  const suggestion = /^\(Did you mean (.+)\?\)$/.exec(rest.join(" ").trim());
  const said = t("cli.error", { message: known.say(first.match(known.pattern)!) });
  return `${said}${suggestion ? ` ${t("commander.didYouMean", { suggestion: suggestion[1] })}` : ""}\n`;
}

/** Applied to the program before its commands are added: subcommands inherit the help and output settings. */
export function localiseCommander(program: Command): void {
  program
    .helpOption("-h, --help", t("cli.help"))
    .helpCommand("help [command]", t("cli.helpCommand"))
    .configureOutput({ outputError: (text, write) => write(commanderErrorLine(text)) })
    .configureHelp({
      styleTitle: (title) => {
        const key = `help.${title}`;
        return isMessageKey(key) ? render(language(), key as MessageKey) : title;
      },
      commandUsage(this: Help, cmd) {
        return Object.getPrototypeOf(this).commandUsage.call(this, cmd).replace("[options]", t("help.[options]")).replace("[command]", t("help.[command]"));
      },
      subcommandTerm(this: Help, cmd) {
        return Object.getPrototypeOf(this).subcommandTerm.call(this, cmd).replace("[options]", t("help.[options]"));
      },
      optionDescription(this: Help, option) {
        return notes(Object.getPrototypeOf(this).optionDescription.call(this, option));
      },
      argumentDescription(this: Help, argument) {
        return notes(Object.getPrototypeOf(this).argumentDescription.call(this, argument));
      },
    });
}

/** "(default: "vanban.db")" and "(choices: …)" in the user's language. */
const notes = (s: string) => s.replace(/\((default|choices): /g, (_, w: "default" | "choices") => `(${t(`help.${w}`)}: `);
