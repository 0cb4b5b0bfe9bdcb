import { describe, expect, it } from "vitest";
import { can, canManageAccount, rolesIn, subtreeRootsWhere, type Action, type Actor, type OrganScope } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/domain/roles";

const CITY = "city";
const TOWN = "town";
const OTHER_TOWN = "other-town";
const town: OrganScope = { organId: TOWN, ancestorIds: [CITY] };
const otherTown: OrganScope = { organId: OTHER_TOWN, ancestorIds: [CITY] };
const city: OrganScope = { organId: CITY, ancestorIds: [] };

function actor(memberships: Array<[string, Role]>, isPlatformAdmin = false): Actor {
  return { id: "u", displayName: "某人", isPlatformAdmin, memberships: memberships.map(([organId, role]) => ({ organId, role })) };
}

const ACTIONS: Action[] = ["organ.create", "organ.edit", "organ.view", "organ.setDeadline", "organ.setIndexSerial", "organ.manageUsers", "organ.viewAudit", "organ.importHistory"];
const REPORT_ACTIONS: Action[] = ["report.view", "report.create", "report.edit", "report.assign"];

describe("can", () => {
  it("denies everything to nobody", () => {
    for (const action of ACTIONS) expect(can(null, action, town)).toBe(false);
  });

  it("denies an action that is not in the table", () => {
    expect(can(actor([], true), "report.delete" as Action, town)).toBe(false);
  });

  it("lets a platform administrator do every organ action", () => {
    for (const action of ACTIONS) expect(can(actor([], true), action, town)).toBe(true);
  });

  it("lets only an organ's own 管理员 add and correct its 外部导入 past years", () => {
    for (const role of ROLES) expect(can(actor([[TOWN, role]]), "organ.importHistory", town)).toBe(role === "ORGAN_ADMIN");
    expect(can(actor([[TOWN, "ORGAN_ADMIN"]]), "organ.importHistory", otherTown)).toBe(false);
    expect(can(actor([[CITY, "ORGAN_ADMIN"]]), "organ.importHistory", town)).toBe(false);
    expect(can(actor([[CITY, "SUPERVISOR"]]), "organ.importHistory", town)).toBe(false);
  });

  it("lets every role of an organ view it, and no role view another organ", () => {
    for (const role of ROLES) {
      expect(can(actor([[TOWN, role]]), "organ.view", town)).toBe(true);
      expect(can(actor([[TOWN, role]]), "organ.view", otherTown)).toBe(false);
    }
  });

  it("lets a supervisor of the city view and audit every organ below it, but not manage them", () => {
    const supervisor = actor([[CITY, "SUPERVISOR"]]);
    for (const scope of [city, town, otherTown]) {
      expect(can(supervisor, "organ.view", scope)).toBe(true);
      expect(can(supervisor, "organ.viewAudit", scope)).toBe(true);
      expect(can(supervisor, "organ.manageUsers", scope)).toBe(false);
    }
  });

  it("lets only supervisors follow the organs below them (dashboard, 催办, 汇总), not their admins or staff", () => {
    expect(can(actor([[CITY, "SUPERVISOR"]]), "organ.supervise", town)).toBe(true);
    expect(can(actor([[CITY, "SUPERVISOR"]]), "organ.supervise", city)).toBe(true);
    expect(can(actor([[TOWN, "SUPERVISOR"]]), "organ.supervise", city)).toBe(false);
    for (const role of ["ORGAN_ADMIN", "AUTHOR", "PUBLISHER"] as const) expect(can(actor([[CITY, role]]), "organ.supervise", town)).toBe(false);
    expect(can({ id: "p", displayName: "平台", isPlatformAdmin: true, memberships: [] }, "organ.supervise", town)).toBe(false);
    expect(
      subtreeRootsWhere(
        actor([
          [CITY, "SUPERVISOR"],
          [TOWN, "AUTHOR"],
        ]),
        "organ.supervise",
      ),
    ).toEqual([CITY]);
  });

  it("does not let a town's supervisor see upwards or sideways", () => {
    const townSupervisor = actor([[TOWN, "SUPERVISOR"]]);
    expect(can(townSupervisor, "organ.view", city)).toBe(false);
    expect(can(townSupervisor, "organ.view", otherTown)).toBe(false);
  });

  it("lets the supervising office above set an organ's deadline, and nobody beside or below", () => {
    expect(can(actor([[CITY, "SUPERVISOR"]]), "organ.setDeadline", town)).toBe(true);
    expect(can(actor([[TOWN, "SUPERVISOR"]]), "organ.setDeadline", city)).toBe(false);
    expect(can(actor([[CITY, "ORGAN_ADMIN"]]), "organ.setDeadline", town)).toBe(false);
    expect(can(actor([[TOWN, "AUTHOR"]]), "organ.setDeadline", town)).toBe(false);
  });

  it("lets only the organ's own admin manage its users and deadline", () => {
    const admin = actor([[TOWN, "ORGAN_ADMIN"]]);
    expect(can(admin, "organ.manageUsers", town)).toBe(true);
    expect(can(admin, "organ.setDeadline", town)).toBe(true);
    expect(can(admin, "organ.setIndexSerial", town)).toBe(true);
    expect(can(admin, "organ.setIndexSerial", otherTown)).toBe(false);
    for (const role of ROLES.filter((r) => r !== "ORGAN_ADMIN")) expect(can(actor([[TOWN, role]]), "organ.setIndexSerial", town)).toBe(false);
    expect(can(admin, "organ.manageUsers", otherTown)).toBe(false);
    // Administering the city does not reach into a town's accounts.
    expect(can(actor([[CITY, "ORGAN_ADMIN"]]), "organ.manageUsers", town)).toBe(false);
    for (const role of ROLES.filter((r) => r !== "ORGAN_ADMIN")) {
      expect(can(actor([[TOWN, role]]), "organ.manageUsers", town)).toBe(false);
    }
  });

  it("reserves creating and editing organs to platform administrators", () => {
    const admin = actor([
      [CITY, "ORGAN_ADMIN"],
      [CITY, "SUPERVISOR"],
    ]);
    expect(can(admin, "organ.create")).toBe(false);
    expect(can(admin, "organ.edit", city)).toBe(false);
  });

  it("denies organ actions without a scope unless the actor is a platform administrator", () => {
    expect(can(actor([[TOWN, "ORGAN_ADMIN"]]), "organ.manageUsers")).toBe(false);
  });

  it("lists the roles held in one organ", () => {
    expect(
      rolesIn(
        actor([
          [TOWN, "AUTHOR"],
          [TOWN, "PUBLISHER"],
          [CITY, "SUPERVISOR"],
        ]),
        TOWN,
      ),
    ).toEqual(["AUTHOR", "PUBLISHER"]);
  });
});

describe("can, for reports", () => {
  it("keeps drafts inside the organ: no role of another organ, and no platform administrator, reaches them", () => {
    for (const action of REPORT_ACTIONS) {
      expect(can(actor([], true), action, town)).toBe(false);
      for (const role of ROLES) expect(can(actor([[OTHER_TOWN, role]]), action, town)).toBe(false);
    }
  });

  it("lets every role of the organ and its supervisors read its reports", () => {
    for (const role of ROLES) expect(can(actor([[TOWN, role]]), "report.view", town)).toBe(true);
    expect(can(actor([[CITY, "SUPERVISOR"]]), "report.view", town)).toBe(true);
    expect(can(actor([[CITY, "SUPERVISOR"]]), "report.edit", town)).toBe(false);
  });

  it("lets only 撰稿人 write sections; 撰稿人 and 管理员 create reports and assign sections", () => {
    const allowed = (action: Action) => ROLES.filter((role) => can(actor([[TOWN, role]]), action, town));
    expect(allowed("report.edit")).toEqual(["AUTHOR"]);
    expect(allowed("report.create")).toEqual(["AUTHOR", "ORGAN_ADMIN"]);
    expect(allowed("report.assign")).toEqual(["AUTHOR", "ORGAN_ADMIN"]);
  });
});

describe("canManageAccount", () => {
  const admin = actor([[TOWN, "ORGAN_ADMIN"]]);

  it("allows an admin for an account that belongs only to their organ", () => {
    expect(canManageAccount(admin, { isPlatformAdmin: false, organScopes: [town] })).toBe(true);
  });

  it("refuses when the account also belongs to an organ the admin does not run", () => {
    expect(canManageAccount(admin, { isPlatformAdmin: false, organScopes: [town, otherTown] })).toBe(false);
  });

  it("refuses accounts of no organ and platform administrators' accounts", () => {
    expect(canManageAccount(admin, { isPlatformAdmin: false, organScopes: [] })).toBe(false);
    expect(canManageAccount(admin, { isPlatformAdmin: true, organScopes: [town] })).toBe(false);
  });

  it("allows a platform administrator, and refuses nobody", () => {
    expect(canManageAccount(actor([], true), { isPlatformAdmin: false, organScopes: [otherTown] })).toBe(true);
    expect(canManageAccount(null, { isPlatformAdmin: false, organScopes: [town] })).toBe(false);
  });
});
