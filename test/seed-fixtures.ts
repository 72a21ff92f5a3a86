/** The five seed fixtures and how many tables each holds (read off the seeds: 000 has none, 002 and 003 two annexes each). */
import type { DocumentModel, TableBlock } from "../schemas/document.js";

export const SEEDS: [string, number][] = [
  ["000_9cf0e1b2418f68ec", 0],
  ["001_3086ccc4e4aed2ea", 1],
  ["002_6446a6058fd84167", 2],
  ["003_dd124789fcb3a41d", 2],
  ["004_c41bed75581ceb3b", 1],
];
export const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
export const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is TableBlock => b.type === "table");
