// The kinds of organ in the tree, with their Chinese names. Pure domain words. Browser-safe.
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
