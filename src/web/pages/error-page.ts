/** What a page request that failed shows: the reason, and a way back. */
import { t } from "../../i18n/index.js";
import { html, type Html } from "../html.js";
import { layout } from "./layout.js";

export function errorPage(status: number, message: string): Html {
  const title = status === 404 ? t("web.error.404") : status === 400 ? t("web.error.400") : status === 405 ? t("web.error.405") : status === 421 ? t("web.error.421") : t("web.error.500");
  return layout({
    title,
    body: html`<h1>${title}</h1><p class="error">${message}</p><p><a href="/documents">${t("web.backToList")}</a></p>`,
  });
}
