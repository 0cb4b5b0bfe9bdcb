// Every kind of audit event, with its Chinese label. A new event type is added
// here first; the label map makes a missing label a compile error.
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.locked",
  "auth.logout",
  "auth.password_changed",
  "user.created",
  "user.disabled",
  "user.enabled",
  "user.password_reset",
  "role.assigned",
  "role.removed",
  "organ.created",
  "organ.updated",
  "report.created",
  "report.imported",
  "section.saved",
  "section.restored",
  "section.assigned",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.locked": "账号锁定",
  "auth.logout": "退出登录",
  "auth.password_changed": "修改密码",
  "user.created": "创建用户",
  "user.disabled": "停用用户",
  "user.enabled": "启用用户",
  "user.password_reset": "重置密码",
  "role.assigned": "分配角色",
  "role.removed": "移除角色",
  "organ.created": "创建机关",
  "organ.updated": "修改机关",
  "report.created": "创建报告",
  "report.imported": "导入报告",
  "section.saved": "保存章节",
  "section.restored": "恢复历史版本",
  "section.assigned": "指定撰稿人",
};
