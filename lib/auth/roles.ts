// Roles and organ kinds with their Chinese names. Safe to import in the browser.
export const ROLES = [
  "AUTHOR",
  "FIRST_REVIEWER",
  "SECOND_REVIEWER",
  "FINAL_REVIEWER",
  "PUBLISHER",
  "ORGAN_ADMIN",
  "SUPERVISOR",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  AUTHOR: "撰稿人",
  FIRST_REVIEWER: "初审人",
  SECOND_REVIEWER: "复审人",
  FINAL_REVIEWER: "终审人",
  PUBLISHER: "发布人",
  ORGAN_ADMIN: "管理员",
  SUPERVISOR: "上级主管",
};

export const ORGAN_KINDS = ["PROVINCE", "CITY", "COUNTY", "DISTRICT", "TOWNSHIP", "STREET", "DEPARTMENT"] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

export const ORGAN_KIND_LABELS: Record<OrganKind, string> = {
  PROVINCE: "省",
  CITY: "市",
  COUNTY: "县",
  DISTRICT: "区",
  TOWNSHIP: "乡镇",
  STREET: "街道",
  DEPARTMENT: "部门",
};
