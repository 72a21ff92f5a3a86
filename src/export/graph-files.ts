/**
 * The citation graph (src/web/citation-graph-view.ts) as files other tools read:
 * GraphML (Gephi, yEd, Cytoscape desktop, networkx) and two CSV tables in Gephi's
 * spreadsheet-import shape (nodes: Id, Label, …; edges: Source, Target, Type, …).
 * The CSV has no byte-order mark and no spreadsheet formula guard: it is for a
 * graph tool, which would keep either as part of the first header or of the text.
 */
import type { CitationGraph, GraphNode } from "../web/citation-graph-view.js";
import { csvRecord, type CsvCell } from "../web/csv.js";

/** Node attributes, in the order both formats list them. */
const NODE_ATTRIBUTES = [
  ["label", "string", (n) => n.label],
  ["code", "string", (n) => n.code],
  ["kind", "string", (n) => n.kind],
  ["title", "string", (n) => n.title],
  ["issuer", "string", (n) => n.issuer],
  ["date", "string", (n) => n.date],
  ["held", "boolean", (n) => !n.placeholder],
  ["locality", "string", (n) => n.localityKey],
] as const satisfies readonly (readonly [string, "string" | "boolean", (n: GraphNode) => CsvCell])[];

const nodeId = (id: number) => `d${id}`;

export function graphml(graph: CitationGraph): string {
  const keys = [
    ...NODE_ATTRIBUTES.map(([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    `  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>`,
    `  <key id="reported" for="edge" attr.name="reported" attr.type="boolean"/>`,
  ];
  const data = (key: string, value: CsvCell) => (value === null || value === undefined ? "" : `<data key="${key}">${xmlText(String(value))}</data>`);
  const nodes = graph.nodes.map((n) => `    <node id="${nodeId(n.id)}">${NODE_ATTRIBUTES.map(([name, , value]) => data(name, value(n))).join("")}</node>`);
  const edges = graph.edges.map(
    (e, i) => `    <edge id="e${i + 1}" source="${nodeId(e.source)}" target="${nodeId(e.target)}">${data("relation", e.relation)}${data("reported", e.reported)}</edge>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...keys,
    `  <graph id="citations" edgedefault="directed">`,
    ...nodes,
    ...edges,
    `  </graph>`,
    `</graphml>`,
    "",
  ].join("\n");
}

export function nodesCsv(graph: CitationGraph): string {
  const header = ["Id", "Label", ...NODE_ATTRIBUTES.slice(1).map(([name]) => name)];
  return lines([header, ...graph.nodes.map((n) => [nodeId(n.id), ...NODE_ATTRIBUTES.map(([, , value]) => value(n))])]);
}

export function edgesCsv(graph: CitationGraph): string {
  return lines([["Source", "Target", "Type", "relation", "reported"], ...graph.edges.map((e) => [nodeId(e.source), nodeId(e.target), "Directed", e.relation, e.reported])]);
}

const lines = (records: readonly (readonly CsvCell[])[]) => `${records.map(csvRecord).join("\r\n")}\r\n`;

/** XML text and attribute content: the five special characters escaped, characters XML 1.0 forbids dropped. */
function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}
