// 提交 freezes the text: a save racing a submission lands before it or is refused, never after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createOrgan } from "@/lib/organs/save-organ";
import { toReportJson } from "@/lib/report-files/report-json";
import { reportContentHash } from "@/lib/reports/content-hash";
import { createReport } from "@/lib/reports/create-report";
import { importReport } from "@/lib/reports/import-report";
import { loadSections } from "@/lib/reports/load-sections";
import { saveSection } from "@/lib/reports/save-section";
import { submitReport } from "@/lib/reports/submit-report";
import { withdrawSubmission } from "@/lib/reports/withdraw-submission";
import { createUser } from "@/lib/users/create-user";
import { validDraft } from "../unit/report-fixtures";
import { platformAdmin, tag } from "./fixtures";

const clientAddress = "127.0.0.1";
const PAIRS = 200;

describe("nothing is written past 提交", () => {
  let author: Actor;
  let reportId: string;

  beforeAll(async () => {
    const code = `S${tag()}`;
    const organId = (
      await createOrgan({
        actor: platformAdmin,
        input: { name: `提交镇${tag()}`, shortName: "提交", kind: "TOWNSHIP", code, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
        clientAddress,
      })
    ).id;
    const user = await createUser({ actor: platformAdmin, organId, username: `s-${tag()}`, displayName: "撰稿", password: "a-good-password", roles: ["AUTHOR"], clientAddress });
    author = { id: user.id, displayName: "撰稿", isPlatformAdmin: false, memberships: [{ organId, role: "AUTHOR" }] };
    reportId = (await createReport({ actor: author, organId, year: 2024, clientAddress })).id;
    await importReport({
      actor: author,
      reportId,
      clientAddress,
      raw: toReportJson({ organ: { name: "提交镇", code, kind: "TOWNSHIP" }, year: 2024, title: "", sections: validDraft() }),
    });
  });
  afterAll(async () => db().$disconnect());

  it(`keeps the submitted text in ${PAIRS} simultaneous save/submit pairs`, async () => {
    let savedFirst = 0;
    let refused = 0;
    for (let i = 0; i < PAIRS; i++) {
      const { version } = await db().section.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "problems" } }, select: { version: true } });
      const text = `${validDraft().problems.kind === "narrative" ? (validDraft().problems as { text: string }).text : ""}第${i}次修改。`;
      const [save, submit] = await Promise.allSettled([
        saveSection({ actor: author, reportId, key: "problems", baseVersion: version, content: { kind: "narrative", text }, clientAddress }),
        submitReport({ actor: author, reportId, clientAddress }),
      ]);
      expect(submit.status).toBe("fulfilled");
      // The round froze exactly the text as it stands now: no save came after the submission.
      const round = await db().reviewRound.findFirstOrThrow({ where: { reportId }, orderBy: { number: "desc" }, select: { submittedHash: true } });
      expect(reportContentHash(await loadSections(reportId))).toBe(round.submittedHash);
      if (save.status === "fulfilled") savedFirst++;
      else {
        expect(save.reason).toBeInstanceOf(AppError);
        expect((save.reason as AppError).userMessage).toContain("冻结");
        refused++;
      }
      await withdrawSubmission({ actor: author, reportId, clientAddress });
    }
    // Both orders happened, so the race was real.
    console.log(`save/submit pairs: ${savedFirst} saves landed before the submission, ${refused} were refused after it`);
    expect(savedFirst + refused).toBe(PAIRS);
  }, 300_000);
});
