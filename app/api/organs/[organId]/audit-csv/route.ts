// GET /api/organs/:organId/audit-csv — the organ's audit log as CSV (UTF-8 with BOM, so Excel reads Chinese), filtered like the page.
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/audit/actions";
import { AUDIT_TARGET_LABELS, describeAuditDetails } from "@/lib/audit/audit-details";
import { readAuditFilter } from "@/lib/audit/audit-filter";
import { findAuditEntries } from "@/lib/audit/find-audit-entries";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import { csvDocument } from "@/lib/csv";
import { formatDateTime } from "@/lib/format-time";
import { downloadRoute } from "@/lib/http/route-handlers";

const CSV_LIMIT = 50_000;

export async function GET(request: Request, context: { params: Promise<{ organId: string }> }) {
  const { organId } = await context.params;
  return downloadRoute(request, "organ.exportAudit", { organId }, async (actor) => {
    await assertOrganPermission(actor, "organ.viewAudit", organId);
    const filter = readAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
    const entries = await findAuditEntries(organId, filter, CSV_LIMIT);
    const rows = [
      ["编号", "时间（北京时间）", "时间（UTC）", "操作人", "操作", "对象类型", "对象", "详情", "原始详情（JSON）", "地址", "内容哈希", "记录哈希"],
      ...entries.map((e) => [
        String(e.id),
        formatDateTime(e.createdAt),
        e.createdAt.toISOString(),
        e.actorName,
        AUDIT_ACTION_LABELS[e.action as AuditAction] ?? e.action,
        e.targetType ? (AUDIT_TARGET_LABELS[e.targetType] ?? e.targetType) : "",
        e.targetId,
        describeAuditDetails(e.details),
        e.details,
        e.clientAddress,
        e.contentHash,
        e.hash,
      ]),
    ];
    return new Response(csvDocument(rows), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit.csv"`, "cache-control": "no-store" },
    });
  });
}
