import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SectionKey } from "@/lib/report-format/format";
import { saveSection } from "./save-section";

/** Restores an older revision as a new one (history is never rewritten). */
export async function restoreRevision(options: { actor: Actor; reportId: string; key: SectionKey; revisionId: string; baseVersion: number; clientAddress: string | null }) {
  return auditingRefusals("section.restore", options, async () => {
    const revision = await db().sectionRevision.findFirst({
      where: { id: options.revisionId, section: { reportId: options.reportId, key: options.key } },
      select: { content: true },
    });
    if (!revision) throw new AppError("NOT_FOUND", "该历史版本不存在。");
    return saveSection({ ...options, content: revision.content, kind: "restore" });
  });
}
