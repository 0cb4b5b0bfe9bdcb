import "server-only";
import type { SessionActor } from "@/lib/auth/load-actor";
import { can, rolesIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { mayActOnStage, REFUSAL_MESSAGES } from "@/lib/review/workflow";
import { loadReviewState, workflowContext } from "./review-state";

/** What the pages show about a report's review, and what this person may do in it. */
export async function getReviewView(actor: SessionActor, report: { id: string; organId: string; status: string }) {
  const scope = (await findOrganScope(report.organId))!;
  const loaded = await loadReviewState(db(), report, { lock: false });
  const { state, stages, round } = loaded;
  const refusal = state.status === "IN_REVIEW" ? mayActOnStage(state, workflowContext(actor, report.organId, stages), actor.id) : "NOT_IN_REVIEW";
  const isAuthor = rolesIn(actor, report.organId).includes("AUTHOR");
  const rounds = await db().reviewRound.findMany({
    where: { reportId: report.id },
    orderBy: { number: "desc" },
    select: {
      id: true, number: true, status: true, stageIndex: true, stages: true, submittedAt: true, closedAt: true,
      actions: { orderBy: { createdAt: "asc" }, select: { kind: true, actorName: true, stageIndex: true, comment: true, createdAt: true, details: true } },
    },
  });
  const comments = await db().reviewComment.findMany({ where: { reportId: report.id }, orderBy: { createdAt: "asc" } });
  return {
    state,
    stages,
    round,
    stageName: round ? stages[round.stageIndex]?.name ?? null : null,
    isConfidentialityStage: round ? Boolean(stages[round.stageIndex]?.isConfidentialityReview) : false,
    /** Null when this person may correct and decide the current stage; otherwise why not. */
    actRefusal: refusal ? REFUSAL_MESSAGES[refusal] : null,
    canAct: refusal === null,
    canSubmit: state.status === "DRAFT" && isAuthor && can(actor, "report.edit", scope),
    canWithdraw:
      state.status === "IN_REVIEW" && isAuthor && round !== null && round.stageIndex === 0 &&
      !round.actions.some((a) => a.kind !== "submit") && (state.round?.authors.includes(actor.id) ?? false),
    rounds,
    comments,
  };
}

export const REPORT_STATUS_LABELS: Record<string, string> = {
  DRAFT: "草稿", IN_REVIEW: "审核中", APPROVED: "待发布（审核通过）", PUBLISHED: "已发布", WITHDRAWN: "已撤回",
};
export const ACTION_LABELS: Record<string, string> = {
  submit: "提交审核", correct: "校对修改", approve: "通过", return: "退回", withdraw: "撤回", handover: "转交",
};
