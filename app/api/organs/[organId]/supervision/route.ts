// GET /api/organs/:organId/supervision?format=csv|xlsx&… — the supervising office's dashboard as a file, filtered like the page.
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import { AppError } from "@/lib/errors";
import { attachment, downloadRoute } from "@/lib/http/route-handlers";
import { dashboardCsv, dashboardXlsx } from "@/lib/supervision/dashboard-files";
import { dashboardView, readDashboardQuery } from "@/lib/supervision/dashboard-view";
import { findOrganProgress } from "@/lib/supervision/organ-progress";

export async function GET(request: Request, context: { params: Promise<{ organId: string }> }) {
  const { organId } = await context.params;
  return downloadRoute(request, "organ.exportProgress", { organId }, async (actor) => {
    const url = new URL(request.url);
    const format = url.searchParams.get("format");
    if (format !== "csv" && format !== "xlsx") throw new AppError("NOT_FOUND", "不支持的格式。");
    await assertOrganPermission(actor, "organ.supervise", organId);
    const query = readDashboardQuery(Object.fromEntries(url.searchParams));
    if (query.yearError) throw new AppError("INVALID_INPUT", query.yearError);
    const { filtered } = dashboardView(await findOrganProgress({ rootId: organId, year: query.year, countChecks: true }), query);
    const name = `${query.year}年度下级机关年报进度`;
    if (format === "csv") {
      return new Response(dashboardCsv(filtered), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(`${name}.csv`), "cache-control": "no-store" },
      });
    }
    return new Response(await dashboardXlsx(filtered, name), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachment(`${name}.xlsx`),
        "cache-control": "no-store",
      },
    });
  });
}
