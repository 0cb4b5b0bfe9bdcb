import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { readJsonColumn } from "@/lib/db/json-column";
import { handoverDetailsSchema, reviewActionKindSchema } from "@/lib/review/action-details";
import { storedStagesSchema } from "@/lib/review/review-settings";
import { roundFromActions, type RecordedAction, type ReviewState, type Stage } from "@/lib/review/workflow";
import { reportContentHash } from "./content-hash";
import { loadSectionsIn } from "./load-sections";

/** Revision kinds that make someone an author of the text (a reviewer's correction does not). */
const WRITING_KINDS = ["save", "restore", "import"];

/** A round's copy of the stages it started with (ReviewRound.stages). */
export const readRoundStages = (json: unknown): Stage[] => readJsonColumn(storedStagesSchema, json, "ReviewRound.stages");

/** A ReviewAction row as the review rules read it. */
export function readRecordedAction(row: { kind: string; stageIndex: number; actorId: string; contentHash: string; details: unknown }): RecordedAction {
  const kind = readJsonColumn(reviewActionKindSchema, row.kind, "ReviewAction.kind");
  const base = { stageIndex: row.stageIndex, actorId: row.actorId, contentHash: row.contentHash };
  return kind === "handover" ? { ...base, kind, to: readJsonColumn(handoverDetailsSchema, row.details, "ReviewAction.details").to } : { ...base, kind };
}

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
  const openRound = round && round.status === "OPEN" ? round : null;
  const stages: Stage[] = openRound
    ? readRoundStages(openRound.stages)
    : readJsonColumn(
        storedStagesSchema,
        await tx.reviewStage.findMany({ where: { organId: report.organId }, orderBy: { position: "asc" }, select: { name: true, role: true, isConfidentialityReview: true } }),
        "ReviewStage",
      );
  const state: ReviewState = {
    // A published or withdrawn report is as frozen as an approved one: the machine knows three states.
    status: row.status === "DRAFT" || row.status === "IN_REVIEW" ? row.status : "APPROVED",
    contentHash: reportContentHash(sections),
    draftAuthors: writers.flatMap((w) => (w.authorId ? [w.authorId] : [])),
    round: round
      ? roundFromActions({ number: round.number, stageIndex: round.stageIndex, authors: round.authorIds, actions: (openRound?.actions ?? []).map(readRecordedAction) })
      : null,
  };
  const lastRecordedHash = openRound?.actions.at(-1)?.contentHash ?? null;
  return { state, stages, sections, round: openRound, lastRoundNumber: round?.number ?? 0, lastRecordedHash };
}
