// Past years published elsewhere, added as 外部导入 (issue 13, item 3): stored with their source,
// feeding carry-over and the cross-year checks, listed on the public page, corrected with an audit entry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";
import { createOrgan } from "@/lib/organs/save-organ";
import { listOrganPublications } from "@/lib/publish/public-data";
import type { TableContent } from "@/lib/report-format/content";
import { addExternalReport, previewExternalReport } from "@/lib/reports/add-external-report";
import { correctExternalReport } from "@/lib/reports/correct-external-report";
import { createReport } from "@/lib/reports/create-report";
import { findExternalReport } from "@/lib/reports/external-reports";
import { getReportFindings } from "@/lib/reports/queries";
import { publishReport } from "@/lib/publish/publish-report";
import { readPublishedSnapshot } from "@/lib/publish/snapshot";
import { toReportJson } from "@/lib/report-files/report-json";
import { decideStage } from "@/lib/reports/decide-stage";
import { importReport } from "@/lib/reports/import-report";
import { submitReport } from "@/lib/reports/submit-report";
import { createUser } from "@/lib/users/create-user";
import { platformPage, reportParts } from "../unit/import-fixtures";
import { richDraft, validDraft } from "../unit/report-fixtures";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = "127.0.0.1";

async function person(organId: string, role: Role, name: string): Promise<Actor> {
  const user = await createUser({ actor: platformAdmin, organId, username: `x-${tag()}`, displayName: name, password: "a-good-password", roles: [role], clientAddress });
  return { id: user.id, displayName: name, isPlatformAdmin: false, memberships: [{ organId, role }] };
}

describe("past years added as 外部导入", () => {
  let organ: { id: string; name: string; code: string };
  let admin: Actor, author: Actor;

  beforeAll(async () => {
    const name = `历年镇${tag()}`;
    const code = `H${tag()}`;
    organ = {
      id: (
        await createOrgan({
          actor: platformAdmin,
          input: { name, shortName: "历年", kind: "TOWNSHIP", code, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
          clientAddress,
        })
      ).id,
      name,
      code,
    };
    admin = await person(organ.id, "ORGAN_ADMIN", "管理员丁");
    author = await person(organ.id, "AUTHOR", "撰稿丁");
  });
  afterAll(async () => db().$disconnect());

  const page2020 = () => {
    const html = platformPage({ parts: reportParts({ title: `${organ.name}2020年度政府信息公开工作年度报告`, sections: richDraft() }), style: "table-meta" });
    return { kind: "file" as const, name: "2020年报.html", bytes: new TextEncoder().encode(html) };
  };

  it("stores a year from a saved page with its source and metadata, only for the organ's 管理员, once", async () => {
    const input = page2020();
    const sourceUrl = "https://www.example.gov.cn/art/2021/1/16/art_1.html";
    expect((await refusal(previewExternalReport({ actor: author, organId: organ.id, input, year: null, sourceUrl, clientAddress }))).code).toBe("NOT_FOUND");
    const { preview, token, year } = await previewExternalReport({ actor: admin, organId: organ.id, input, year: null, sourceUrl, clientAddress });
    expect(year).toBe(2020);
    expect(preview.metadata.indexNumber).toBe("001008004005097/2025-01220");
    expect(await db().externalReport.count({ where: { organId: organ.id } })).toBe(0);

    await addExternalReport({ actor: admin, organId: organ.id, input, year: null, sourceUrl, token, clientAddress });
    const stored = await findExternalReport(organ.id, 2020);
    expect(stored).toMatchObject({ source: "2020年报.html", sourceUrl, indexNumber: "001008004005097/2025-01220", publisher: "洲泉镇", createdByName: "管理员丁" });
    expect(stored!.issuedOn).toBe("2025-01-16");
    expect((stored!.sections.requests as TableContent).cells["carriedOut.natural"]).toBe("1");
    expect((stored!.sections.requests as TableContent).cells["carriedOut.total"]).toBeUndefined();
    expect(await db().auditEntry.count({ where: { action: "report.externalImported", targetId: stored!.id } })).toBe(1);

    expect((await refusal(addExternalReport({ actor: admin, organId: organ.id, input, year: null, sourceUrl, token, clientAddress }))).userMessage).toContain("已添加过 2020 年度");
    // Not a report of this platform: nothing to review, nothing published here.
    expect(await db().report.count({ where: { organId: organ.id, year: 2020 } })).toBe(0);
  });

  it("feeds 二、上年结转 of the next year's new report and its cross-year checks", async () => {
    const { id: reportId } = await createReport({ actor: author, organId: organ.id, year: 2021, clientAddress });
    const report = await db().report.findUniqueOrThrow({
      where: { id: reportId },
      select: { id: true, organId: true, year: true, title: true, organ: { select: { name: true, kind: true } } },
    });
    const section = await db().section.findFirstOrThrow({ where: { reportId, key: "requests" }, select: { content: true } });
    expect((section.content as TableContent).cells["carriedIn.natural"]).toBe("1");
    expect((section.content as TableContent).cells["carriedIn.commercial"]).toBe("0");
    // 五 carried over word for word: the copy check compares with the imported year.
    const findings = await getReportFindings(report);
    expect(findings.map((f) => f.id)).toContain("COPY");
  });

  it("is corrected with an audit entry naming what changed, on the version the person started from", async () => {
    const stored = (await findExternalReport(organ.id, 2020))!;
    const sections = structuredClone(stored.sections);
    (sections.requests as TableContent).cells["carriedOut.natural"] = "2";
    expect(
      (await refusal(correctExternalReport({ actor: author, organId: organ.id, year: 2020, expectedVersion: stored.version, sections, sourceUrl: null, clientAddress }))).code,
    ).toBe("NOT_FOUND");
    const { changes } = await correctExternalReport({
      actor: admin,
      organId: organ.id,
      year: 2020,
      expectedVersion: stored.version,
      sections,
      sourceUrl: stored.sourceUrl,
      clientAddress,
    });
    expect(changes).toContainEqual(expect.objectContaining({ kind: "cell", before: "1", after: "2" }));
    expect(
      (await refusal(correctExternalReport({ actor: admin, organId: organ.id, year: 2020, expectedVersion: stored.version, sections, sourceUrl: null, clientAddress }))).code,
    ).toBe("CONFLICT");
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "report.externalCorrected", targetId: stored.id } });
    expect(entry.details).toMatchObject({ year: 2020, fromVersion: 1 });
    const html = { ...sections, problems: { kind: "narrative" as const, text: "<script>alert(1)</script>" } };
    expect((await refusal(correctExternalReport({ actor: admin, organId: organ.id, year: 2020, expectedVersion: 2, sections: html, sourceUrl: null, clientAddress }))).code).toBe(
      "INVALID_INPUT",
    );
    expect((await findExternalReport(organ.id, 2020))!.version).toBe(2);
  });

  it("is listed on the organ's public page as 历年报告（原发布） with its original address, and refused for a year the platform has", async () => {
    const listed = await listOrganPublications(organ.code);
    expect(listed?.reports).toEqual([]);
    expect(listed?.external).toEqual([
      {
        year: 2020,
        title: `${organ.name}2020年度政府信息公开工作年度报告`,
        sourceUrl: "https://www.example.gov.cn/art/2021/1/16/art_1.html",
        indexNumber: "001008004005097/2025-01220",
        issuedOn: "2025-01-16",
      },
    ]);
    const html = platformPage({ parts: reportParts({ title: `${organ.name}2021年度政府信息公开工作年度报告`, sections: richDraft() }), style: "line-meta" });
    const input = { kind: "file" as const, name: "2021.html", bytes: new TextEncoder().encode(html) };
    expect((await refusal(previewExternalReport({ actor: admin, organId: organ.id, input, year: null, sourceUrl: null, clientAddress }))).userMessage).toContain(
      "本平台已有 2021 年度的报告",
    );
  });

  it("completes the 历年情况 trend of a report published later", async () => {
    const people: Record<string, Actor> = {};
    for (const [who, role] of [
      ["first", "FIRST_REVIEWER"],
      ["second", "SECOND_REVIEWER"],
      ["final", "FINAL_REVIEWER"],
      ["publisher", "PUBLISHER"],
    ] as const) {
      people[who] = await person(organ.id, role, who);
    }
    const { id: reportId } = await createReport({ actor: author, organId: organ.id, year: 2023, clientAddress });
    const raw = toReportJson({ organ: { name: organ.name, code: organ.code, kind: "TOWNSHIP" }, year: 2023, title: "", sections: validDraft() });
    await importReport({ actor: author, reportId, raw, clientAddress });
    const round = await submitReport({ actor: author, reportId, clientAddress });
    for (const [stageIndex, who] of ["first", "second", "final"].entries()) {
      await decideStage({ actor: people[who]!, reportId, roundId: round.id, stageIndex, verdict: "approve", comment: "", warningReasons: {}, scanReasons: {}, clientAddress });
    }
    await publishReport({ actor: people.publisher!, reportId, correctionNote: "", clientAddress });
    const publication = await db().publication.findFirstOrThrow({ where: { reportId }, select: { snapshot: true } });
    const trend = readPublishedSnapshot(publication.snapshot).trend ?? [];
    expect(trend.map((p) => p.year).sort()).toEqual([2020, 2023]);
    // 2020 as read from its page: 10 applications from natural persons and 2 from companies.
    expect(trend.find((p) => p.year === 2020)?.applications).toBe(12);
  });
});
