/**
 * The floors each route is judged against, measured in the same run as vanban's
 * own pass over the same files (issue 17):
 *
 *   text/Markdown  decode the bytes, NFC-normalise, run five regexes of the kind
 *                  the extractors run (codes, dates, percentages, document kinds,
 *                  deadlines): the least any extraction of these files costs;
 *   DOCX           mammoth alone (`convertToHtml` on the file, what the DOCX route
 *                  calls); the route adds unzip guards, list numbers and the
 *                  HTML → blocks conversion, then extraction and the store;
 *   PDF            bare pdf.js `getTextContent` on every page (pdf-floor.ts).
 *
 * Each returns wall and CPU milliseconds of the pass.
 */
import mammoth from "mammoth";
import type { InputFile } from "./corpus.js";
import { cpuMs, now } from "./measure.js";

export type FloorPass = { ms: number; cpuMs: number; bytes: number; matches: number };

const FLOOR_PATTERNS = [
  /\b\d{1,4}[-/][\p{Lu}Đ]+(?:[-/][\p{Lu}Đ]+)*/gu,
  /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\b\d{1,2}\/\d{1,2}\/\d{4}\b/giu,
  /\d+(?:[.,]\d+)?\s*%/gu,
  /(?:Kế hoạch|Báo cáo|Kết luận|Thông báo|Công văn|Nghị quyết|Chỉ thị|Quyết định)\b/gu,
  /(?:trước|chậm nhất|hoàn thành)\s+(?:ngày|trong|tháng)/giu,
];

export function textFloorPass(files: InputFile[]): FloorPass {
  const t0 = now();
  const c0 = cpuMs();
  let bytes = 0;
  let matches = 0;
  const decoder = new TextDecoder("utf-8");
  for (const f of files) {
    const text = decoder.decode(f.bytes).normalize("NFC");
    for (const re of FLOOR_PATTERNS) for (const _ of text.matchAll(re)) matches++;
    bytes += f.bytes.length;
  }
  return { ms: now() - t0, cpuMs: cpuMs() - c0, bytes, matches };
}

export async function mammothPass(files: InputFile[], repeat = 1): Promise<FloorPass> {
  const t0 = now();
  const c0 = cpuMs();
  let bytes = 0;
  let matches = 0;
  for (let r = 0; r < repeat; r++)
    for (const f of files) {
      const html = await mammoth.convertToHtml({ buffer: f.bytes });
      matches += html.value.length > 0 ? 1 : 0;
      bytes += f.bytes.length;
    }
  return { ms: now() - t0, cpuMs: cpuMs() - c0, bytes, matches };
}
