/**
 * A table found on a page, with the vertical extent that places it among the
 * page's paragraphs.
 */
import type { DraftBlock } from "../draft.js";

export type TableDraft = Extract<DraftBlock, { type: "table" }>;

export type PlacedTable = { top: number; bottom: number; block: TableDraft };
