import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { sectionContentSchema, type SectionContent } from "@/lib/report/content";
import { contentHash } from "@/lib/report/content-hash";
import type { SectionKey } from "@/lib/report/format";
import { fieldErrorsOf } from "@/lib/validation/fields";
import { assertDraft, findReportOrThrow } from "./find-report";

export type SavedSection = { ok: true; version: number; updatedAt: Date };
/** Someone saved after the version this save was based on: their text, for the conflict view. */
export type SectionConflict = {
  ok: false;
  current: { version: number; content: SectionContent; editorName: string | null; updatedAt: Date };
};

type RevisionKind = "save" | "restore" | "import";

/** Writes a new version of a section when `baseVersion` is still current; never overwrites someone else's save. */
export async function saveSection(options: {
  actor: Actor;
  reportId: string;
  key: SectionKey;
  baseVersion: number;
  content: unknown;
  clientAddress: string | null;
  kind?: RevisionKind;
}): Promise<SavedSection | SectionConflict> {
  const { actor, reportId, key, baseVersion, clientAddress, kind = "save" } = options;
  const report = await findReportOrThrow(actor, reportId, "report.edit");
  assertDraft(report);
  const parsed = sectionContentSchema(key).safeParse(options.content);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "内容不符合要求，未保存。", fieldErrorsOf(parsed.error));
  const content = parsed.data;

  return db().$transaction(async (tx) => {
    const saved = await writeVersion(tx, { reportId, key, baseVersion, content, actor, kind });
    if (!saved) return { ok: false as const, current: await currentSection(tx, reportId, key) };
    await appendAuditEntry(tx, {
      action: kind === "restore" ? "section.restored" : "section.saved",
      actor, targetType: "report", targetId: reportId, organId: report.organId, clientAddress,
      details: { section: key, version: saved.version, kind }, contentHash: contentHash(content),
    });
    return { ok: true as const, ...saved };
  });
}

/**
 * The conditional update at the heart of "no silent overwrite": it matches only
 * while the stored version is the one the editor started from.
 */
export async function writeVersion(
  tx: Tx,
  args: { reportId: string; key: SectionKey; baseVersion: number; content: SectionContent; actor: Actor; kind: RevisionKind },
): Promise<{ version: number; updatedAt: Date } | null> {
  const { reportId, key, baseVersion, content, actor, kind } = args;
  const updatedAt = new Date();
  const json = content as unknown as Prisma.InputJsonObject;
  const result = await tx.section.updateMany({
    where: { reportId, key, version: baseVersion },
    data: { content: json, version: { increment: 1 }, lastEditorId: actor.id, isCarriedOver: false, updatedAt },
  });
  if (result.count === 0) return null;
  const section = await tx.section.findUniqueOrThrow({ where: { reportId_key: { reportId, key } }, select: { id: true, version: true } });
  await tx.sectionRevision.create({
    data: { sectionId: section.id, version: section.version, content: json, kind, authorId: actor.id, authorName: actor.displayName },
  });
  return { version: section.version, updatedAt };
}

async function currentSection(tx: Tx, reportId: string, key: SectionKey): Promise<SectionConflict["current"]> {
  const section = await tx.section.findUniqueOrThrow({
    where: { reportId_key: { reportId, key } },
    select: { version: true, content: true, updatedAt: true, lastEditor: { select: { displayName: true } } },
  });
  return {
    version: section.version,
    content: section.content as unknown as SectionContent,
    editorName: section.lastEditor?.displayName ?? null,
    updatedAt: section.updatedAt,
  };
}
