import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SectionContent } from "@/lib/report-format/content";
import type { SectionKey } from "@/lib/report-format/format";
import { refreshCheckCounts } from "./report-checks";
import { writeVersion } from "./save-section";

/**
 * What every import of a draft writes, inside the caller's transaction (the report's row already
 * locked): a revision of kind "import" for each section (each based on the version the caller
 * read; a save in between refuses the whole import with `conflictMessage`), the report's check
 * counts, and one audit entry.
 */
export async function writeImport(
  tx: Tx,
  options: {
    report: { id: string; organId: string };
    actor: Actor;
    clientAddress: string | null;
    sections: ReadonlyArray<{ key: SectionKey; baseVersion: number; content: SectionContent }>;
    conflictMessage: string;
    contentHash: string;
    details?: Record<string, unknown>;
  },
) {
  const { report, actor, clientAddress } = options;
  for (const { key, baseVersion, content } of options.sections) {
    const written = await writeVersion(tx, { reportId: report.id, key, baseVersion, content, actor, kind: "import" });
    if (!written) throw new AppError("CONFLICT", options.conflictMessage);
  }
  await refreshCheckCounts(tx, report.id);
  await appendAuditEntry(tx, {
    action: "report.imported",
    actor,
    targetType: "report",
    targetId: report.id,
    organId: report.organId,
    clientAddress,
    contentHash: options.contentHash,
    details: options.details,
  });
}
