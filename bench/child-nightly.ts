/**
 * Child process for the bench: one nightly run (pipelines/nightly.ts `runNightly`)
 * on a store, timed from inside, with the process's peak RSS.
 *
 *   node dist/bench/child-nightly.js DB INBOX TODAY OUT
 *
 * Prints one JSON line. When runNightly does not exist (yet), prints
 * {"pending": true} and exits 0: the bench then measures the plain import.
 */
type Nightly = (inbox: string[], opts: { db: string; today?: string; horizonDays?: number; out?: string }) => Promise<{ report: Record<string, unknown> }>;

const [db, inbox, today, out] = process.argv.slice(2);
const spec = new URL("../pipelines/nightly.js", import.meta.url).href;
let runNightly: Nightly | undefined;
try {
  runNightly = ((await import(spec)) as { runNightly?: Nightly }).runNightly;
} catch (e) {
  console.log(JSON.stringify({ pending: true, reason: (e as Error).message.split("\n")[0] }));
  process.exit(0);
}
if (typeof runNightly !== "function") {
  console.log(JSON.stringify({ pending: true, reason: "pipelines/nightly.js has no runNightly" }));
  process.exit(0);
}
const started = performance.now();
const { report } = await runNightly([inbox], { db, today, horizonDays: 30, out });
const seconds = (performance.now() - started) / 1000;
const count = (k: string) => (Array.isArray(report[k]) ? (report[k] as unknown[]).length : null);
console.log(JSON.stringify({
  pending: false,
  seconds,
  imported: report.imported,
  newDeadlines: count("newDeadlines"),
  dueSoon: count("dueSoon"),
  overdue: count("overdue"),
  moved: count("moved"),
  maxRssMB: process.resourceUsage().maxRSS / 1024,
}));
