// The 三审三校 review pipeline as a pure state machine (shared/spec/review-workflow.md).
// Given the report's review state, the organ's stages and an event, it answers
// whether the event is allowed and what the state becomes. The use cases load the
// state, ask here, and write the result in one guarded transaction.
//
// Chain of custody: each approval records the content hash it approved. Between
// two approvals the text may change only through the later stage holder's own
// proofreading before deciding; any other change voids the round. So the text a
// stage approves is the previous stage's text plus that stage's own, tracked,
// corrections, and the final approval's hash is the text that may be published.
import type { Role } from "@/lib/domain/roles";
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
  | "NOT_DRAFT" | "NOT_IN_REVIEW" | "NO_ROLE" | "IS_AUTHOR" | "ACTED_ON_OTHER_STAGE" | "CHECK_ERRORS"
  | "OPEN_WARNINGS" | "OPEN_SCAN_FINDINGS" | "REASON_REQUIRED" | "ALREADY_STARTED" | "NOT_SUBMITTER" | "STAGE_HELD"
  | "HANDOVER_STARTED" | "HANDOVER_TARGET";

export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  NOT_DRAFT: "报告已提交审核，内容已冻结。",
  NOT_IN_REVIEW: "报告当前不在审核中，可能已被他人处理，请刷新页面。",
  NO_ROLE: "您没有本机关当前审核环节的角色。",
  IS_AUTHOR: "您参与撰写了本报告，不能审核（谁审查、谁负责）。",
  ACTED_ON_OTHER_STAGE: "本轮审核中您已在其他环节处理过，同一人不能在两个环节处理。",
  CHECK_ERRORS: "报告还有检查错误，请先改正。",
  OPEN_WARNINGS: "还有未说明理由的提醒，请逐条填写理由后再通过。",
  OPEN_SCAN_FINDINGS: "保密审查还有未处理的发现，请修改或说明理由后再通过。",
  REASON_REQUIRED: "退回时必须填写理由。",
  ALREADY_STARTED: "第一环节已经开始处理，不能再撤回。",
  NOT_SUBMITTER: "只有本报告的撰稿人可以撤回。",
  STAGE_HELD: "本环节已由另一位审核人开始处理（校对或决定），同一环节只能由一人完成。",
  HANDOVER_STARTED: "本环节已有校对修改，不能再转交。",
  HANDOVER_TARGET: "只能转交给本机关同一审核角色、未参与撰写且未在本轮其他环节处理过的人。",
};

export type Outcome = { ok: true; state: ReviewState; voided?: boolean } | { ok: false; refusal: Refusal };

export type WorkflowContext = {
  stages: ReadonlyArray<Stage>;
  /** Roles the person holds in the report's own organ. */
  rolesOf: (personId: string) => ReadonlyArray<Role>;
};

const refuse = (refusal: Refusal): Outcome => ({ ok: false, refusal });

/** Who may act on the current stage of the round, and why not. */
export function mayActOnStage(state: ReviewState, ctx: WorkflowContext, by: string): Refusal | null {
  const round = state.round;
  if (state.status !== "IN_REVIEW" || !round) return "NOT_IN_REVIEW";
  const stage = ctx.stages[round.stageIndex];
  if (!stage || !ctx.rolesOf(by).includes(stage.role)) return "NO_ROLE";
  if (round.authors.includes(by)) return "IS_AUTHOR";
  const actedElsewhere = Object.entries(round.actors).some(([index, actor]) => actor === by && Number(index) !== round.stageIndex);
  if (actedElsewhere) return "ACTED_ON_OTHER_STAGE";
  // A stage is one person's pass: whoever first corrects or decides holds it.
  const holder = round.actors[round.stageIndex];
  if (holder !== undefined && holder !== by) return "STAGE_HELD";
  return null;
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
