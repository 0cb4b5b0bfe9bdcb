import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { platformIndexNumber } from "@/lib/domain/publication-metadata";
import { AppError } from "@/lib/errors";

/**
 * An organ's 管理员 sets the serial the platform's next 索引号 of a year starts from: an organ
 * joining the platform mid-year continues the count its old platform had reached. Serials are never
 * reused, so the start cannot go back to or below one already allocated. Under the row lock that
 * publishing takes, so a publication in flight either precedes the change or follows it.
 */
export async function setIndexSerialStart(options: { actor: Actor; organId: string; year: number; start: number; clientAddress: string | null }) {
  return auditingRefusals("organ.setIndexSerial", options, async () => {
    const { actor, organId, year, start, clientAddress } = options;
    await assertOrganPermission(actor, "organ.setIndexSerial", organId);
    return db().$transaction(async (tx) => {
      // Creates the year's row if it is not there, then locks it.
      await tx.$executeRaw`INSERT INTO "IndexSerial" ("organId", year, "lastSerial") VALUES (${organId}, ${year}, 0) ON CONFLICT DO NOTHING`;
      const [row] = await tx.$queryRaw<Array<{ lastSerial: number }>>`SELECT "lastSerial" FROM "IndexSerial" WHERE "organId" = ${organId} AND year = ${year} FOR UPDATE`;
      const last = row!.lastSerial;
      if (start <= last) {
        const message = `${year} 年已分配到第 ${last} 号，起始流水号至少应为 ${last + 1}。`;
        throw new AppError("INVALID_INPUT", message, { start: message });
      }
      await tx.indexSerial.update({ where: { organId_year: { organId, year } }, data: { lastSerial: start - 1 } });
      const organ = await tx.organ.findUniqueOrThrow({ where: { id: organId }, select: { code: true } });
      const next = platformIndexNumber(organ.code, year, start);
      await appendAuditEntry(tx, {
        action: "organ.indexSerialSet",
        actor,
        targetType: "organ",
        targetId: organId,
        organId,
        clientAddress,
        details: { year, start, previousLastSerial: last, next },
      });
      return { next };
    });
  });
}
