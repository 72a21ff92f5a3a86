/**
 * How reports state counts of tasks by status in prose, as data for ../warnings.ts,
 * which checks them against the task-status annex ("Số nhiệm vụ đã hoàn thành: 6"
 * against the rows marked "Đã hoàn thành"). Each phrase follows "(số|tổng số) nhiệm vụ"
 * and ends before the ":" that introduces the count.
 */
import type { TaskStatus } from "../../../schemas/extraction.js";

/** Which statuses a phrase counts; "all" counts every task of the annex. */
export const TASK_COUNT_PHRASES: { phrase: string; statuses: TaskStatus[] | "all" }[] = [
  { phrase: "được giao", statuses: "all" },
  { phrase: "", statuses: "all" }, // "Tổng số nhiệm vụ: 12"
  { phrase: "đã hoàn thành", statuses: ["done"] },
  { phrase: "hoàn thành", statuses: ["done"] },
  // Summaries split tasks into done, running on time and overdue: "running" covers those not started yet.
  { phrase: "đang thực hiện", statuses: ["in-progress", "not-started"] },
  { phrase: "đang triển khai", statuses: ["in-progress", "not-started"] },
  { phrase: "chưa hoàn thành", statuses: ["in-progress", "not-started", "overdue"] },
  { phrase: "chưa thực hiện", statuses: ["not-started"] },
  { phrase: "chưa triển khai", statuses: ["not-started"] },
  { phrase: "quá hạn", statuses: ["overdue"] },
  { phrase: "chậm tiến độ", statuses: ["overdue"] },
];
/** Words that make the phrase a subset the annex cannot tell apart ("hoàn thành đúng hạn", "hoàn thành quá hạn"). */
export const TASK_COUNT_QUALIFIERS = ["đúng hạn", "trước hạn", "quá hạn", "trễ hạn"];

/** Words that open a total ("Tổng số hồ sơ đã tiếp nhận: 6.576") and the list of its parts ("Trong đó:"). */
export const TOTAL_WORDS = ["tổng số", "tổng cộng", "tổng"];
export const PARTS_OPENERS = ["trong đó"];
