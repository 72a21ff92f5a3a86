/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most
 * self time and the most inclusive time, as shares of the sampled time.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/vanban.js import DIR --db X
 *   node dist/bench/cpu-profile.js /tmp/prof/CPU.*.cpuprofile [--top 25]
 *
 * A process with worker threads writes one profile per thread; give each file.
 */
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

export type Hot = { name: string; share: number };

export function summarise(profile: Profile, top = 25): { totalMs: number; self: Hot[]; inclusive: Hot[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    hits.set(id, (hits.get(id) ?? 0) + dt);
    total += dt;
  });
  const key = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(dist|node_modules)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, t] of hits) {
    const k = key(byId.get(id)!);
    self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const kk = key(byId.get(cur)!);
      if (seen.has(kk)) continue;
      seen.add(kk);
      incl.set(kk, (incl.get(kk) ?? 0) + t);
    }
  }
  const rank = (m: Map<string, number>) =>
    [...m].filter(([k]) => !k.startsWith("(root)")).sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, t]) => ({ name, share: t / total }));
  return { totalMs: total / 1000, self: rank(self), inclusive: rank(incl) };
}

/** Self time summed over several profiles (a process and its worker threads), as shares of their total. */
export function summariseFiles(files: string[], top = 15): { totalMs: number; self: Hot[] } {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const s = summarise(JSON.parse(readFileSync(file, "utf8")) as Profile, Number.MAX_SAFE_INTEGER);
    total += s.totalMs;
    for (const h of s.self) self.set(h.name, (self.get(h.name) ?? 0) + h.share * s.totalMs);
  }
  const hot = [...self].filter(([k]) => !/^\((?:idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name: name.length > 120 ? `${name.slice(0, 117)}…` : name, share: ms / total }));
  return { totalMs: total, self: hot };
}

function main(argv: string[]): void {
  const i = argv.indexOf("--top");
  const top = i >= 0 ? Number(argv[i + 1]) : 25;
  const files = argv.filter((a, k) => a !== "--top" && argv[k - 1] !== "--top");
  if (!files.length) {
    console.error("usage: cpu-profile FILE.cpuprofile… [--top N]");
    process.exitCode = 1;
    return;
  }
  for (const file of files) {
    const s = summarise(JSON.parse(readFileSync(file, "utf8")) as Profile, top);
    console.log(`${file}: ${s.totalMs.toFixed(0)} ms sampled`);
    console.log("  self:");
    for (const h of s.self) console.log(`    ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}`);
    console.log("  inclusive:");
    for (const h of s.inclusive) console.log(`    ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}`);
  }
}

if (process.argv[1] && /cpu-profile\.(ts|js)$/.test(process.argv[1])) main(process.argv.slice(2));
