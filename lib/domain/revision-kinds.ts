// How a version of a section came about, as recorded in SectionRevision.kind, and its Chinese name.
export const REVISION_KIND_LABELS: Record<string, string> = {
  create: "创建",
  carryover: "沿用上年",
  save: "保存",
  restore: "恢复",
  import: "导入",
  correction: "校对修改",
};

export const revisionKindLabel = (kind: string) => REVISION_KIND_LABELS[kind] ?? "其他修改";
