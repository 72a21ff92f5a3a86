/**
 * The UI's words for the store's codes (kinds, relations, statuses), from the
 * catalogue (src/i18n, `label.*`). Server pages read them here; client scripts get
 * the same tables, and their own words (`js.*`), as /static/js/labels.js, so the two
 * never disagree. Each table covers its zod enum exactly: a new kind or status
 * without a catalogue entry does not compile.
 */
import { DeadlineState } from "../../schemas/answers.js";
import { DeadlineKind, DocKind, type Metric, Relation, TaskStatus } from "../../schemas/extraction.js";
import { titleWithKind } from "../i18n/document-title.js";
import { CATALOGUES, language, render, t, type MessageKey } from "../i18n/index.js";

type MetricRole = NonNullable<Metric["role"]>;

/**
 * One code → label table, read from the catalogue in the server's language each
 * time it is used (getters: the language is chosen after this module loads).
 * `Prefix.Code` must be a catalogue key for every code of the enum, or this does not compile.
 */
function labelTable<P extends string, C extends string>(prefix: P, codes: readonly C[], ..._: `${P}.${C}` extends MessageKey ? [] : [never]): Readonly<Record<string, string>> {
  const table: Record<string, string> = {};
  for (const code of codes) Object.defineProperty(table, code, { enumerable: true, get: () => render(language(), `${prefix}.${code}` as MessageKey) });
  return Object.freeze(table);
}

export const KIND_LABELS = labelTable("label.kind", DocKind.options);
export const RELATION_LABELS = labelTable("label.relation", Relation.options);
export const TASK_STATUS_LABELS = labelTable("label.taskStatus", TaskStatus.options);
export const DEADLINE_STATE_LABELS = labelTable("label.deadlineState", DeadlineState.options);
export const DEADLINE_KIND_LABELS = labelTable("label.deadlineKind", DeadlineKind.options);
export const METRIC_ROLE_LABELS = labelTable("label.metricRole", ["target", "actual"] as const satisfies readonly MetricRole[]);

export const kindLabel = (kind: string | null | undefined): string => (kind ? (KIND_LABELS[kind] ?? kind) : t("label.unknownKind"));

/** The whole title of a held document ("Kế hoạch thực hiện …"); a placeholder's, as it was cited. */
export function documentTitle(d: { title: string | null; kind: string | null; placeholder: boolean }): string | null {
  return d.placeholder ? d.title : titleWithKind(d.title, d.kind, KIND_LABELS);
}

/** How a document is named in lists and graph nodes: its code, or its kind for drafts without a number. */
export function documentLabel(d: { code: string | null; kind: string | null; id: number }): string {
  return d.code ?? t("label.noNumber", { kind: kindLabel(d.kind), id: d.id });
}

/** dd/mm/yyyy, as Vietnamese documents write dates; a month or a year alone stays partial (04/2026). */
export function displayDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  return iso.split("-").reverse().join("/");
}

/**
 * The tables above and the page scripts' words (the catalogue's `js.*` keys) as one
 * ES module in the server's language, served to the client scripts; `say(key,
 * params)` fills `{name}` placeholders as the server's `t` does.
 */
export function labelsModule(): string {
  const tables = {
    KIND_LABELS, RELATION_LABELS, TASK_STATUS_LABELS, DEADLINE_STATE_LABELS, DEADLINE_KIND_LABELS, METRIC_ROLE_LABELS,
  };
  const words = Object.fromEntries(Object.keys(CATALOGUES.vi).filter((k) => k.startsWith("js.")).map((k) => [k.slice(3), render(language(), k as MessageKey)]));
  return [
    ...Object.entries(tables).map(([name, table]) => `export const ${name} = Object.freeze(${JSON.stringify(table)});\n`),
    `const WORDS = Object.freeze(${JSON.stringify(words)});\n`,
    `export ${titleWithKind.toString()}\n`,
    "export const say = (key, params = {}) => (WORDS[key] ?? key).replace(/\\{(\\w+)\\}/g, (whole, name) => (name in params ? String(params[name]) : whole));\n",
  ].join("");
}
