import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EARLY_INPUT_SCRIPT } from "@/components/report/early-input";
import { SectionEditor } from "@/components/report/section-editor";
import { can } from "@/lib/auth/permissions";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { isSectionKey, type ReportSections } from "@/lib/report-format/content";
import { SECTION_KEYS, sectionLabel, sectionNavLabel } from "@/lib/report-format/format";
import { FROZEN_MESSAGES } from "@/lib/reports/find-report";
import { findLastYearSections, getReportSections } from "@/lib/reports/queries";
import { requireReportPage } from "@/lib/reports/require-report-page";
import { getReviewView } from "@/lib/reports/review-view";

export const metadata: Metadata = { title: "编辑" };

export default async function SectionPage({ params }: { params: Promise<{ reportId: string; key: string }> }) {
  const { reportId, key } = await params;
  if (!isSectionKey(key)) notFound();
  const { actor, report } = await requireReportPage(reportId, "report.view");
  const scope = (await findOrganScope(report.organId))!;
  const [sections, lastYear] = await Promise.all([getReportSections(reportId), findLastYearSections(report.organId, report.year)]);
  const section = sections.find((s) => s.key === key)!;
  // In review, the holder of the current stage corrects here (校对); everyone else reads.
  const review = report.status === "IN_REVIEW" ? await getReviewView(actor, report) : null;
  const canEdit = review ? review.canAct : can(actor, "report.edit", scope) && report.status === "DRAFT";
  const contents = Object.fromEntries(sections.map((s) => [s.key, s.content])) as ReportSections;
  const index = SECTION_KEYS.indexOf(key);
  const previous = SECTION_KEYS[index - 1];
  const next = SECTION_KEYS[index + 1];

  return (
    <>
      <p>
        <Link href={`/reports/${reportId}`}>← {report.title}</Link>
      </p>
      <h1>{sectionLabel(key)}</h1>
      <nav aria-label="各部分" className="section-nav">
        {SECTION_KEYS.map((k) => (
          <Link key={k} href={`/reports/${reportId}/sections/${k}`} aria-current={k === key ? "page" : undefined}>
            {sectionNavLabel(k)}
          </Link>
        ))}
        <Link href={`/reports/${reportId}/sections/${key}/history`}>历史版本</Link>
      </nav>
      {review?.canAct ? (
        <p className="notice carried" role="note">
          校对模式（{review.stageName}）：您的修改记为校对，后续环节和撰稿人可以看到修改痕迹。
        </p>
      ) : report.status !== "DRAFT" ? (
        <p className="notice" role="note">
          {FROZEN_MESSAGES[report.status]}
        </p>
      ) : null}
      {/* Before the editor: keeps what is typed before React takes the fields over (early-input.ts). */}
      {canEdit ? <script nonce={(await headers()).get("x-nonce") ?? undefined} dangerouslySetInnerHTML={{ __html: EARLY_INPUT_SCRIPT }} /> : null}
      <SectionEditor
        key={`${reportId}-${key}`}
        reportId={reportId}
        sectionKey={key}
        year={report.year}
        organKind={report.organ.kind}
        identity={{ title: report.title, organName: report.organ.name }}
        initialContent={section.content}
        initialVersion={section.version}
        sections={contents}
        lastYear={lastYear}
        canEdit={canEdit}
        isCarriedOver={section.isCarriedOver}
      />
      <p className="inline-form">
        {previous ? <Link href={`/reports/${reportId}/sections/${previous}`}>← 上一部分</Link> : null}
        {next ? <Link href={`/reports/${reportId}/sections/${next}`}>下一部分 →</Link> : null}
      </p>
    </>
  );
}
