// Importing a Word file or a saved page into a draft: a preview that writes nothing, then a
// confirmation that writes revisions (issue 13, items 1 and 2).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";
import { createOrgan } from "@/lib/organs/save-organ";
import { reportToDocx } from "@/lib/report-files/docx";
import type { TableContent } from "@/lib/report-format/content";
import { createReport } from "@/lib/reports/create-report";
import { importReportFile, previewReportFile } from "@/lib/reports/import-report-file";
import { loadSections } from "@/lib/reports/load-sections";
import { saveSection } from "@/lib/reports/save-section";
import { createUser } from "@/lib/users/create-user";
import { gbk, platformPage, reportParts } from "../unit/import-fixtures";
import { richDraft } from "../unit/report-fixtures";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = "127.0.0.1";

async function person(organId: string, role: Role, name: string): Promise<Actor> {
  const user = await createUser({ actor: platformAdmin, organId, username: `i-${tag()}`, displayName: name, password: "a-good-password", roles: [role], clientAddress });
  return { id: user.id, displayName: name, isPlatformAdmin: false, memberships: [{ organId, role }] };
}

describe("importing a Word file or a saved page into a draft", () => {
  let organId: string;
  let organName: string;
  let author: Actor, reviewer: Actor;

  beforeAll(async () => {
    organName = `导入镇${tag()}`;
    organId = (
      await createOrgan({
        actor: platformAdmin,
        input: { name: organName, shortName: "导入", kind: "TOWNSHIP", code: `I${tag()}`, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
        clientAddress,
      })
    ).id;
    author = await person(organId, "AUTHOR", "撰稿丙");
    reviewer = await person(organId, "FIRST_REVIEWER", "初审丙");
  });
  afterAll(async () => db().$disconnect());

  it("previews without writing, confirms into revisions that keep the old text, and refuses a stale preview", async () => {
    const { id: reportId } = await createReport({ actor: author, organId, year: 2024, clientAddress });
    const intro = "根据《中华人民共和国政府信息公开条例》规定，现将本镇2024年度政府信息公开工作情况报告如下：";
    const bytes = new Uint8Array(
      await reportToDocx({ title: `${organName}2024年度政府信息公开工作年度报告`, sections: { ...richDraft(), intro: { kind: "narrative", text: intro } } }),
    );
    const input = { kind: "file" as const, name: "2024年报.docx", bytes };
    const before = await loadSections(reportId);

    const { preview, token } = await previewReportFile({ actor: author, reportId, input, clientAddress });
    expect(preview.sections.every((s) => s.found)).toBe(true);
    expect(preview.intro).toBe(intro);
    expect(preview.changedSections).toHaveLength(7);
    const requests = preview.sections.find((s) => s.key === "requests");
    expect(requests?.kind === "table" && requests.status["newRequests.natural"]).toBe("read");
    expect(preview.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(await loadSections(reportId)).toEqual(before);
    expect(await db().sectionRevision.count({ where: { section: { reportId }, kind: "import" } })).toBe(0);

    // Someone saves after the preview: the confirmation is refused and nothing is written.
    const section = await db().section.findFirstOrThrow({ where: { reportId, key: "problems" }, select: { version: true } });
    await saveSection({ actor: author, reportId, key: "problems", baseVersion: section.version, content: { kind: "narrative", text: "先写的一句。" }, clientAddress });
    expect((await refusal(importReportFile({ actor: author, reportId, input, token, clientAddress }))).code).toBe("CONFLICT");
    expect(await db().sectionRevision.count({ where: { section: { reportId }, kind: "import" } })).toBe(0);

    const again = await previewReportFile({ actor: author, reportId, input, clientAddress });
    await importReportFile({ actor: author, reportId, input, token: again.token, clientAddress });
    const after = await loadSections(reportId);
    expect(after.problems).toEqual(richDraft().problems);
    expect(after.intro).toEqual({ kind: "narrative", text: intro });
    expect((after.requests as TableContent).cells["newRequests.natural"]).toBe("10");
    expect((after.requests as TableContent).cells["newRequests.total"]).toBeUndefined();
    expect(await db().sectionRevision.count({ where: { section: { reportId }, kind: "import" } })).toBe(7);
    const history = await db().sectionRevision.findMany({ where: { section: { reportId, key: "problems" } }, orderBy: { version: "asc" }, select: { content: true } });
    expect(history.map((h) => (h.content as { text: string }).text)).toContain("先写的一句。");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "report.imported", targetId: reportId } });
    expect(audit.details).toMatchObject({ source: "2024年报.docx", format: "docx" });
  });

  it("reads a GBK page without a charset or tables: its text and metadata, the tables' cells left empty", async () => {
    const { id: reportId } = await createReport({ actor: author, organId, year: 2023, clientAddress });
    const parts = reportParts({ title: `${organName}2023年度政府信息公开工作年度报告`, sections: richDraft() }).filter((p) => typeof p === "string");
    const input = { kind: "file" as const, name: "page.html", bytes: gbk(platformPage({ parts, style: "line-meta", charset: null })) };
    const { preview, token } = await previewReportFile({ actor: author, reportId, input, clientAddress });
    expect(preview.metadata.indexNumber).toBe("11330483002566044K/2025-00012");
    const t3 = preview.sections.find((s) => s.key === "requests");
    expect(t3?.kind === "table" && t3.source).toBe("missing");
    expect(t3?.kind === "table" && t3.status["newRequests.natural"]).toBe("empty");
    await importReportFile({ actor: author, reportId, input, token, clientAddress });
    const after = await loadSections(reportId);
    expect(after.overview).toEqual(richDraft().overview);
    expect((after.requests as TableContent).cells["newRequests.natural"]).toBe("");
  });

  it("refuses another year, a file that is not a report, and people who may not edit, changing nothing and auditing the refusal", async () => {
    const { id: reportId } = await createReport({ actor: author, organId, year: 2022, clientAddress });
    const before = await loadSections(reportId);
    const wrongYear = {
      kind: "file" as const,
      name: "a.docx",
      bytes: new Uint8Array(await reportToDocx({ title: "某镇2021年度政府信息公开工作年度报告", sections: richDraft() })),
    };
    expect((await refusal(previewReportFile({ actor: author, reportId, input: wrongYear, clientAddress }))).userMessage).toContain("2021 年度");
    const notReport = { kind: "text" as const, text: "关于召开会议的通知\n请各村按时参加。" };
    expect((await refusal(previewReportFile({ actor: author, reportId, input: notReport, clientAddress }))).userMessage).toContain("不像是一份政府信息公开工作年度报告");
    const corrupt = { kind: "file" as const, name: "b.docx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]) };
    expect((await refusal(previewReportFile({ actor: author, reportId, input: corrupt, clientAddress }))).userMessage).toContain("文件已损坏");
    const good = {
      kind: "file" as const,
      name: "c.docx",
      bytes: new Uint8Array(await reportToDocx({ title: `${organName}2022年度政府信息公开工作年度报告`, sections: richDraft() })),
    };
    expect((await refusal(previewReportFile({ actor: reviewer, reportId, input: good, clientAddress }))).code).toBe("NOT_FOUND");
    expect(await loadSections(reportId)).toEqual(before);
    expect(await db().auditEntry.count({ where: { action: "request.refused", targetId: reportId } })).toBeGreaterThanOrEqual(4);
  });
});
