/**
 * A document's title as a clerk reads it: the kind's name, then the subject line.
 * The extraction contract keeps `title` as the trích yếu without the kind word
 * (NĐ 30/2020 and HD 36 print "KẾ HOẠCH" on a line of its own above it), so a list
 * showing `title` alone read "thực hiện Nghị quyết…" or "của Ban Chỉ đạo…" — the
 * whole title is "Kế hoạch thực hiện Nghị quyết…".
 *
 * Self-contained on purpose (no imports, no closures): the page scripts get this
 * very function through /static/js/labels.js, so the server and the browser never
 * disagree on a title.
 */
export function titleWithKind(title: string | null, kind: string | null, kindLabels: Readonly<Record<string, string>>): string | null {
  const name = kind && kind !== "other" ? kindLabels[kind] : undefined;
  if (!title || !name) return title;
  const lower = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi");
  // Already whole ("Kế hoạch …", or a cited placeholder's "Nghị quyết số …").
  if (lower(title).startsWith(lower(name))) return title;
  // A capitalised common word goes on in lower case ("Triển khai …" → "… triển khai …"); an acronym or a code stays ("UBND …").
  const first = title.split(/\s/, 1)[0];
  const rest = /^\p{Lu}\p{Ll}+$/u.test(first) ? title[0].toLocaleLowerCase("vi") + title.slice(1) : title;
  return `${name} ${rest}`;
}
