/**
 * Messages as data: one catalogue per language (vi.ts is the reference, en.ts must
 * have the same keys — a missing key is a compile error), `{name}` placeholders
 * typed from the Vietnamese text. Vietnamese unless the user asks for English
 * (`--lang en`, or LC_ALL / LC_MESSAGES / LANG starting with "en").
 */
import { en } from "./en.js";
import { vi, type MessageKey } from "./vi.js";

export type { MessageKey } from "./vi.js";
export type Language = "vi" | "en";
export const LANGUAGES: readonly Language[] = ["vi", "en"];
export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { vi, en };

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** A message inside a message (a place noun in an error), rendered in the same language. */
export type MessageRef = { key: MessageKey; params?: Params };
export type Params = Record<string, string | number | MessageRef>;
/** The parameters a message needs: none, or exactly its placeholders. */
export type ParamsOf<K extends MessageKey> = [Placeholders<(typeof vi)[K]>] extends [never] ? [] : [Record<Placeholders<(typeof vi)[K]>, string | number | MessageRef>];

let current: Language = "vi";

export const language = (): Language => current;
export function setLanguage(l: Language): void {
  current = l;
}

/**
 * `--lang X` / `--lang=X` on the command line wins; then the first set of LC_ALL,
 * LC_MESSAGES, LANG (POSIX order). English only when it starts with "en".
 */
export function languageFrom(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const asked = i < 0 ? undefined : argv[i].startsWith("--lang=") ? argv[i].slice(7) : argv[i + 1];
  const chosen = asked ?? [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return chosen?.toLowerCase().startsWith("en") ? "en" : "vi";
}

export function t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return render(current, key, params[0]);
}

/** One message in a given language; unknown placeholders stay visible rather than vanish. */
export function render(lang: Language, key: MessageKey, params: Params = {}): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? render(lang, value.key, value.params) : String(value);
  });
}

/**
 * A problem the user can act on, as a message key and its parameters. `message`
 * is the English text (logs, stack traces); the CLI and web show `localise(e)`.
 */
export class VanbanError extends Error {
  readonly key: MessageKey | null;
  readonly params: Params;
  /** A null key keeps `message` as it is (text not yet in the catalogues). */
  constructor(key: MessageKey | null, params: Params = {}, message?: string) {
    super(key ? render("en", key, params) : (message ?? ""));
    this.key = key;
    this.params = params;
    this.name = "VanbanError";
  }
}

/** The text to show for an error, in the current language, on one line. */
export function localise(e: unknown): string {
  if (e instanceof VanbanError && e.key) return render(current, e.key, e.params);
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

export function isMessageKey(s: string): s is MessageKey {
  return Object.hasOwn(vi, s);
}
