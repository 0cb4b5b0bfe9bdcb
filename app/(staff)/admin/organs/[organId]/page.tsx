import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { getOrganDetail, listAllOrgans } from "@/lib/organs/queries";
import { idField } from "@/lib/validation/fields";
import { updateOrganAction } from "../actions";
import { OrganFields } from "../organ-fields";

export const metadata: Metadata = { title: "编辑机关" };

export default async function EditOrganPage({ params }: { params: Promise<{ organId: string }> }) {
  const { organId } = await params;
  const actor = await requireActor();
  if (!can(actor, "organ.edit") || !idField.safeParse(organId).success) notFound();
  const [organ, organs] = await Promise.all([getOrganDetail(organId), listAllOrgans()]);
  if (!organ) notFound();
  return (
    <>
      <p>
        <Link href="/admin/organs">← 机关管理</Link>
      </p>
      <h1>编辑机关：{organ.name}</h1>
      <div className="card">
        <ActionForm action={updateOrganAction.bind(null, organId)} submitLabel="保存" className="grid-2">
          <OrganFields values={organ} parents={organs.filter((o) => o.id !== organId)} />
        </ActionForm>
      </div>
    </>
  );
}
