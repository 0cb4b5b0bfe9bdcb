import "server-only";
import { cache } from "react";
import type { SessionActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";
import { readJsonColumn } from "@/lib/db/json-column";
import { handoverDetailsSchema, reviewActionKindSchema } from "@/lib/review/action-details";
import { mayActOnStage, maySubmit, mayWithdraw, REFUSALS, workflowContext } from "@/lib/review/workflow";
import { loadReviewState, readRoundStages } from "./review-state";

/** What the pages show about a report's review, and what this person may do in it: the review rules decide. Once per request. */
export const getReviewView = cache(async (actor: SessionActor, report: { id: string; organId: string; status: string }) => {
  const loaded = await loadReviewState(db(), report, { lock: false });
  const { state, stages, round } = loaded;
  const ctx = workflowContext(stages, report.organId, [actor]);
  const refusal = mayActOnStage(state, ctx, actor.id);
  const rounds = await db().reviewRound.findMany({
    where: { reportId: report.id },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      stageIndex: true,
      stages: true,
      submittedAt: true,
      closedAt: true,
      actions: { orderBy: { createdAt: "asc" }, select: { kind: true, actorName: true, stageIndex: true, comment: true, createdAt: true, details: true } },
    },
  });
  const comments = await db().reviewComment.findMany({ where: { reportId: report.id }, orderBy: { createdAt: "asc" } });
  return {
    state,
    stages,
    round,
    stageName: round ? (stages[round.stageIndex]?.name ?? null) : null,
    isConfidentialityStage: round ? Boolean(stages[round.stageIndex]?.isConfidentialityReview) : false,
    /** Null when this person may correct and decide the current stage; otherwise why not. */
    actRefusal: refusal ? REFUSALS[refusal].message : null,
    /** Whether the reason is only that this person has no role at the current stage (not worth telling them). */
    actRefusedForRole: refusal === "NO_ROLE",
    canAct: refusal === null,
    canSubmit: maySubmit(state, ctx, actor.id),
    canWithdraw: mayWithdraw(state, ctx, actor.id),
    rounds: rounds.map((r) => {
      const roundStages = readRoundStages(r.stages);
      return {
        ...r,
        stages: roundStages,
        actions: r.actions.map((a) => ({
          ...a,
          kind: readJsonColumn(reviewActionKindSchema, a.kind, "ReviewAction.kind"),
          stageName: roundStages[a.stageIndex]?.name ?? "",
          handedTo: a.kind === "handover" ? readJsonColumn(handoverDetailsSchema, a.details, "ReviewAction.details").toName : null,
        })),
      };
    }),
    comments,
  };
});
