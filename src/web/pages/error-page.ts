/** What a page request that failed shows: the reason, and a way back. */
import { html, type Html } from "../html.js";
import { layout } from "./layout.js";

export function errorPage(status: number, message: string): Html {
  const title = status === 404 ? "Không tìm thấy" : status === 400 ? "Yêu cầu không hợp lệ" : "Lỗi máy chủ";
  return layout({
    title,
    body: html`<h1>${title}</h1><p class="error">${message}</p><p><a href="/documents">Về danh sách văn bản</a></p>`,
  });
}
