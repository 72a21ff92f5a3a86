/**
 * The frame every page shares: head, navigation, a search box, and the page's
 * own script as a static module file (the Content-Security-Policy allows no
 * inline script, and no page carries data inside a script).
 */
import { language, t, type MessageKey } from "../../i18n/index.js";
import { html, type Html } from "../html.js";

export type Section = "documents" | "graph" | "deadlines" | "tasks" | "metrics";

const NAV = [
  { section: "documents", href: "/documents", label: "web.nav.documents" },
  { section: "graph", href: "/graph", label: "web.nav.graph" },
  { section: "deadlines", href: "/deadlines", label: "web.nav.deadlines" },
  { section: "tasks", href: "/tasks", label: "web.nav.tasks" },
  { section: "metrics", href: "/metrics", label: "web.nav.metrics" },
] as const satisfies readonly { section: Section; href: string; label: MessageKey }[];

export function layout(page: { title: string; section?: Section; body: Html; script?: string }): Html {
  return html`<!doctype html>
<html lang="${language()}">
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
  <nav aria-label="${t("web.nav")}">
    ${NAV.map((n) => html`<a href="${n.href}"${n.section === page.section ? html` aria-current="page"` : ""}>${t(n.label)}</a>`)}
  </nav>
  <form class="site-search" method="get" action="/search" role="search">
    <input type="search" name="q" placeholder="${t("web.searchPlaceholder")}" aria-label="${t("web.searchPlaceholder")}">
  </form>
</header>
<main>
${page.body}
</main>
</body>
</html>
`;
}
