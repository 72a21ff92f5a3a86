/**
 * Thrown by the fast Markdown reader when a segment holds a construct it leaves
 * to remark (reference links, GFM strikethrough and tables outside the line
 * table reader, tabs in indentation, …). The caller re-reads the segment with
 * remark; nothing is lost but speed.
 */
export class UnsupportedMarkdown extends Error {
  constructor(readonly construct: string) {
    super(`left to remark: ${construct}`);
  }
}
