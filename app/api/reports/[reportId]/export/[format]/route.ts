// GET /api/reports/:reportId/export/(json|docx) — the draft as a report file or a Word document.
import { AppError } from "@/lib/errors";
import { attachment, downloadRoute } from "@/lib/http/route-handlers";
import { reportToDocx } from "@/lib/report-files/docx";
import { toReportJson } from "@/lib/report-files/report-json";
import { findReportOrThrow } from "@/lib/reports/find-report";
import { loadSections } from "@/lib/reports/load-sections";

export async function GET(request: Request, context: { params: Promise<{ reportId: string; format: string }> }) {
  const { reportId, format } = await context.params;
  return downloadRoute(request, "report.export", { reportId }, async (actor) => {
    if (format !== "json" && format !== "docx") throw new AppError("NOT_FOUND", "不支持的格式。");
    const report = await findReportOrThrow(actor, reportId, "report.view");
    const data = { organ: report.organ, year: report.year, title: report.title, sections: await loadSections(reportId) };
    if (format === "json") {
      return new Response(JSON.stringify(toReportJson(data), null, 2), {
        headers: { "content-type": "application/json; charset=utf-8", "content-disposition": attachment(`${report.title}.json`), "cache-control": "no-store" },
      });
    }
    return new Response(new Uint8Array(await reportToDocx(data)), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": attachment(`${report.title}.docx`),
        "cache-control": "no-store",
      },
    });
  });
}
