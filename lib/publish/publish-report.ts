import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { writeAuditCheckpoint } from "@/lib/audit/anchor";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { chinaDateOf, externalIndexNumberProblem, issuedOnProblem, MAX_SERIAL, platformIndexNumber, yearOfDate } from "@/lib/domain/publication-metadata";
import type { IndexMode } from "@/lib/validation/publish-input";
import { AppError } from "@/lib/errors";
import { reportContentHash } from "@/lib/reports/content-hash";
import { readExternalSections } from "@/lib/reports/external-reports";
import { findReportOrThrow } from "@/lib/reports/find-report";
import { loadSectionsIn } from "@/lib/reports/load-sections";
import { readRoundStages } from "@/lib/reports/review-state";
import { invalidatePublicPages } from "./public-cache";
import { announcePublicChange } from "./public-changes";
import { trendPoint } from "./charts";
import { correctionChanges } from "./correction-changes";
import { getLastPublishedSections } from "./publication-history";
import { renderPublishedPages } from "./published-pages";
import { readSnapshotSections, type PublishedSnapshot } from "./snapshot";

/** What the 发布人 sets at the first publication; a correction keeps what the first version had. */
export type PublishMetadataInput = {
  /** 发文日期, YYYY-MM-DD; today in China when absent. */
  issuedOn?: string;
  documentNumber?: string;
  /** The platform allocates the 索引号, or the 发布人 enters the one another platform allocated. */
  indexMode?: IndexMode;
  indexNumber?: string;
};

const USED_INDEX_NUMBER = "该索引号已被使用，请核对后重新填写。";

/**
 * The 发布人 publishes an approved report, in one transaction: the snapshot must be
 * exactly the text the final stage approved; the metadata is checked (发文日期 not in the future
 * nor before the final approval; an external 索引号 well-formed and unused) and the 索引号
 * allocated or recorded (or kept, for a correction); the pages are rendered and stored; the
 * report becomes 已发布.
 */
export async function publishReport(options: { actor: Actor; reportId: string; correctionNote: string; metadata?: PublishMetadataInput; clientAddress: string | null }) {
  return auditingRefusals("report.publish", options, async () => {
    const { actor, reportId, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.publish");
    const metadata = options.metadata ?? {};
    const external = metadata.indexMode === "external";
    const publication = await db()
      .$transaction(async (tx) => {
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
        const finalApproval = round.actions.at(-1)!;
        const approvedHash = finalApproval.contentHash;
        const sections = await loadSectionsIn(tx, reportId);
        const hash = reportContentHash(sections);
        if (hash !== approvedHash) throw new AppError("CONFLICT", "报告内容与终审通过的版本不一致，不能发布。请联系管理员核查。");

        const previous = await tx.publication.findMany({
          where: { reportId },
          orderBy: { version: "asc" },
          select: { version: true, indexNumber: true, publishedAt: true, correctionNote: true, issuedOn: true, documentNumber: true },
        });
        const correctionNote = options.correctionNote.trim();
        if (previous.length > 0 && !correctionNote) {
          throw new AppError("INVALID_INPUT", "发布更正时必须填写更正说明。", { correctionNote: "发布更正时必须填写更正说明。" });
        }
        const publishedAt = new Date();
        let indexNumber: string;
        let issuedOn: string;
        let documentNumber: string | null;
        const first = previous[0];
        if (first) {
          // A correction is the same document: its 索引号, 发文日期 and 文件编号 stay.
          indexNumber = first.indexNumber;
          issuedOn = first.issuedOn ? first.issuedOn.toISOString().slice(0, 10) : chinaDateOf(first.publishedAt);
          documentNumber = first.documentNumber;
        } else {
          issuedOn = metadata.issuedOn ?? chinaDateOf(publishedAt);
          const dateProblem = issuedOnProblem(issuedOn, { today: chinaDateOf(publishedAt), approvedOn: chinaDateOf(finalApproval.createdAt) });
          if (dateProblem) throw new AppError("INVALID_INPUT", dateProblem, { issuedOn: dateProblem });
          documentNumber = metadata.documentNumber?.trim() || null;
          indexNumber = external
            ? await recordExternalIndexNumber(tx, (metadata.indexNumber ?? "").trim(), yearOfDate(issuedOn))
            : await allocateIndexNumber(tx, report.organId, report.organ.code, yearOfDate(issuedOn));
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
          issuedOn,
          documentNumber,
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
            issuedOn: new Date(`${issuedOn}T00:00:00Z`),
            documentNumber,
            publishedById: actor.id,
            contentHash: hash,
            snapshot,
            correctionNote: snapshot.correctionNote,
            pages: { create: (await renderPublishedPages(snapshot)).map((p) => ({ ...p, gzip: new Uint8Array(p.gzip), brotli: new Uint8Array(p.brotli) })) },
          },
          select: { id: true, version: true, indexNumber: true },
        });
        await tx.report.update({ where: { id: reportId }, data: { status: "PUBLISHED", isCorrection: false, withdrawnAt: null, withdrawReason: null, indexNumber } });
        await appendAuditEntry(tx, {
          action: "report.published",
          actor,
          targetType: "report",
          targetId: reportId,
          organId: report.organId,
          clientAddress,
          contentHash: hash,
          details: {
            version: created.version,
            indexNumber,
            indexSource: first ? "kept" : external ? "external" : "platform",
            issuedOn,
            documentNumber,
            correctionNote: snapshot.correctionNote,
          },
        });
        // Every instance drops its cached pages of this organ and its listings when this commits.
        await announcePublicChange(tx, { organCode: report.organ.code, year: report.year });
        return created;
      })
      .catch((error: unknown) => {
        // The unique index is the last word on a 索引号 entered at the same moment for another report.
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", USED_INDEX_NUMBER, { indexNumber: USED_INDEX_NUMBER });
        throw error;
      });
    invalidatePublicPages({ organCode: report.organ.code, year: report.year });
    // Anchors the log, this publication's entry included, outside the database. The publication
    // has committed: a failure here is the operator's to see in the log, not the publisher's.
    await writeAuditCheckpoint(db(), "publication").catch((error: unknown) => console.error("审计日志检查点写入失败：", error));
    return { ...publication, organCode: report.organ.code, year: report.year };
  });
}

/**
 * The platform's next 索引号 for the organ and year. The upsert takes the row lock, so concurrent
 * publications of one organ never share a serial; a serial whose number another platform's
 * 索引号 already holds (entered by a 发布人) is skipped.
 */
async function allocateIndexNumber(tx: Tx, organId: string, organCode: string, year: number): Promise<string> {
  for (;;) {
    const serial = await tx.indexSerial.upsert({
      where: { organId_year: { organId, year } },
      create: { organId, year, lastSerial: 1 },
      update: { lastSerial: { increment: 1 } },
    });
    if (serial.lastSerial > MAX_SERIAL) throw new AppError("CONFLICT", `${year} 年的索引号流水号已用完，请联系管理员。`);
    const indexNumber = platformIndexNumber(organCode, year, serial.lastSerial);
    if (!(await tx.report.findUnique({ where: { indexNumber }, select: { id: true } }))) return indexNumber;
  }
}

/** A 索引号 another platform allocated: well-formed for the 发文日期's year, and not already used. */
async function recordExternalIndexNumber(tx: Tx, indexNumber: string, year: number): Promise<string> {
  const problem = externalIndexNumberProblem(indexNumber, year);
  if (problem) throw new AppError("INVALID_INPUT", problem, { indexNumber: problem });
  if (await tx.report.findUnique({ where: { indexNumber }, select: { id: true } })) {
    throw new AppError("INVALID_INPUT", USED_INDEX_NUMBER, { indexNumber: USED_INDEX_NUMBER });
  }
  return indexNumber;
}
