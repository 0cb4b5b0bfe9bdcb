import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/current-actor";
import { subtreeRootsWhere } from "@/lib/auth/permissions";
import { ORGAN_KIND_LABELS } from "@/lib/domain/organ-kinds";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { findDescendantIds } from "@/lib/organs/organ-tree";
import { listOrgansByIds } from "@/lib/organs/queries";

export const metadata: Metadata = { title: "我的工作台" };

export default async function WorkspacePage() {
  const actor = await requireActor();
  const ownOrganIds = [...new Set(actor.memberships.map((m) => m.organId))];
  const supervisedRoots = subtreeRootsWhere(actor, "organ.view");
  const supervisedIds = (await findDescendantIds(supervisedRoots)).filter((id) => !ownOrganIds.includes(id));
  const organs = await listOrgansByIds([...ownOrganIds, ...supervisedIds]);
  const byId = new Map(organs.map((o) => [o.id, o]));
  const rolesByOrgan = new Map<string, Role[]>();
  for (const m of actor.memberships) rolesByOrgan.set(m.organId, [...(rolesByOrgan.get(m.organId) ?? []), m.role]);

  return (
    <>
      <h1>我的工作台</h1>
      <p className="muted">您好，{actor.displayName}。</p>
      <section aria-labelledby="own-organs">
        <h2 id="own-organs">我所在的机关</h2>
        {ownOrganIds.length === 0 ? (
          <p className="muted">{actor.isPlatformAdmin ? "您是平台管理员，可在“机关管理”中维护机关。" : "您尚未被分配到任何机关，请联系管理员。"}</p>
        ) : (
          <ul className="plain">
            {ownOrganIds.map((id) => {
              const organ = byId.get(id);
              if (!organ) return null;
              return (
                <li key={id}>
                  <Link href={`/organs/${id}`}>{organ.name}</Link> <span className="muted">（{ORGAN_KIND_LABELS[organ.kind]}）</span>{" "}
                  {(rolesByOrgan.get(id) ?? []).map((r) => (
                    <span key={r} className="tag">
                      {ROLE_LABELS[r]}
                    </span>
                  ))}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {supervisedIds.length > 0 ? (
        <section aria-labelledby="supervised-organs">
          <h2 id="supervised-organs">主管的下级机关</h2>
          <ul className="plain">
            {supervisedIds.map((id) => {
              const organ = byId.get(id);
              return organ ? (
                <li key={id}>
                  <Link href={`/organs/${id}`}>{organ.name}</Link> <span className="muted">（{ORGAN_KIND_LABELS[organ.kind]}）</span>
                </li>
              ) : null;
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
