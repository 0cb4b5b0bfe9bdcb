import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db/client";
import { checkDraft, hasErrors } from "@/lib/report-format/checks";
import type { ApprovalDetails } from "@/lib/review/action-details";
import type { DecisionInput } from "@/lib/review/decision-input";
import { applyEvent, refusalError, workflowContext, type Refusal } from "@/lib/review/workflow";
import { queueReviewNotice } from "@/lib/reports/notify-review";
import { findReportOrThrow } from "./find-report";
import { findLastYearSections } from "./queries";
import { loadReviewState } from "./review-state";
import { organWordLists } from "@/lib/organs/word-lists";
import { scanReport, warningKey } from "@/lib/review/review-findings";

/**
 * The decision as parsed by lib/review/decision-input.ts: the round and stage the reviewer saw
 * (a decision on a page that is out of date is refused), 通过 or 退回, the comment (the reason,
 * for 退回), and reasons for open warnings (by warningKey) and accepted scan findings (by key).
 */
export type Decision = DecisionInput & { actor: Actor; reportId: string; clientAddress: string | null };

/** A reviewer's 通过 or 退回 at the current stage, under every rule of the pipeline. */
export async function decideStage(decision: Decision) {
  return auditingRefusals("review.decide", decision, async () => {
    const { actor, reportId, verdict, comment, clientAddress } = decision;
    const report = await findReportOrThrow(actor, reportId, "report.view");
    const lastYear = await findLastYearSections(report.organId, report.year);
    const outcome = await db().$transaction(async (tx): Promise<{ refused: Refusal } | { refused?: undefined; status: "DRAFT" | "IN_REVIEW" | "APPROVED"; stageName: string }> => {
      const loaded = await loadReviewState(tx, report);
      const { state, stages, sections, round } = loaded;
      if (!round || round.id !== decision.roundId || round.stageIndex !== decision.stageIndex) {
        return { refused: "STALE_PAGE" };
      }
      if (loaded.lastRecordedHash !== state.contentHash) {
        await voidRound(tx, { actor, report, roundId: round.id, clientAddress });
        return { refused: "ROUND_VOIDED" };
      }
      const stage = stages[round.stageIndex]!;
      const findings = checkDraft({ year: report.year, organKind: report.organ.kind, sections, lastYear, identity: { title: report.title, organName: report.organ.name } });
      const warnings = findings
        .filter((f) => f.severity === "warning")
        .map((f) => ({ key: warningKey(f), message: f.message, reason: decision.warningReasons[warningKey(f)]?.trim() ?? "" }));
      const scan = stage.isConfidentialityReview
        ? scanReport(sections, organWordLists(report.organ)).map((f) => ({ key: f.key, match: f.match, reason: decision.scanReasons[f.key]?.trim() ?? "" }))
        : [];
      const result = applyEvent(
        state,
        verdict === "approve"
          ? { type: "approve", by: actor.id, hasErrors: hasErrors(findings), openWarnings: warnings.some((w) => !w.reason), openScanFindings: scan.some((s) => !s.reason) }
          : { type: "return", by: actor.id, reason: comment },
        workflowContext(stages, report.organId, [actor]),
      );
      if (!result.ok) return { refused: result.refusal };
      const next = result.state;
      const updated = await tx.reviewRound.updateMany({
        where: { id: round.id, version: round.version, status: "OPEN" },
        data: {
          stageIndex: next.round!.stageIndex,
          status: next.status === "APPROVED" ? "APPROVED" : next.status === "DRAFT" ? "RETURNED" : "OPEN",
          closedAt: next.status === "IN_REVIEW" ? null : new Date(),
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) return { refused: "STALE_PAGE" };
      await tx.reviewAction.create({
        data: {
          roundId: round.id,
          stageIndex: round.stageIndex,
          kind: verdict,
          actorId: actor.id,
          actorName: actor.displayName,
          comment: comment.trim() || null,
          contentHash: state.contentHash,
          details: verdict === "approve" ? ({ warnings, scan } satisfies ApprovalDetails) : {},
        },
      });
      await tx.report.update({ where: { id: reportId }, data: { status: next.status } });
      await appendAuditEntry(tx, {
        action: verdict === "approve" ? "review.approved" : "review.returned",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        contentHash: state.contentHash,
        details: { round: round.number, stage: stage.name, comment: comment.trim() || null, warnings, scan },
      });
      if (next.status === "IN_REVIEW") await queueReviewNotice(tx, { kind: "landed", reportId });
      if (next.status === "DRAFT") await queueReviewNotice(tx, { kind: "returned", reportId });
      return { status: next.status, stageName: stage.name };
    });
    // A refusal is found inside the transaction but thrown after it: voiding a round must commit.
    if (outcome.refused !== undefined) throw refusalError(outcome.refused);
    return outcome;
  });
}

async function voidRound(tx: Tx, args: { actor: Actor; report: { id: string; organId: string }; roundId: string; clientAddress: string | null }) {
  await tx.reviewRound.update({ where: { id: args.roundId }, data: { status: "VOIDED", closedAt: new Date(), version: { increment: 1 } } });
  await tx.report.update({ where: { id: args.report.id }, data: { status: "DRAFT" } });
  await appendAuditEntry(tx, {
    action: "review.voided",
    actor: args.actor,
    targetType: "report",
    targetId: args.report.id,
    organId: args.report.organId,
    clientAddress: args.clientAddress,
    details: { reason: "content_changed" },
  });
}
