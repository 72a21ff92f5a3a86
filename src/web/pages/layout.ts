/**
 * The frame every page shares: head, navigation, a search box, and the page's
 * own script as a static module file (the Content-Security-Policy allows no
 * inline script, and no page carries data inside a script).
 */
import { html, type Html } from "../html.js";

export type Section = "documents" | "graph" | "deadlines" | "tasks";

const NAV: { section: Section; href: string; label: string }[] = [
  { section: "documents", href: "/documents", label: "Văn bản" },
  { section: "graph", href: "/graph", label: "Đồ thị trích dẫn" },
  { section: "deadlines", href: "/deadlines", label: "Thời hạn" },
  { section: "tasks", href: "/tasks", label: "Nhiệm vụ theo cơ quan" },
];

export function layout(page: { title: string; section?: Section; body: Html; script?: string }): Html {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} — vanban</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/app.css">
${page.script ? html`<script type="module" src="/static/js/${page.script}"></script>` : ""}
</head>
<body>
<header class="site-header">
  <a class="brand" href="/">vanban</a>
  <nav aria-label="Chính">
    ${NAV.map((n) => html`<a href="${n.href}"${n.section === page.section ? html` aria-current="page"` : ""}>${n.label}</a>`)}
  </nav>
  <form class="site-search" method="get" action="/documents" role="search">
    <input type="search" name="q" placeholder="Tìm văn bản…" aria-label="Tìm văn bản">
  </form>
</header>
<main>
${page.body}
</main>
</body>
</html>
`;
}
