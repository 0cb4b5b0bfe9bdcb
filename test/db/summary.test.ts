// The 汇总 on a real database: the sums equal the per-organ values of what was published (each
// report's newest version; withdrawn ones out), the lists of organs included and missing, and the
// scope: every organ below the supervising one at any depth, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { OrganKind } from "@/lib/domain/organ-kinds";
import type { Role } from "@/lib/domain/roles";
import { createOrgan } from "@/lib/organs/save-organ";
import { startCorrection, withdrawPublished } from "@/lib/publish/correct-or-withdraw";
import { publishReport } from "@/lib/publish/publish-report";
import { openDataFile, publicOrigin } from "@/lib/publish/open-data";
import { openDataCsv } from "@/lib/publish/open-data-files";
import { findOpenDataReports, listFeedEvents, listSitemapEntries, listYearPublicationIds } from "@/lib/publish/public-data";
import { readPublishedSnapshot } from "@/lib/publish/snapshot";
import { withComputedTotals } from "@/lib/report-format/cells";
import type { ReportSections, TableContent } from "@/lib/report-format/content";
import { ALL_CELLS, TABLE_SECTION, TABLE2_FEE_CELL, type TableNumber } from "@/lib/report-format/format";
import { formatAmount, valueOfCell } from "@/lib/report-format/sum-tables";
import { toReportJson } from "@/lib/report-files/report-json";
import { createReport } from "@/lib/reports/create-report";
import { decideStage } from "@/lib/reports/decide-stage";
import { importReport } from "@/lib/reports/import-report";
import { submitReport } from "@/lib/reports/submit-report";
import { getSummary } from "@/lib/supervision/get-summary";
import { createUser } from "@/lib/users/create-user";
import { assignRole } from "@/lib/users/manage-roles";
import { setCell, validDraft } from "../unit/report-fixtures";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = null;
const YEAR = 2025;
const ROLES: Array<[string, Role]> = [
  ["author", "AUTHOR"],
  ["first", "FIRST_REVIEWER"],
  ["second", "SECOND_REVIEWER"],
  ["final", "FINAL_REVIEWER"],
  ["publisher", "PUBLISHER"],
];

type Organ = { id: string; name: string; code: string; kind: OrganKind };

describe("汇总 (combined statistics of the organs below)", () => {
  const organs: Record<string, Organ> = {};
  const people: Record<string, Actor> = {};
  let supervisor: Actor;
  let countySupervisor: Actor;

  async function organ(key: string, kind: OrganKind, parentKey: string | null) {
    const name = `汇总${key}${tag()}`;
    const code = `S${tag()}${key.length}`;
    const input = { name, shortName: key, kind, code, parentId: parentKey ? organs[parentKey]!.id : null, deadlineMonth: 1, deadlineDay: 31 };
    organs[key] = { id: (await createOrgan({ actor: platformAdmin, clientAddress, input })).id, name, code, kind };
  }

  /** A consistent report whose figures depend on k (no narrative figure, so no warning needs a reason). */
  function sections(k: number): ReportSections {
    const s = validDraft();
    s.overview = {
      kind: "narrative",
      text: "（一）主动公开\n按要求主动公开政府信息。\n（二）依申请公开\n依法按时答复。\n（三）政府信息管理\n落实保密审查。\n（四）政府信息公开平台建设\n完善栏目。\n（五）监督保障\n纳入考核，开展社会评议，未发生责任追究。",
    };
    s.other = { kind: "narrative", text: "本年度，本机关未收取政府信息公开信息处理费。" };
    setCell(s, "requests", "newRequests.legal", String(k));
    setCell(s, "requests", "disclosed.legal", String(k));
    setCell(s, "requests", "carriedOut.commercial", String(2 * k));
    setCell(s, "requests", "newRequests.commercial", String(2 * k));
    setCell(s, "proactive", "licensing.decisions", String(10 * k));
    setCell(s, "proactive", "normativeDocuments.current", String(k + 1));
    setCell(s, "proactive", TABLE2_FEE_CELL, `${k}.${k}1`);
    setCell(s, "appeals", "review.upheld", String(k));
    setCell(s, "appeals", "litigationDirect.pending", String(k % 2));
    return s;
  }

  async function approved(key: string, k: number) {
    const o = organs[key]!;
    const { id: reportId } = await createReport({ actor: people.author!, organId: o.id, year: YEAR, clientAddress });
    await importReport({
      actor: people.author!,
      reportId,
      clientAddress,
      raw: toReportJson({ organ: { name: o.name, code: o.code, kind: o.kind }, year: YEAR, title: "", sections: sections(k) }),
    });
    await reviewed(reportId);
    return reportId;
  }

  async function reviewed(reportId: string) {
    const round = await submitReport({ actor: people.author!, reportId, clientAddress });
    for (const [stageIndex, who] of ["first", "second", "final"].entries()) {
      await decideStage({ actor: people[who]!, reportId, roundId: round.id, stageIndex, verdict: "approve", comment: "", warningReasons: {}, scanReasons: {}, clientAddress });
    }
  }

  const publish = (reportId: string, correctionNote = "") => publishReport({ actor: people.publisher!, reportId, correctionNote, clientAddress });

  beforeAll(async () => {
    // root ─ county ─ townA (v1, then a correction published as v2), townW (withdrawn), deptP (approved, never published)
    //      ├ townB (published) ─ streetDeep (published, two levels down)
    //      ├ townN (no report), townD (a draft)
    // other ─ townX (published: another office's organ)
    await organ("root", "CITY", null);
    await organ("county", "COUNTY", "root");
    await organ("townA", "TOWNSHIP", "county");
    await organ("townW", "TOWNSHIP", "county");
    await organ("deptP", "DEPARTMENT", "county");
    await organ("townB", "TOWNSHIP", "root");
    await organ("streetDeep", "STREET", "townB");
    await organ("townN", "TOWNSHIP", "root");
    await organ("townD", "TOWNSHIP", "root");
    await organ("other", "CITY", null);
    await organ("townX", "TOWNSHIP", "other");
    const reporting = ["townA", "townW", "deptP", "townB", "streetDeep", "townD", "townX"];
    for (const [who, role] of ROLES) {
      const user = await createUser({
        actor: platformAdmin,
        organId: organs.townA!.id,
        username: `s-${who}-${tag()}`,
        displayName: who,
        password: "a-good-password",
        roles: [role],
        clientAddress,
      });
      for (const key of reporting.slice(1)) await assignRole({ actor: platformAdmin, organId: organs[key]!.id, userId: user.id, role, clientAddress });
      people[who] = { id: user.id, displayName: who, isPlatformAdmin: false, memberships: reporting.map((key) => ({ organId: organs[key]!.id, role })) };
    }
    for (const [key, name] of [
      ["root", "city"],
      ["county", "county"],
    ] as const) {
      const user = await createUser({
        actor: platformAdmin,
        organId: organs[key]!.id,
        username: `s-sup-${name}-${tag()}`,
        displayName: name,
        password: "a-good-password",
        roles: ["SUPERVISOR"],
        clientAddress,
      });
      const actor: Actor = { id: user.id, displayName: name, isPlatformAdmin: false, memberships: [{ organId: organs[key]!.id, role: "SUPERVISOR" }] };
      if (key === "root") supervisor = actor;
      else countySupervisor = actor;
    }

    const townA = await approved("townA", 1);
    await publish(townA);
    await startCorrection({ actor: people.publisher!, reportId: townA, clientAddress });
    const correctedA = sections(4);
    await importReport({
      actor: people.author!,
      reportId: townA,
      clientAddress,
      raw: toReportJson({ organ: { name: organs.townA!.name, code: organs.townA!.code, kind: "TOWNSHIP" }, year: YEAR, title: "", sections: correctedA }),
    });
    await reviewed(townA);
    await publish(townA, "更正表格数据");
    const townW = await approved("townW", 2);
    await publish(townW);
    await withdrawPublished({ actor: people.publisher!, reportId: townW, reason: "数据有误", clientAddress });
    await approved("deptP", 3);
    await publish(await approved("townB", 5));
    await publish(await approved("streetDeep", 7));
    await createReport({ actor: people.author!, organId: organs.townD!.id, year: YEAR, clientAddress });
    await publish(await approved("townX", 11));
  }, 120_000);
  afterAll(async () => db().$disconnect());

  /** Each organ's tables as published (its newest version), read back from the snapshot, totals computed. */
  async function publishedTables(key: string) {
    const publication = await db().publication.findFirstOrThrow({ where: { organCode: organs[key]!.code, year: YEAR }, orderBy: { version: "desc" }, select: { snapshot: true } });
    return withComputedTotals(readPublishedSnapshot(publication.snapshot).sections);
  }
  /** "4.41" → 44100: the fee read as text, independently of the code under test. */
  const tenThousandths = (v: string) => {
    const [whole, fraction = ""] = v.split(".");
    return BigInt(`${whole}${fraction.padEnd(4, "0")}`);
  };
  const cellOf = (sections: ReportSections, table: TableNumber, cell: string) => (sections[TABLE_SECTION[table]] as TableContent).cells[cell]!;
  const names = (list: Array<{ name: string }>) => list.map((o) => o.name).sort();
  const name = (...keys: string[]) => keys.map((k) => organs[k]!.name).sort();

  it("sums every cell, totals included, to exactly the organs' published values (newest versions), at any depth below", async () => {
    const summary = await getSummary({ actor: supervisor, organId: organs.root!.id, year: YEAR, includeApproved: false });
    expect(names(summary.included)).toEqual(name("townA", "townB", "streetDeep"));
    const each = await Promise.all(["townA", "townB", "streetDeep"].map(publishedTables));
    for (const table of [2, 3, 4] as TableNumber[]) {
      for (const cell of ALL_CELLS[table]) {
        const values = each.map((s) => cellOf(s, table, cell));
        const expected =
          table === 2 && cell === TABLE2_FEE_CELL
            ? formatAmount(values.reduce((sum, v) => sum + tenThousandths(v), BigInt(0)))
            : String(values.reduce((sum, v) => sum + Number(v), 0));
        expect(summary.sum![table][cell], cell).toBe(expected);
      }
    }
    // The corrected version (k = 4), not the first (k = 1); the fee exactly 4.41 + 5.51 + 7.71.
    expect(summary.sum![3]["newRequests.legal"]).toBe(String(4 + 5 + 7));
    expect(summary.sum![2][TABLE2_FEE_CELL]).toBe("17.63");
    expect(summary.included.find((o) => o.name === organs.townA!.name)).toMatchObject({
      source: "已发布（第 2 版）",
      indexNumber: expect.stringMatching(new RegExp(`^${organs.townA!.code}/`)),
    });
    expect(summary.included.find((o) => o.name === organs.streetDeep!.name)!.path).toEqual([organs.townB!.name]);
    // Each organ's own value, as the cell breakdown lists it.
    expect(summary.included.map((o) => valueOfCell(o.values, 3, "newRequests.total")).sort()).toEqual(each.map((s) => cellOf(s, 3, "newRequests.total")).sort());
  });

  it("lists every other organ below with why it is not counted; another office's organs appear nowhere", async () => {
    const summary = await getSummary({ actor: supervisor, organId: organs.root!.id, year: YEAR, includeApproved: false });
    expect(Object.fromEntries(summary.missing.map((o) => [o.name, o.reason]))).toEqual({
      [organs.county!.name]: "未创建报告",
      [organs.townW!.name]: "已撤回",
      [organs.deptP!.name]: "尚未发布（待发布）",
      [organs.townN!.name]: "未创建报告",
      [organs.townD!.name]: "尚未发布（草稿）",
    });
    const everyone = [...summary.included, ...summary.missing].map((o) => o.name);
    expect(everyone).not.toContain(organs.root!.name);
    expect(everyone).not.toContain(organs.townX!.name);
  });

  it("counts approved reports too when asked", async () => {
    const summary = await getSummary({ actor: supervisor, organId: organs.root!.id, year: YEAR, includeApproved: true });
    expect(names(summary.included)).toEqual(name("townA", "townB", "streetDeep", "deptP"));
    expect(summary.included.find((o) => o.name === organs.deptP!.name)!.source).toBe("待发布");
    expect(summary.sum![3]["newRequests.legal"]).toBe(String(4 + 5 + 7 + 3));
  });

  it("a supervisor lower in the tree sees only its own subtree", async () => {
    const summary = await getSummary({ actor: countySupervisor, organId: organs.county!.id, year: YEAR, includeApproved: false });
    expect(names(summary.included)).toEqual(name("townA"));
    expect(names(summary.missing)).toEqual(name("townW", "deptP"));
    expect(summary.sum![3]["newRequests.legal"]).toBe("4");
  });

  it("another year, or an organ with nothing below: nothing counted, nothing summed", async () => {
    const other = await getSummary({ actor: supervisor, organId: organs.root!.id, year: YEAR - 1, includeApproved: true });
    expect([other.included, other.sum]).toEqual([[], null]);
    expect(other.missing).toHaveLength(8);
    const leaf = await getSummary({ actor: supervisor, organId: organs.townN!.id, year: YEAR, includeApproved: false });
    expect(leaf).toMatchObject({ included: [], missing: [], sum: null });
  });

  it("the digest the 汇总 reads holds the snapshot's cells and metadata, and none of its narrative", async () => {
    const publication = await db().publication.findFirstOrThrow({ where: { organCode: organs.townB!.code, year: YEAR }, select: { snapshot: true, digest: true } });
    const snapshot = readPublishedSnapshot(publication.snapshot);
    const digest = publication.digest as { title: string; organ: unknown; sections: Record<string, { cells: unknown }> };
    expect([digest.title, digest.organ]).toEqual([snapshot.title, snapshot.organ]);
    expect(Object.keys(digest.sections).sort()).toEqual(["appeals", "proactive", "requests"]);
    for (const key of ["proactive", "requests", "appeals"] as const) expect(digest.sections[key]!.cells).toEqual((snapshot.sections[key] as TableContent).cells);
    expect(JSON.stringify(digest)).not.toContain("主动公开政府信息");
    expect(Object.keys(digest)).not.toEqual(expect.arrayContaining(["approvals"]));
  });

  it("refuses, as not found, anyone who does not supervise the organ, and a year outside 2008 to next year", async () => {
    for (const [actor, organId] of [
      [supervisor, organs.other!.id],
      [countySupervisor, organs.root!.id],
      [people.author!, organs.townA!.id],
      [platformAdmin, organs.root!.id],
    ] as const) {
      expect((await refusal(getSummary({ actor, organId, year: YEAR, includeApproved: false }))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(getSummary({ actor: supervisor, organId: organs.root!.id, year: 2007, includeApproved: false }))).userMessage).toMatch(
      /^年度应为 2008 至 \d{4} 年之间的年份。$/,
    );
  });

  it("open data reads the same publications: a year's newest versions without withdrawn reports; the feed has the publications, the correction and the withdrawal", async () => {
    const mine = new Set(Object.values(organs).map((o) => o.code));
    const year = [...(await findOpenDataReports(await listYearPublicationIds(YEAR))).values()].filter((r) => mine.has(r.organCode));
    expect(year.map((r) => [r.organName, r.version]).sort()).toEqual(
      [
        [organs.townA!.name, 2],
        [organs.townB!.name, 1],
        [organs.streetDeep!.name, 1],
        [organs.townX!.name, 1],
      ].sort(),
    );
    const townA = year.find((r) => r.organCode === organs.townA!.code)!.figures;
    expect("values" in townA && valueOfCell(townA.values, 3, "newRequests.legal")).toBe("4");
    const events = (await listFeedEvents(500)).filter((e) => mine.has(e.organCode));
    expect(events.filter((e) => e.organCode === organs.townA!.code).map((e) => [e.kind, e.version])).toEqual([
      ["corrected", 2],
      ["published", 1],
    ]);
    expect(events.find((e) => e.kind === "withdrawn")).toMatchObject({ organCode: organs.townW!.code, note: "数据有误", title: expect.stringContaining("2025年度") });
    const sitemap = await listSitemapEntries();
    expect(sitemap.organCodes).toEqual(expect.arrayContaining([organs.townW!.code, organs.townN!.code]));
    expect(
      sitemap.reports
        .filter((r) => mine.has(r.organCode))
        .map((r) => r.organCode)
        .sort(),
    ).toEqual([organs.townA!.code, organs.townB!.code, organs.streetDeep!.code, organs.townX!.code].sort());
  });

  /** This test's organs in the year's open-data files, as built (from the lines kept by publication): code → version, from the CSV and from the JSON. */
  async function inOpenData() {
    const mine = new Set(Object.values(organs).map((o) => o.code));
    const text = async (name: string) => {
      const file = (await openDataFile(["open-data", name], "hans"))!;
      return "bytes" in file ? file.bytes.toString("utf8") : file.html;
    };
    const csv = await text(`${YEAR}.csv`);
    const json = JSON.parse(await text(`${YEAR}.json`)) as { reports: Array<{ organ: { code: string }; version: number }> };
    const fromCsv = csv
      .split("\r\n")
      .map((line) => line.split('","'))
      .filter((cells) => mine.has(cells[2] ?? ""))
      .map((cells) => `${cells[2]} v${cells[5]}`);
    const fromJson = json.reports.filter((r) => mine.has(r.organ.code)).map((r) => `${r.organ.code} v${r.version}`);
    expect(fromCsv).toEqual(fromJson);
    // Built from kept lines, the file is the file built afresh from every publication of the year.
    const ids = await listYearPublicationIds(YEAR);
    const reports = await findOpenDataReports(ids);
    expect(csv).toBe(
      openDataCsv(
        publicOrigin(),
        ids.map((id) => reports.get(id)!),
      ),
    );
    // A year without publications: the header alone, and an empty list.
    expect(await text("2008.csv")).toBe(openDataCsv(publicOrigin(), []));
    expect(JSON.parse(await text("2008.json")).reports).toEqual([]);
    return fromCsv.sort();
  }
  const v = (key: string, version: number) => `${organs[key]!.code} v${version}`;

  // Last: it changes the data the others read.
  it("a withdrawal or a publication after a 汇总 shows in the next one (what was read before is not served again), and in the open-data files", async () => {
    expect(await inOpenData()).toEqual([v("townA", 2), v("townB", 1), v("streetDeep", 1), v("townX", 1)].sort());
    const before = await getSummary({ actor: supervisor, organId: organs.root!.id, year: YEAR, includeApproved: false });
    expect(names(before.included)).toContain(organs.townB!.name);
    const townB = await db().report.findFirstOrThrow({ where: { organId: organs.townB!.id, year: YEAR }, select: { id: true } });
    await withdrawPublished({ actor: people.publisher!, reportId: townB.id, reason: "数据有误", clientAddress });
    const afterWithdrawal = await getSummary({ actor: supervisor, organId: organs.root!.id, year: YEAR, includeApproved: false });
    expect(names(afterWithdrawal.included)).toEqual(name("townA", "streetDeep"));
    expect(afterWithdrawal.sum![3]["newRequests.legal"]).toBe(String(4 + 7));
    expect(await inOpenData()).toEqual([v("townA", 2), v("streetDeep", 1), v("townX", 1)].sort());
    const deptP = await db().report.findFirstOrThrow({ where: { organId: organs.deptP!.id, year: YEAR }, select: { id: true } });
    await publish(deptP.id);
    const afterPublication = await getSummary({ actor: supervisor, organId: organs.root!.id, year: YEAR, includeApproved: false });
    expect(names(afterPublication.included)).toEqual(name("townA", "streetDeep", "deptP"));
    expect(await inOpenData()).toEqual([v("townA", 2), v("streetDeep", 1), v("deptP", 1), v("townX", 1)].sort());
    // A correction: its new version's line replaces the first's.
    await startCorrection({ actor: people.publisher!, reportId: deptP.id, clientAddress });
    await reviewed(deptP.id);
    await publish(deptP.id, "更正错别字");
    expect(await inOpenData()).toEqual([v("townA", 2), v("streetDeep", 1), v("deptP", 2), v("townX", 1)].sort());
  });
});
