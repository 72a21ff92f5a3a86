/**
 * Child process for the bench where /usr/bin/time is missing: one import
 * (pipelines/import.ts, as `vanban import PATH --db DB --json` runs it) with the
 * process's peak RSS (process.resourceUsage().maxRSS, worker threads included).
 *
 *   node dist/bench/child-import.js DB PATH…
 */
import { importPaths } from "../pipelines/import.js";

const [db, ...paths] = process.argv.slice(2);
const summary = await importPaths(paths, { db });
const usage = process.resourceUsage();
console.log(JSON.stringify({ ...summary, maxRssMB: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
