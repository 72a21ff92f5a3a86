/**
 * Writes the committed fault files: `tsx scripts/faults/main.ts [OUT_DIR]`
 * (scripts/make-fault-files is the wrapper). Fails if a file would exceed the
 * 200 KB that may be committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { smallFaultFiles } from "./files.js";

const MAX_COMMITTED = 200 * 1024;

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = process.argv[2] ?? `${root}test/faults/files`;
mkdirSync(out, { recursive: true });
for (const { name, bytes } of smallFaultFiles(`${root}fixtures`)) {
  if (bytes.length >= MAX_COMMITTED) throw new Error(`${name} is ${bytes.length} bytes, too big to commit`);
  writeFileSync(`${out}/${name}`, bytes);
  console.log(`${String(bytes.length).padStart(8)}  ${name}`);
}
