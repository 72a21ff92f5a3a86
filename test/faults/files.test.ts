/**
 * The committed fault files are exactly what scripts/make-fault-files builds
 * (so an edit to a builder cannot silently leave stale files behind), each is
 * small enough to commit, and each really has the hostile property its case
 * relies on — checked with yauzl and zlib, not with the parser under test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import yauzl from "yauzl";
import { describe, expect, it } from "vitest";
import { smallFaultFiles } from "../../scripts/faults/files.js";
import { faultFile, FILES_DIR, FIXTURES_DIR } from "./generate.js";

const built = smallFaultFiles(FIXTURES_DIR);

describe("committed fault files", () => {
  it("are the generator's output, file for file and byte for byte", () => {
    expect(readdirSync(FILES_DIR).sort()).toEqual(built.map((f) => f.name).sort());
    for (const { name, bytes } of built) expect(readFileSync(faultFile(name)).equals(bytes), `${name} differs: run scripts/make-fault-files`).toBe(true);
  });

  it("stay under 200 KB each", () => {
    for (const { name, bytes } of built) expect(bytes.length, name).toBeLessThan(200 * 1024);
  });
});

type Listed = { fileName: string; compressedSize: number; uncompressedSize: number; offset: number };

async function centralDirectory(name: string): Promise<Listed[]> {
  const zip = await yauzl.fromBufferPromise(readFileSync(faultFile(name)), { lazyEntries: true });
  const out: Listed[] = [];
  for await (const e of zip.eachEntry())
    out.push({ fileName: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize, offset: e.relativeOffsetOfLocalHeader });
  zip.close();
  return out;
}

describe("the hostile properties hold", () => {
  it("bomb-entries.docx: a real DOCX with 2,051 entries", async () => {
    const entries = await centralDirectory("bomb-entries.docx");
    expect(entries).toHaveLength(2051);
    expect(entries.map((e) => e.fileName)).toContain("word/document.xml");
  });

  it("bomb-size.docx: 250 names over one local stream that really inflates to 1 MiB", async () => {
    const entries = (await centralDirectory("bomb-size.docx")).filter((e) => e.fileName.startsWith("word/media/"));
    expect(entries).toHaveLength(250);
    expect(new Set(entries.map((e) => e.offset)).size).toBe(1);
    expect(entries.reduce((n, e) => n + e.uncompressedSize, 0)).toBe(250 * 1024 * 1024);
    const bytes = readFileSync(faultFile("bomb-size.docx"));
    const { offset, compressedSize } = entries[0];
    const dataAt = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    const inflated = inflateRawSync(bytes.subarray(dataAt, dataAt + compressedSize));
    expect(inflated.length).toBe(1024 * 1024);
  });

  it("bomb-ratio.docx: word/document.xml declares 64 MB from ~64 KB", async () => {
    const doc = (await centralDirectory("bomb-ratio.docx")).find((e) => e.fileName === "word/document.xml")!;
    expect(doc.uncompressedSize).toBeGreaterThan(64_000_000);
    expect(doc.uncompressedSize / doc.compressedSize).toBeGreaterThan(1000);
  });

  it("random.pdf and truncated.pdf: what their names promise", () => {
    const random = readFileSync(faultFile("random.pdf"));
    expect(random.subarray(0, 1024).includes("%PDF-")).toBe(false);
    const source = readFileSync(`${FIXTURES_DIR}000_9cf0e1b2418f68ec.pdf`);
    const truncated = readFileSync(faultFile("truncated.pdf"));
    expect(truncated.length).toBe(Math.floor(source.length / 2));
    expect(source.subarray(0, truncated.length).equals(truncated)).toBe(true);
  });

  it("broken-xref.pdf: same objects as the fixture, every xref offset wrong", () => {
    const source = readFileSync(`${FIXTURES_DIR}000_9cf0e1b2418f68ec.pdf`).toString("latin1");
    const broken = readFileSync(faultFile("broken-xref.pdf")).toString("latin1");
    const offsets = (pdf: string) => [...pdf.slice(pdf.lastIndexOf("\nxref\n")).matchAll(/^(\d{10}) \d{5} n/gm)].map((m) => Number(m[1]));
    expect(broken.length).toBe(source.length);
    const before = offsets(source);
    const after = offsets(broken);
    expect(after).toHaveLength(before.length);
    after.forEach((o, i) => expect(o).not.toBe(before[i]));
    expect(broken.slice(0, broken.lastIndexOf("\nxref\n"))).toBe(source.slice(0, source.lastIndexOf("\nxref\n")));
  });

  it("encrypted.pdf and scanned.pdf: an /Encrypt dictionary; images and no font", () => {
    const encrypted = readFileSync(faultFile("encrypted.pdf")).toString("latin1");
    expect(encrypted).toMatch(/\/Encrypt \d+ 0 R/);
    expect(encrypted).toMatch(/\/Filter\/Standard\/V 2\/R 3/);
    const scanned = readFileSync(faultFile("scanned.pdf")).toString("latin1");
    expect(scanned.match(/\/Subtype\/Image/g)).toHaveLength(2);
    expect(scanned).not.toMatch(/\/Font|\bTj\b|\bTJ\b/);
  });
});
