// What the report page says after an act that made its form disappear (the report changed state).
// The address carries only a code from this list, never text: a link cannot make the page say anything.
export const DONE_NOTICES = {
  returned: "已退回撰稿人。",
  approvedAll: "审核全部通过，报告待发布。",
  approved: "本环节已审核通过，报告已转到下一环节。",
  handedOver: "已转交。",
  published: "已发布。",
  correctionStarted: "已发起更正：报告回到草稿，修改后须重新经过审核再发布。当前公开版本保持不变。",
  imported: "已导入。导入前的内容保留在各部分的历史版本中。",
  withdrawnFromPublic: "已撤回。公开页面将显示撤回时间和理由。",
} as const;
export type DoneNotice = keyof typeof DONE_NOTICES;

export const isDoneNotice = (value: unknown): value is DoneNotice => typeof value === "string" && Object.hasOwn(DONE_NOTICES, value);

export const doneAddress = (reportId: string, notice: DoneNotice) => `/reports/${reportId}?done=${notice}`;
