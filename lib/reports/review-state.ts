import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { rolesIn } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { contentHash } from "@/lib/reports/content-hash";
import type { Approval, ReviewState, Stage, WorkflowContext } from "@/lib/review/workflow";
import { loadSectionsIn } from "./load-sections";

/** Revision kinds that make someone an author of the text (a reviewer's correction does not). */
const WRITING_KINDS = ["save", "restore", "import"];

/**
 * The report's review state as the workflow machine sees it. A use case that
 * writes reads it inside its transaction after locking the report row, so that
 * two decisions on one report happen one after the other; a page only reading
 * it passes `{ lock: false }` and blocks nobody.
 */
export async function loadReviewState(tx: Tx | AppPrismaClient, report: { id: string; organId: string }, options: { lock: boolean } = { lock: true }) {
  if (options.lock) await tx.$queryRaw`SELECT id FROM "Report" WHERE id = ${report.id} FOR UPDATE`;
  const row = await tx.report.findUniqueOrThrow({ where: { id: report.id }, select: { status: true } });
  const sections = await loadSectionsIn(tx, report.id);
  const writers = await tx.sectionRevision.findMany({
    where: { section: { reportId: report.id }, kind: { in: WRITING_KINDS }, authorId: { not: null } },
    distinct: ["authorId"],
    select: { authorId: true },
  });
  const round = await tx.reviewRound.findFirst({
    where: { reportId: report.id },
    orderBy: { number: "desc" },
    include: { actions: { orderBy: { createdAt: "asc" } } },
  });
  const stagesNow = await tx.reviewStage.findMany({ where: { organId: report.organId }, orderBy: { position: "asc" } });
  const openRound = round && round.status === "OPEN" ? round : null;
  const stages: Stage[] = openRound
    ? (openRound.stages as unknown as Stage[])
    : stagesNow.map((s) => ({ name: s.name, role: s.role as Stage["role"], isConfidentialityReview: s.isConfidentialityReview }));

  const actors: Record<number, string> = {};
  const corrected: number[] = [];
  const approvals: Approval[] = [];
  for (const action of openRound?.actions ?? []) {
    if (action.kind === "correct" || action.kind === "approve" || action.kind === "return") actors[action.stageIndex] = action.actorId;
    if (action.kind === "handover") actors[action.stageIndex] = (action.details as { to: string }).to;
    if (action.kind === "correct" && !corrected.includes(action.stageIndex)) corrected.push(action.stageIndex);
    if (action.kind === "approve") approvals.push({ stageIndex: action.stageIndex, by: action.actorId, contentHash: action.contentHash });
  }
  const lastRecordedHash = openRound?.actions.at(-1)?.contentHash ?? null;
  const state: ReviewState = {
    // A published or withdrawn report is as frozen as an approved one: the machine knows three states.
    status: row.status === "DRAFT" || row.status === "IN_REVIEW" ? row.status : "APPROVED",
    contentHash: contentHash(sections),
    draftAuthors: writers.map((w) => w.authorId!),
    round: round
      ? {
          number: round.number,
          stageIndex: round.stageIndex,
          authors: round.authorIds as unknown as string[],
          actors,
          corrected,
          approvals,
        }
      : null,
  };
  return { state, stages, sections, round: openRound, lastRoundNumber: round?.number ?? 0, lastRecordedHash };
}

export function workflowContext(actor: Actor, organId: string, stages: Stage[]): WorkflowContext {
  return { stages, rolesOf: (id) => (id === actor.id ? rolesIn(actor, organId) : []) };
}
