// The demo city and its accounts: used by the seed, the README and the browser tests.
import type { OrganKind } from "@/lib/domain/organ-kinds";
import type { Role } from "@/lib/domain/roles";

export const DEMO_PASSWORD = "nianbao-demo-2026";

export type DemoOrgan = { key: string; name: string; shortName: string; kind: OrganKind; code: string; parentKey?: string };

export const DEMO_ORGANS: DemoOrgan[] = [
  { key: "yunxi", name: "云溪市", shortName: "云溪", kind: "CITY", code: "001008004000001" },
  { key: "qingshi", name: "青石镇", shortName: "青石", kind: "TOWNSHIP", code: "001008004005001", parentKey: "yunxi" },
  { key: "baisha", name: "白沙镇", shortName: "白沙", kind: "TOWNSHIP", code: "001008004005002", parentKey: "yunxi" },
  { key: "jiangnan", name: "江南街道办事处", shortName: "江南街道", kind: "STREET", code: "001008004006001", parentKey: "yunxi" },
];

const ORGAN_ROLES: Array<{ suffix: string; role: Role; title: string }> = [
  { suffix: "author", role: "AUTHOR", title: "撰稿人" },
  { suffix: "review1", role: "FIRST_REVIEWER", title: "初审人" },
  { suffix: "review2", role: "SECOND_REVIEWER", title: "复审人" },
  { suffix: "review3", role: "FINAL_REVIEWER", title: "终审人" },
  { suffix: "publisher", role: "PUBLISHER", title: "发布人" },
  { suffix: "admin", role: "ORGAN_ADMIN", title: "管理员" },
];

export type DemoAccount = { username: string; displayName: string; organKey: string | null; role: Role | null };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "platform.admin", displayName: "平台管理员", organKey: null, role: null },
  { username: "yunxi.supervisor", displayName: "云溪市政务公开办", organKey: "yunxi", role: "SUPERVISOR" },
  { username: "yunxi.admin", displayName: "云溪市管理员", organKey: "yunxi", role: "ORGAN_ADMIN" },
  ...DEMO_ORGANS.filter((o) => o.kind !== "CITY").flatMap((organ) =>
    ORGAN_ROLES.map((r) => ({
      username: `${organ.key}.${r.suffix}`,
      displayName: `${organ.shortName}${r.title}`,
      organKey: organ.key,
      role: r.role,
    })),
  ),
];
