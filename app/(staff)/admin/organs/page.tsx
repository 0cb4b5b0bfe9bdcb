import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { ORGAN_KIND_LABELS } from "@/lib/domain/organ-kinds";
import { listAllOrgans } from "@/lib/organs/queries";
import { createOrganAction } from "./actions";
import { OrganFields } from "./organ-fields";

export const metadata: Metadata = { title: "机关管理" };

type OrganRow = Awaited<ReturnType<typeof listAllOrgans>>[number];

/** Depth-first order, so the list reads as a tree. */
function inTreeOrder(organs: OrganRow[]) {
  const children = new Map<string | null, OrganRow[]>();
  for (const o of organs) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const out: Array<OrganRow & { depth: number }> = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const o of children.get(parentId) ?? []) {
      out.push({ ...o, depth });
      visit(o.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export default async function AdminOrgansPage() {
  const actor = await requireActor();
  if (!can(actor, "organ.create")) notFound();
  const organs = await listAllOrgans();
  return (
    <>
      <h1>机关管理</h1>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">类型</th>
              <th scope="col">机关代码</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {inTreeOrder(organs).map((o) => (
              <tr key={o.id}>
                <th scope="row" style={{ paddingLeft: `${0.6 + o.depth * 1.5}rem` }}>
                  <Link href={`/organs/${o.id}`}>{o.name}</Link>
                </th>
                <td>{ORGAN_KIND_LABELS[o.kind]}</td>
                <td>{o.code}</td>
                <td>
                  <Link href={`/admin/organs/${o.id}`}>编辑</Link> · <Link href={`/organs/${o.id}/users`}>人员</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-organ" style={{ marginTop: "1.5rem" }}>
        <h2 id="new-organ">新建机关</h2>
        <ActionForm action={createOrganAction} submitLabel="创建机关" resetOnSuccess className="grid-2">
          <OrganFields parents={organs} />
        </ActionForm>
      </section>
    </>
  );
}
