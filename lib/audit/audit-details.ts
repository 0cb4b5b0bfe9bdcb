// An audit entry's details in the words of the people who read the log: each recorded field by
// its Chinese name, and each recorded code (roles, reasons, refused attempts, sections …) by its
// label. The log itself keeps the codes (they are what the hash chain signs). Pure.
import { ORGAN_KIND_LABELS, type OrganKind } from "@/lib/domain/organ-kinds";
import { REVISION_KIND_LABELS } from "@/lib/domain/revision-kinds";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import type { AppErrorCode } from "@/lib/errors";
import { formatDateTime } from "@/lib/format-time";
import { SECTION_TITLES, type SectionKey } from "@/lib/report-format/format";

const FIELD_LABELS: Record<string, string> = {
  attempt: "所做操作",
  code: "代码",
  reason: "原因",
  note: "说明",
  scope: "限制方式",
  until: "限制至",
  maxFailures: "允许失败次数",
  otherSessionsEnded: "结束的其他会话数",
  sessionId: "会话",
  username: "用户名",
  displayName: "姓名",
  role: "角色",
  year: "年度",
  from: "发起机关",
  message: "留言",
  status: "状态",
  version: "版本",
  indexNumber: "索引号",
  correctionNote: "更正说明",
  stages: "审核环节",
  sensitiveWords: "敏感词数",
  wrongTerms: "易错词数",
  deadlineMonth: "截止月",
  deadlineDay: "截止日",
  section: "部分",
  round: "轮次",
  stage: "环节",
  assigneeId: "指定撰稿人",
  to: "转交给",
  toName: "转交给",
  comment: "意见",
  warnings: "说明理由的提醒",
  scan: "保留的保密检查结果",
  title: "标题",
  carriedFrom: "沿用上年报告",
  kind: "类型",
  name: "名称",
  shortName: "简称",
  parentId: "上级机关",
  count: "数量",
  source: "来源",
  sourceUrl: "原发布地址",
  format: "文件类型",
  sections: "改动的部分",
  carriedFromExternal: "沿用外部导入的年度",
  fromVersion: "更正前版本",
  changes: "改动",
};

const FORMAT_LABELS: Record<string, string> = { docx: "Word 文件", html: "网页", text: "粘贴的文字" };

/** Refused attempts by their Chinese names (`page.X` is opening a page that needs X). */
const ATTEMPT_LABELS: Record<string, string> = {
  action: "提交表单",
  route: "接口请求",
  "organ.create": "新建机关",
  "organ.update": "修改机关",
  "organ.setDeadline": "设置截止日期",
  "organ.saveReviewSettings": "保存审核设置",
  "organ.remind": "催办",
  "organ.exportAudit": "导出操作日志",
  "organ.exportProgress": "导出进度表",
  "organ.exportSummary": "导出汇总",
  "report.create": "新建报告",
  "report.export": "下载报告",
  "report.import": "导入报告",
  "report.importExternal": "添加外部导入的历年报告",
  "report.correctExternal": "更正外部导入的历年报告",
  "report.submit": "提交审核",
  "report.withdrawSubmission": "撤回提交",
  "report.publish": "发布报告",
  "report.startCorrection": "发起更正",
  "report.withdrawFromPublic": "撤回已发布的报告",
  "review.decide": "审核决定",
  "review.comment": "审核意见",
  "review.handOver": "转交环节",
  "role.assign": "分配角色",
  "role.remove": "移除角色",
  "section.save": "保存内容",
  "section.restore": "恢复历史版本",
  "section.presence": "编辑状态",
  "section.assign": "指定撰稿人",
  "session.end": "结束会话",
  "user.create": "新建账号",
  "user.resetPassword": "重置密码",
  "user.setDisabled": "停用或启用账号",
};

const CODE_LABELS: Record<AppErrorCode, string> = {
  NOT_FOUND: "不存在或无权访问",
  FORBIDDEN: "无权操作",
  CONFLICT: "与当前状态冲突",
  INVALID_INPUT: "输入不符合要求",
  UNAUTHENTICATED: "未登录",
  LOCKED: "已锁定",
  TOO_LARGE: "内容过大",
};

const REASON_LABELS: Record<string, string> = {
  locked: "账号已被暂时锁定",
  address_locked: "该地址尝试过多，已被暂时限制",
  wrong_password: "密码不正确",
  unknown_user: "用户名不存在",
  invalid_input: "输入无效",
  disabled: "账号已停用",
  content_changed: "内容在审核规则之外被改动",
};

export const AUDIT_TARGET_LABELS: Record<string, string> = { report: "报告", user: "账号", organ: "机关", section: "部分", externalReport: "外部导入的历年报告" };

const SCOPE_LABELS: Record<string, string> = { name: "按账号", address: "按地址" };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    if (key === "stages") return value.map((s) => (s && typeof s === "object" && "name" in s ? String(s.name) : valueText("", s))).join("、");
    if (key === "warnings" || key === "scan") return `${value.length} 条`;
    if (key === "changes") return `${value.length} 处`;
    if (key === "sections") return value.map((v) => SECTION_TITLES[v as SectionKey] ?? valueText("", v)).join("、");
    return value.map((v) => valueText("", v)).join("、");
  }
  if (typeof value === "object") return describeAuditDetails(value);
  const text = String(value);
  if (key === "attempt") return ATTEMPT_LABELS[text] ?? (text.startsWith("page.") ? "打开页面" : "其他操作");
  if (key === "reason") return REASON_LABELS[text] ?? text;
  if (key === "code") return CODE_LABELS[text as AppErrorCode] ?? text;
  if (key === "role") return ROLE_LABELS[text as Role] ?? text;
  if (key === "scope") return SCOPE_LABELS[text] ?? text;
  if (key === "format") return FORMAT_LABELS[text] ?? text;
  if (key === "section") return SECTION_TITLES[text as SectionKey] ?? text;
  if (key === "kind") return ORGAN_KIND_LABELS[text as OrganKind] ?? REVISION_KIND_LABELS[text] ?? text;
  if (ISO_TIME.test(text) && !Number.isNaN(Date.parse(text))) return formatDateTime(text);
  return text;
}

/** "原因：密码不正确；…" — every field, in recorded order; an unknown field keeps its value under "其他". */
export function describeAuditDetails(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object" || Array.isArray(details)) return valueText("", details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${FIELD_LABELS[key] ?? "其他"}：${valueText(key, value)}`)
    .join("；");
}
