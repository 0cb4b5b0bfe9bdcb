import type { Metadata } from "next";
import Link from "next/link";
import { requireReportPage } from "@/lib/reports/require-report-page";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/report-files/import/read-report-file";
import { ImportClient } from "./import-client";

export const metadata: Metadata = { title: "从 Word 或网页导入" };

/** 导入: a Word file, a page saved from a disclosure platform or pasted text, previewed before anything is written into the draft. */
export default async function ImportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const { report } = await requireReportPage(reportId, "report.edit");
  return (
    <>
      <p>
        <Link href={`/reports/${report.id}`}>← {report.title}</Link>
      </p>
      <h1>从 Word 或网页导入</h1>
      {report.status === "DRAFT" ? (
        <ImportClient reportId={report.id} maxBytes={MAX_IMPORT_FILE_BYTES} />
      ) : (
        <p className="notice error" role="alert">
          只有草稿可以导入。本报告已不是草稿。
        </p>
      )}
    </>
  );
}
