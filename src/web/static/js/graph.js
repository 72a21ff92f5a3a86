/**
 * Citation graph page: /api/graph drawn with cytoscape. Edges go from the citing
 * document to the cited one, coloured by relation; placeholders (not in the
 * archive) are hollow and dashed; the focus document sits in the middle of
 * rings of its citers. Clicking a node opens its document.
 */
import cytoscape from "/static/vendor/cytoscape.esm.min.mjs";
import { getJson, pageFilters, reportError } from "./api.js";
import { documentLink } from "./document-link.js";
import { el, replaceChildren, vnDate } from "./dom.js";
import { KIND_LABELS, say } from "./labels.js";

const EDGE_COLOURS = { basis: "#2563eb", implements: "#16a34a", "annex-of": "#9333ea", cites: "#6b7280" };

const STYLE = [
  {
    selector: "node",
    style: {
      label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 110, "text-valign": "bottom", "text-margin-y": 4,
      width: 18, height: 18, "background-color": "#0f766e", "border-width": 2, "border-color": "#0f766e", color: "#1f2937",
    },
  },
  { selector: "node[?placeholder]", style: { "background-color": "#ffffff", "border-style": "dashed", "border-color": "#64748b" } },
  { selector: "node[?focus]", style: { width: 30, height: 30, "background-color": "#dc2626", "border-color": "#991b1b", "font-weight": "bold", "font-size": 12 } },
  {
    selector: "edge",
    style: { width: 1.5, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9, "line-color": "data(colour)", "target-arrow-color": "data(colour)" },
  },
  { selector: "edge[?reported]", style: { "line-style": "dashed" } },
];

async function load() {
  const params = pageFilters();
  const graph = await getJson("/api/graph", params);
  const nodeId = (id) => `d${id}`;
  const elements = [
    ...graph.nodes.map((n) => ({
      data: { id: nodeId(n.id), documentId: n.id, label: n.label, placeholder: n.placeholder, focus: n.id === graph.focus, depth: n.depth ?? 0 },
    })),
    ...graph.edges.map((e, i) => ({
      data: { id: `e${i}`, source: nodeId(e.source), target: nodeId(e.target), relation: e.relation, reported: e.reported, colour: EDGE_COLOURS[e.relation] ?? "#6b7280" },
    })),
  ];
  const container = document.getElementById("graph");
  // The focus in the middle, each ring one step further along the citing chains.
  const deepest = Math.max(0, ...graph.nodes.map((n) => n.depth ?? 0));
  const layout = graph.focus !== null
    ? { name: "concentric", concentric: (node) => deepest - node.data("depth"), levelWidth: () => 1, minNodeSpacing: 40, animate: false }
    : {
        // The whole archive: cose, sized with the labels and pushed well apart; what still overlaps is spread below.
        name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 400000, nodeOverlap: 40, idealEdgeLength: () => 90, componentSpacing: 120, gravity: 0.4, numIter: 1500,
      };
  const cy = cytoscape({ container, elements, style: STYLE, layout, minZoom: 0.1, maxZoom: 3 });
  separateLabels(cy);
  cy.fit(undefined, 20);
  cy.on("tap", "node", (event) => {
    location.href = `/documents/${event.target.data("documentId")}`;
  });
  // Tests and curious readers can inspect the drawing from the console.
  window.vanbanGraph = cy;
  container.dataset.nodes = String(graph.nodes.length);

  const focus = graph.nodes.find((n) => n.id === graph.focus);
  document.getElementById("summary").textContent =
    say("graphSummary", { nodes: graph.nodes.length, edges: graph.edges.length }) +
    (focus ? say("graphFocus", { n: graph.nodes.length - 1, focus: focus.label }) : "") +
    (graph.truncated ? say("graphTruncated") : "");
  const rows = [...graph.nodes]
    .sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0) || (b.date ?? "").localeCompare(a.date ?? ""))
    .map((n) =>
      el("tr", {},
        el("td", {}, documentLink({ ...n, id: n.id })),
        el("td", {}, KIND_LABELS[n.kind] ?? n.kind ?? ""),
        el("td", { class: "nowrap" }, vnDate(n.date)),
        el("td", {}, n.issuer ?? ""),
        el("td", {}, n.depth === null ? "" : n.depth === 0 ? say("focus") : String(n.depth)),
        el("td", {}, n.placeholder ? say("notHeld") : say("held")),
      ),
    );
  replaceChildren(document.querySelector("#graph-nodes tbody"), rows);
}

/**
 * Force layouts space node centres, not labels: two codes can still print over
 * each other. Until no two label boxes meet, each pair that does is pushed apart
 * along the axis where they overlap least (a sweep over x keeps a pass near
 * n log n). Positions only move; the graph's shape is kept.
 */
function separateLabels(cy, gap = 6, passes = 200) {
  const nodes = cy.nodes().toArray();
  for (let pass = 0; pass < passes; pass++) {
    const boxes = nodes.map((node) => ({ node, box: node.boundingBox({ includeLabels: true, includeOverlays: false }) })).sort((a, b) => a.box.x1 - b.box.x1);
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i];
      for (let j = i + 1; j < boxes.length && boxes[j].box.x1 < a.box.x2 + gap; j++) {
        const b = boxes[j];
        const dx = Math.min(a.box.x2, b.box.x2) - Math.max(a.box.x1, b.box.x1) + gap;
        const dy = Math.min(a.box.y2, b.box.y2) - Math.max(a.box.y1, b.box.y1) + gap;
        if (dx <= 0 || dy <= 0) continue;
        const pa = a.node.position();
        const pb = b.node.position();
        if (dx < dy) {
          const s = pa.x <= pb.x ? 1 : -1;
          a.node.position({ x: pa.x - (s * dx) / 2, y: pa.y });
          b.node.position({ x: pb.x + (s * dx) / 2, y: pb.y });
        } else {
          const s = pa.y <= pb.y ? 1 : -1;
          a.node.position({ x: pa.x, y: pa.y - (s * dy) / 2 });
          b.node.position({ x: pb.x, y: pb.y + (s * dy) / 2 });
        }
        a.box = a.node.boundingBox({ includeLabels: true, includeOverlays: false });
        b.box = b.node.boundingBox({ includeLabels: true, includeOverlays: false });
        moved = true;
      }
    }
    if (!moved) return;
  }
}

load().catch(reportError);
