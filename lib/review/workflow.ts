// The 三审三校 review pipeline as a pure state machine (shared/spec/review-workflow.md), and
// the one place that answers every question about it: who holds a stage, who may act on
// it, who may submit or withdraw, what a round's recorded actions amount to, and what
// each refusal says and which error it is. Given the report's review state, the stages
// and an event, the machine answers whether the event is allowed and what the state
// becomes. The use cases, the pages, the inbox and the notifications load the state and
// ask here; the use cases write the result in one guarded transaction.
//
// Chain of custody: each approval records the content hash it approved. Between
// two approvals the text may change only through the later stage holder's own
// proofreading before deciding; any other change voids the round. So the text a
// stage approves is the previous stage's text plus that stage's own, tracked,
// corrections, and the final approval's hash is the text that may be published.
import type { Role } from "@/lib/domain/roles";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { StageRole } from "./review-settings";

export type Stage = { name: string; role: StageRole; isConfidentialityReview: boolean };

export type Approval = { stageIndex: number; by: string; contentHash: string };
export type Round = {
  number: number;
  stageIndex: number;
  /** People who wrote the round's text; none of them may act on any stage. */
  authors: string[];
  /** Who holds or held each stage of this round (first to correct or decide, or the one it was handed to). */
  actors: Record<number, string>;
  /** Stages where text has been corrected (such a stage can no longer be handed over). */
  corrected: number[];
  approvals: Approval[];
};

export type ReviewState = {
  status: "DRAFT" | "IN_REVIEW" | "APPROVED";
  contentHash: string;
  /** Everyone who has written the report's text while it was a draft. */
  draftAuthors: string[];
  round: Round | null;
};

export type WorkflowEvent =
  | { type: "edit"; by: string; contentHash: string }
  | { type: "submit"; by: string; hasErrors: boolean }
  | { type: "correct"; by: string; contentHash: string }
  | { type: "approve"; by: string; hasErrors: boolean; openWarnings: boolean; openScanFindings: boolean }
  | { type: "return"; by: string; reason: string }
  | { type: "withdraw"; by: string }
  | { type: "handover"; by: string; to: string };

export type Refusal =
  | "NOT_DRAFT"
  | "NOT_IN_REVIEW"
  | "NO_ROLE"
  | "IS_AUTHOR"
  | "ACTED_ON_OTHER_STAGE"
  | "CHECK_ERRORS"
  | "OPEN_WARNINGS"
  | "OPEN_SCAN_FINDINGS"
  | "REASON_REQUIRED"
  | "ALREADY_STARTED"
  | "NOT_SUBMITTER"
  | "STAGE_HELD"
  | "HANDOVER_STARTED"
  | "HANDOVER_TARGET"
  // Found by the use cases rather than the machine: a page out of date, and a round voided.
  | "STALE_PAGE"
  | "ROUND_VOIDED";

/**
 * Every refusal of the pipeline: what the person is told, the error it is (so the same
 * refusal is the same HTTP status from every entry point) and the form field it belongs to.
 * FORBIDDEN: this person may not; CONFLICT: the report's state does not allow it now (or
 * moved on); INVALID_INPUT: something to fill in or fix first.
 */
export const REFUSALS: Record<Refusal, { message: string; code: AppErrorCode; field?: string }> = {
  NOT_DRAFT: { code: "CONFLICT", message: "报告已提交审核，内容已冻结。" },
  NOT_IN_REVIEW: { code: "CONFLICT", message: "报告当前不在审核中，可能已被他人处理，请刷新页面。" },
  NO_ROLE: { code: "FORBIDDEN", message: "您没有本机关当前审核环节的角色。" },
  IS_AUTHOR: { code: "FORBIDDEN", message: "您参与撰写了本报告，不能审核（谁审查、谁负责）。" },
  ACTED_ON_OTHER_STAGE: { code: "FORBIDDEN", message: "本轮审核中您已在其他环节处理过，同一人不能在两个环节处理。" },
  CHECK_ERRORS: { code: "INVALID_INPUT", message: "报告还有检查错误，请先改正。" },
  OPEN_WARNINGS: { code: "INVALID_INPUT", message: "还有未说明理由的提醒，请逐条填写理由后再通过。" },
  OPEN_SCAN_FINDINGS: { code: "INVALID_INPUT", message: "保密审查还有未处理的发现，请修改或说明理由后再通过。" },
  REASON_REQUIRED: { code: "INVALID_INPUT", message: "退回时必须填写理由。", field: "comment" },
  ALREADY_STARTED: { code: "CONFLICT", message: "第一环节已经开始处理，不能再撤回。" },
  NOT_SUBMITTER: { code: "FORBIDDEN", message: "只有本报告的撰稿人可以撤回。" },
  STAGE_HELD: { code: "FORBIDDEN", message: "本环节已由另一位审核人开始处理（校对或决定），同一环节只能由一人完成。" },
  HANDOVER_STARTED: { code: "CONFLICT", message: "本环节已有校对修改，不能再转交。" },
  HANDOVER_TARGET: { code: "INVALID_INPUT", message: "只能转交给本机关同一审核角色、未参与撰写且未在本轮其他环节处理过的人。", field: "toUserId" },
  STALE_PAGE: { code: "CONFLICT", message: "报告已被他人处理或已变化，请刷新页面后再操作。" },
  ROUND_VOIDED: { code: "CONFLICT", message: "审核期间报告内容被以不允许的方式改动，本轮审核已作废，报告已退回草稿。" },
};

/** The error a use case throws for a refusal. */
export function refusalError(refusal: Refusal): AppError {
  const { code, message, field } = REFUSALS[refusal];
  return new AppError(code, message, field ? { [field]: message } : {});
}

export type Outcome = { ok: true; state: ReviewState; voided?: boolean } | { ok: false; refusal: Refusal };

export type WorkflowContext = {
  stages: ReadonlyArray<Stage>;
  /** Roles the person holds in the report's own organ. */
  rolesOf: (personId: string) => ReadonlyArray<Role>;
};

/** The context for these people (the actor, and for a hand-over its recipient): their roles in the report's organ. */
export function workflowContext(
  stages: ReadonlyArray<Stage>,
  organId: string,
  people: ReadonlyArray<{ id: string; memberships: ReadonlyArray<{ organId: string; role: Role }> }>,
): WorkflowContext {
  const roles = new Map(people.map((p) => [p.id, p.memberships.filter((m) => m.organId === organId).map((m) => m.role)]));
  return { stages, rolesOf: (id) => roles.get(id) ?? [] };
}

const refuse = (refusal: Refusal): Outcome => ({ ok: false, refusal });

/** Who holds the round's current stage: whoever first corrected or decided it, or the one it was handed to. */
export function stageHolder(round: Round): string | undefined {
  return round.actors[round.stageIndex];
}

/** Who may act on the current stage of the round (correct, comment, decide, hand over), and why not. */
export function mayActOnStage(state: Pick<ReviewState, "status" | "round">, ctx: WorkflowContext, by: string): Refusal | null {
  const round = state.round;
  if (state.status !== "IN_REVIEW" || !round) return "NOT_IN_REVIEW";
  const stage = ctx.stages[round.stageIndex];
  if (!stage || !ctx.rolesOf(by).includes(stage.role)) return "NO_ROLE";
  if (round.authors.includes(by)) return "IS_AUTHOR";
  const actedElsewhere = Object.entries(round.actors).some(([index, actor]) => actor === by && Number(index) !== round.stageIndex);
  if (actedElsewhere) return "ACTED_ON_OTHER_STAGE";
  // A stage is one person's pass: whoever first corrects or decides holds it.
  const holder = stageHolder(round);
  if (holder !== undefined && holder !== by) return "STAGE_HELD";
  return null;
}

/** Whether the person may submit the draft, checks aside (the page asks before the checks run). */
export function maySubmit(state: ReviewState, ctx: WorkflowContext, by: string): boolean {
  return applyEvent(state, { type: "submit", by, hasErrors: false }, ctx).ok;
}

/** Whether the person may take the submission back (an author of the round, before the first stage acted). */
export function mayWithdraw(state: ReviewState, ctx: WorkflowContext, by: string): boolean {
  return applyEvent(state, { type: "withdraw", by }, ctx).ok;
}

/** A round's recorded action, as the rules read it. */
export type RecordedAction =
  | { kind: "submit" | "withdraw"; stageIndex: number; actorId: string; contentHash: string }
  | { kind: "correct" | "approve" | "return"; stageIndex: number; actorId: string; contentHash: string }
  | { kind: "handover"; stageIndex: number; actorId: string; contentHash: string; to: string };

/** Rebuilds a round from what was recorded, in the order it happened. */
export function roundFromActions(recorded: { number: number; stageIndex: number; authors: string[]; actions: ReadonlyArray<RecordedAction> }): Round {
  const actors: Record<number, string> = {};
  const corrected: number[] = [];
  const approvals: Approval[] = [];
  for (const action of recorded.actions) {
    if (action.kind === "correct" || action.kind === "approve" || action.kind === "return") actors[action.stageIndex] = action.actorId;
    if (action.kind === "handover") actors[action.stageIndex] = action.to;
    if (action.kind === "correct" && !corrected.includes(action.stageIndex)) corrected.push(action.stageIndex);
    if (action.kind === "approve") approvals.push({ stageIndex: action.stageIndex, by: action.actorId, contentHash: action.contentHash });
  }
  return { number: recorded.number, stageIndex: recorded.stageIndex, authors: recorded.authors, actors, corrected, approvals };
}

export function applyEvent(state: ReviewState, event: WorkflowEvent, ctx: WorkflowContext): Outcome {
  switch (event.type) {
    case "edit": {
      if (state.status !== "DRAFT") return refuse("NOT_DRAFT");
      if (!ctx.rolesOf(event.by).includes("AUTHOR")) return refuse("NO_ROLE");
      const draftAuthors = state.draftAuthors.includes(event.by) ? state.draftAuthors : [...state.draftAuthors, event.by];
      return { ok: true, state: { ...state, contentHash: event.contentHash, draftAuthors } };
    }
    case "submit": {
      if (state.status !== "DRAFT") return refuse("NOT_DRAFT");
      if (!ctx.rolesOf(event.by).includes("AUTHOR")) return refuse("NO_ROLE");
      if (event.hasErrors) return refuse("CHECK_ERRORS");
      const authors = [...new Set([...state.draftAuthors, event.by])];
      const number = (state.round?.number ?? 0) + 1;
      return { ok: true, state: { ...state, status: "IN_REVIEW", round: { number, stageIndex: 0, authors, actors: {}, corrected: [], approvals: [] } } };
    }
    case "correct": {
      // For the people who wrote it, the text is simply frozen while it is in review.
      if (state.round?.authors.includes(event.by) && ctx.rolesOf(event.by).includes("AUTHOR")) return refuse("NOT_DRAFT");
      const refusal = mayActOnStage(state, ctx, event.by);
      if (refusal) return refuse(refusal);
      const round = state.round!;
      const corrected = round.corrected.includes(round.stageIndex) ? round.corrected : [...round.corrected, round.stageIndex];
      return {
        ok: true,
        state: { ...state, contentHash: event.contentHash, round: { ...round, corrected, actors: { ...round.actors, [round.stageIndex]: event.by } } },
      };
    }
    case "approve": {
      const refusal = mayActOnStage(state, ctx, event.by);
      if (refusal) return refuse(refusal);
      if (event.hasErrors) return refuse("CHECK_ERRORS");
      if (event.openWarnings) return refuse("OPEN_WARNINGS");
      const round = state.round!;
      if (ctx.stages[round.stageIndex]!.isConfidentialityReview && event.openScanFindings) return refuse("OPEN_SCAN_FINDINGS");
      const approvals = [...round.approvals, { stageIndex: round.stageIndex, by: event.by, contentHash: state.contentHash }];
      const actors = { ...round.actors, [round.stageIndex]: event.by };
      const isLast = round.stageIndex === ctx.stages.length - 1;
      return {
        ok: true,
        state: {
          ...state,
          status: isLast ? "APPROVED" : "IN_REVIEW",
          round: { ...round, approvals, actors, stageIndex: isLast ? round.stageIndex : round.stageIndex + 1 },
        },
      };
    }
    case "return": {
      const refusal = mayActOnStage(state, ctx, event.by);
      if (refusal) return refuse(refusal);
      if (!event.reason.trim()) return refuse("REASON_REQUIRED");
      const round = state.round!;
      return { ok: true, state: { ...state, status: "DRAFT", round: { ...round, actors: { ...round.actors, [round.stageIndex]: event.by } } } };
    }
    case "handover": {
      const refusal = mayActOnStage(state, ctx, event.by);
      if (refusal) return refuse(refusal);
      const round = state.round!;
      if (round.corrected.includes(round.stageIndex)) return refuse("HANDOVER_STARTED");
      // The recipient must be someone who could take the stage had it been free.
      const free = { ...state, round: { ...round, actors: Object.fromEntries(Object.entries(round.actors).filter(([i]) => Number(i) !== round.stageIndex)) } };
      if (event.to === event.by || mayActOnStage(free, ctx, event.to)) return refuse("HANDOVER_TARGET");
      return { ok: true, state: { ...state, round: { ...round, actors: { ...round.actors, [round.stageIndex]: event.to } } } };
    }
    case "withdraw": {
      if (state.status !== "IN_REVIEW" || !state.round) return refuse("NOT_IN_REVIEW");
      if (!state.round.authors.includes(event.by) || !ctx.rolesOf(event.by).includes("AUTHOR")) return refuse("NOT_SUBMITTER");
      if (state.round.stageIndex > 0 || Object.keys(state.round.actors).length > 0) return refuse("ALREADY_STARTED");
      return { ok: true, state: { ...state, status: "DRAFT" } };
    }
  }
}

/**
 * Whether an approved state honours the chain of custody: every stage approved,
 * by distinct people none of whom wrote the text, with each approval on the text
 * as the previous approval left it plus only the approver's own corrections.
 * The use cases never produce anything else; the property test checks that.
 */
export function isSoundlyApproved(state: ReviewState, stages: ReadonlyArray<Stage>): boolean {
  const round = state.round;
  if (state.status !== "APPROVED" || !round) return false;
  const approvers = round.approvals.map((a) => a.by);
  return (
    round.approvals.length === stages.length &&
    round.approvals.every((a, i) => a.stageIndex === i) &&
    new Set(approvers).size === approvers.length &&
    approvers.every((by) => !round.authors.includes(by)) &&
    round.approvals.at(-1)!.contentHash === state.contentHash
  );
}

export const DEFAULT_STAGES: ReadonlyArray<Stage> = [
  { name: "一校·初审", role: "FIRST_REVIEWER", isConfidentialityReview: false },
  { name: "二校·复审（含保密审查）", role: "SECOND_REVIEWER", isConfidentialityReview: true },
  { name: "三校·终审（签发）", role: "FINAL_REVIEWER", isConfidentialityReview: false },
];
