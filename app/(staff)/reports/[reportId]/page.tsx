import type { Metadata } from "next";
import Link from "next/link";
import { requireReportPage } from "@/lib/reports/require-report-page";
import { DoneNoticeLine } from "./_panels/done-notice";
import { isDoneNotice } from "./done-notices";
import { DownloadsPanel } from "./_panels/downloads-panel";
import { PublishPanel } from "./_panels/publish-panel";
import { ReportSummary } from "./_panels/report-summary";
import { ReviewPanel } from "./_panels/review-panel";
import { SectionsPanel } from "./_panels/sections-panel";

export const metadata: Metadata = { title: "年度报告" };

// Each panel loads what it shows and asks the permission table itself; shared loads
// (sections, checks, review state, organ scope) are cached per request.
export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ reportId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reportId } = await params;
  const done = (await searchParams).done;
  const { actor, report } = await requireReportPage(reportId, "report.view");
  return (
    <>
      <p>
        <Link href={`/organs/${report.organId}`}>← {report.organ.name}</Link>
      </p>
      <h1>{report.title}</h1>
      {isDoneNotice(done) ? <DoneNoticeLine actor={actor} report={report} notice={done} /> : null}
      <ReportSummary actor={actor} report={report} />
      <SectionsPanel actor={actor} report={report} />
      <ReviewPanel actor={actor} report={report} />
      <PublishPanel actor={actor} report={report} />
      <DownloadsPanel actor={actor} report={report} />
    </>
  );
}
