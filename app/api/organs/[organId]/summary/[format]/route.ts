// GET /api/organs/:organId/summary/(xlsx|csv)?year=&approved=1 — the 汇总 of the organs below, as Excel or CSV.
import { AppError } from "@/lib/errors";
import { attachment, downloadRoute } from "@/lib/http/route-handlers";
import { summaryCsv, summaryFileName, summaryXlsx } from "@/lib/report-files/summary-files";
import { getSummary } from "@/lib/supervision/get-summary";
import { readSummaryQuery } from "@/lib/supervision/summary-query";

const TYPES = { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", csv: "text/csv; charset=utf-8" } as const;

export async function GET(request: Request, context: { params: Promise<{ organId: string; format: string }> }) {
  const { organId, format } = await context.params;
  return downloadRoute(request, "organ.exportSummary", { organId }, async (actor) => {
    if (format !== "xlsx" && format !== "csv") throw new AppError("NOT_FOUND", "不支持的格式。");
    const query = readSummaryQuery(Object.fromEntries(new URL(request.url).searchParams), new Date());
    if (!query.ok) throw new AppError("INVALID_INPUT", query.message);
    const summary = await getSummary({ actor, organId, year: query.year, includeApproved: query.includeApproved });
    const body = format === "xlsx" ? await summaryXlsx(summary) : summaryCsv(summary);
    return new Response(body, {
      headers: {
        "content-type": TYPES[format],
        "content-disposition": attachment(summaryFileName(summary, format)),
        "cache-control": "no-store",
      },
    });
  });
}
