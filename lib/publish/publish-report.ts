import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { writeAuditCheckpoint } from "@/lib/audit/anchor";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contentHash } from "@/lib/reports/content-hash";
import { readExternalSections } from "@/lib/reports/external-reports";
import { findReportOrThrow } from "@/lib/reports/find-report";
import { loadSectionsIn } from "@/lib/reports/load-sections";
import { readRoundStages } from "@/lib/reports/review-state";
import { invalidatePublicPages } from "./public-cache";
import { trendPoint } from "./charts";
import { correctionChanges } from "./correction-changes";
import { getLastPublishedSections } from "./publication-history";
import { renderPublishedPages } from "./published-pages";
import { readSnapshotSections, type PublishedSnapshot } from "./snapshot";

/** The publication year in China's time zone (the 索引号 counts per organ and publication year). */
const yearInChina = (at: Date) => Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Shanghai" }).format(at));

/**
 * The 发布人 publishes an approved report, in one transaction: the snapshot must be
 * exactly the text the final stage approved; the 索引号 is allocated (or kept, for a
 * correction); the pages are rendered and stored; the report becomes 已发布.
 */
export async function publishReport(options: { actor: Actor; reportId: string; correctionNote: string; clientAddress: string | null }) {
  return auditingRefusals("report.publish", options, async () => {
    const { actor, reportId, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.publish");
    const publication = await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Report" WHERE id = ${reportId} FOR UPDATE`;
      const row = await tx.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, title: true } });
      if (row.status !== "APPROVED") throw new AppError("CONFLICT", "只有审核通过（待发布）的报告才能发布。");
      const round = await tx.reviewRound.findFirstOrThrow({
        where: { reportId, status: "APPROVED" },
        orderBy: { number: "desc" },
        select: {
          stages: true,
          actions: { where: { kind: "approve" }, orderBy: { createdAt: "asc" }, select: { stageIndex: true, actorName: true, contentHash: true, createdAt: true } },
        },
      });
      const approvedHash = round.actions.at(-1)!.contentHash;
      const sections = await loadSectionsIn(tx, reportId);
      const hash = contentHash(sections);
      if (hash !== approvedHash) throw new AppError("CONFLICT", "报告内容与终审通过的版本不一致，不能发布。请联系管理员核查。");

      const previous = await tx.publication.findMany({
        where: { reportId },
        orderBy: { version: "asc" },
        select: { version: true, indexNumber: true, publishedAt: true, correctionNote: true },
      });
      const correctionNote = options.correctionNote.trim();
      if (previous.length > 0 && !correctionNote) {
        throw new AppError("INVALID_INPUT", "发布更正时必须填写更正说明。", { correctionNote: "发布更正时必须填写更正说明。" });
      }
      const publishedAt = new Date();
      let indexNumber = previous[0]?.indexNumber;
      if (!indexNumber) {
        const year = yearInChina(publishedAt);
        // The upsert takes the row lock, so concurrent publications of one organ never share a serial.
        const serial = await tx.indexSerial.upsert({
          where: { organId_year: { organId: report.organId, year } },
          create: { organId: report.organId, year, lastSerial: 1 },
          update: { lastSerial: { increment: 1 } },
        });
        indexNumber = `${report.organ.code}/${year}-${String(serial.lastSerial).padStart(5, "0")}`;
      }
      const stages = readRoundStages(round.stages);
      // A correction lists exactly what it changed against the version it replaces.
      const replaced = previous.length ? await getLastPublishedSections(reportId, tx) : null;
      // 历年情况: the newest published version of each other year of this organ.
      const others = await tx.publication.findMany({
        where: { organCode: report.organ.code, year: { not: report.year }, report: { withdrawnAt: null } },
        orderBy: { version: "asc" },
        select: { year: true, snapshot: true },
      });
      const byYear = new Map(others.map((p) => [p.year, readSnapshotSections(p.snapshot)]));
      // Years published elsewhere before this platform (外部导入) complete the trend.
      const externals = await tx.externalReport.findMany({ where: { organId: report.organId, year: { not: report.year } }, select: { year: true, sections: true } });
      for (const e of externals) if (!byYear.has(e.year)) byYear.set(e.year, readExternalSections(e.sections));
      const trend = [...byYear].map(([y, s]) => trendPoint(y, s)).concat(trendPoint(report.year, sections));
      const snapshot: PublishedSnapshot = {
        organ: { name: report.organ.name, code: report.organ.code, kind: report.organ.kind },
        year: report.year,
        title: row.title,
        indexNumber,
        version: (previous.at(-1)?.version ?? 0) + 1,
        publishedAt: publishedAt.toISOString(),
        sections,
        approvals: round.actions.map((a) => ({ stage: stages[a.stageIndex]?.name ?? "", name: a.actorName, at: a.createdAt.toISOString() })),
        correctionNote: previous.length ? correctionNote : null,
        changes: replaced ? { sinceVersion: replaced.version, items: correctionChanges(replaced.sections, sections) } : null,
        history: previous.map((p) => ({ version: p.version, publishedAt: p.publishedAt.toISOString(), correctionNote: p.correctionNote })),
        trend,
      };
      const created = await tx.publication.create({
        data: {
          reportId,
          organCode: report.organ.code,
          year: report.year,
          version: snapshot.version,
          indexNumber,
          publishedAt,
          publishedById: actor.id,
          contentHash: hash,
          snapshot,
          correctionNote: snapshot.correctionNote,
          pages: { create: (await renderPublishedPages(snapshot)).map((p) => ({ ...p, gzip: new Uint8Array(p.gzip), brotli: new Uint8Array(p.brotli) })) },
        },
        select: { id: true, version: true, indexNumber: true },
      });
      await tx.report.update({ where: { id: reportId }, data: { status: "PUBLISHED", isCorrection: false, withdrawnAt: null, withdrawReason: null } });
      await appendAuditEntry(tx, {
        action: "report.published",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        contentHash: hash,
        details: { version: created.version, indexNumber, correctionNote: snapshot.correctionNote },
      });
      return created;
    });
    invalidatePublicPages();
    // Anchors the log, this publication's entry included, outside the database. The publication
    // has committed: a failure here is the operator's to see in the log, not the publisher's.
    await writeAuditCheckpoint(db(), "publication").catch((error: unknown) => console.error("审计日志检查点写入失败：", error));
    return { ...publication, organCode: report.organ.code, year: report.year };
  });
}
