import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { StagesEditor } from "@/components/stages-editor";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { getReviewSettings } from "@/lib/organs/save-review-settings";
import { formatWrongTerms } from "@/lib/review/review-settings";
import { saveReviewSettingsAction } from "./actions";

export const metadata: Metadata = { title: "审核设置" };

export default async function ReviewSettingsPage({ params }: { params: Promise<{ organId: string }> }) {
  const { organId } = await params;
  await requireOrganPermission("organ.manageReview", organId);
  const { stages, lists, version } = await getReviewSettings(organId);
  return (
    <>
      <p>
        <Link href={`/organs/${organId}`}>← 返回机关</Link>
      </p>
      <h1>审核设置</h1>
      <p className="muted">修改只影响此后提交的报告；正在审核的报告按提交时的环节进行。</p>
      <ActionForm action={saveReviewSettingsAction.bind(null, organId)} submitLabel="保存审核设置" className="card">
        {/* The settings this form shows: a save after someone else's is refused, not silently lost. */}
        <input type="hidden" name="basedOn" value={version} />
        <StagesEditor initial={stages} />
        <div className="field">
          <label htmlFor="sensitiveWords">敏感词（每行一个；保密审查时逐个查找）</label>
          <textarea id="sensitiveWords" name="sensitiveWords" rows={5} defaultValue={lists.sensitiveWords.join("\n")} />
        </div>
        <div className="field">
          <label htmlFor="wrongTerms">常见错误表述（每行一条，格式：错误表述=正确表述）</label>
          <textarea id="wrongTerms" name="wrongTerms" rows={5} defaultValue={formatWrongTerms(lists.wrongTerms)} />
        </div>
      </ActionForm>
    </>
  );
}
