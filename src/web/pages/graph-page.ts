/**
 * Page 3 — the citation graph: graph.js draws /api/graph with cytoscape
 * (documents as nodes, typed edges). A code focuses on one directive and its
 * citing tree; kind and commune filter the nodes. The node table under the
 * drawing lists the same documents for reading and for keyboards.
 */
import type { Facets } from "../../store/index.js";
import { html, type Html } from "../html.js";
import { RELATION_LABELS, kindLabel } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, inputField, selectField } from "./form-controls.js";
import { layout } from "./layout.js";

export function graphPage(facets: Facets, query: QueryParams): Html {
  const v = (name: string) => currentValue(query, name);
  const transitive = v("transitive") !== "0";
  const body = html`
<h1>Đồ thị trích dẫn</h1>
<form class="filters" method="get" action="/graph">
  ${inputField("Văn bản trọng tâm (số hiệu)", "code", v("code"), { placeholder: "57-NQ/TW" })}
  ${selectField("Loại văn bản", "kind", facets.kinds.map((k) => ({ value: k.value, label: kindLabel(k.value) })), v("kind"))}
  ${selectField("Xã, phường", "locality", facets.localities.map((l) => ({ value: l.key, label: l.name })), v("locality"))}
  <label class="inline"><input type="checkbox" name="transitive" value="1"${transitive ? html` checked` : ""}> Cả các văn bản trích dẫn gián tiếp</label>
  <input type="hidden" name="transitive" value="0">
  <div class="actions"><button type="submit">Vẽ</button> <a href="/graph">Toàn bộ kho</a></div>
</form>
<p id="summary" class="summary" aria-live="polite">Đang tải…</p>
<p id="error" class="error" role="alert" hidden></p>
<div class="graph-legend" aria-label="Chú giải">
  ${Object.entries(RELATION_LABELS).map(([relation, label]) => html`<span class="legend-item"><span class="edge-swatch edge-${relation}"></span> ${label}</span>`)}
  <span class="legend-item"><span class="node-swatch held"></span> Có trong kho</span>
  <span class="legend-item"><span class="node-swatch placeholder"></span> Không có trong kho</span>
  <span class="legend-item"><span class="node-swatch focus"></span> Văn bản trọng tâm</span>
</div>
<link id="__________cytoscape_stylesheet" rel="stylesheet" href="/static/css/graph.css">
<div id="graph" class="graph-canvas" role="img" aria-label="Đồ thị trích dẫn"></div>
<h2>Các văn bản trong đồ thị</h2>
<table id="graph-nodes" class="list compact">
  <thead><tr><th>Số hiệu</th><th>Loại</th><th>Ngày</th><th>Cơ quan ban hành</th><th>Bậc</th><th>Lưu trữ</th></tr></thead>
  <tbody></tbody>
</table>`;
  return layout({ title: "Đồ thị trích dẫn", section: "graph", body, script: "graph.js" });
}
