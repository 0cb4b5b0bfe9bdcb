// The roles a person can hold in an organ, with their Chinese names. Pure domain words: auth,
// organs, validation and the report modules import them; they import nothing. Browser-safe.
export const ROLES = ["AUTHOR", "FIRST_REVIEWER", "SECOND_REVIEWER", "FINAL_REVIEWER", "PUBLISHER", "ORGAN_ADMIN", "SUPERVISOR"] as const;
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
