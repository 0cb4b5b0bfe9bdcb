// The one place that answers "may this person do this to this organ?".
// Pure: callers load the actor and the organ's ancestry, then ask. Deny by default:
// an action missing from the table, or a rule that does not match, is refused.
import { ROLES, type Role } from "@/lib/domain/roles";

export type Actor = {
  id: string;
  displayName: string;
  isPlatformAdmin: boolean;
  memberships: ReadonlyArray<{ organId: string; role: Role }>;
};

/** An organ with its ancestors (root first, parent last). */
export type OrganScope = { organId: string; ancestorIds: ReadonlyArray<string> };

export type Action =
  | "organ.create" // platform level: create an organ anywhere in the tree
  | "organ.edit" // name, short name, kind, code, parent
  | "organ.view" // see the organ's workspace pages
  | "organ.setDeadline"
  | "organ.setIndexSerial" // where the platform's 索引号 serials start for a year (joining mid-year)
  | "organ.manageUsers" // create users, assign and remove roles, disable, reset passwords
  | "organ.viewAudit"
  | "organ.manageReview" // review stages and the scan's word lists
  | "organ.importHistory" // add past years' reports published elsewhere (外部导入), and correct them
  | "organ.supervise" // follow the organs below: progress dashboard, 催办, 汇总
  | "report.view" // read the organ's reports, drafts included
  | "report.create"
  | "report.edit" // write sections of a draft
  | "report.assign" // name the 撰稿人 of a section
  | "report.publish"; // publish an approved report, start a correction, withdraw

type Rule = {
  platformAdmin: boolean;
  /** Roles held in the organ itself. */
  ownRoles: ReadonlyArray<Role>;
  /** Roles held in the organ or any ancestor (supervision flows down the tree). */
  inheritedRoles: ReadonlyArray<Role>;
};

const ANY_ROLE: ReadonlyArray<Role> = ROLES;

const RULES: Record<Action, Rule> = {
  "organ.create": { platformAdmin: true, ownRoles: [], inheritedRoles: [] },
  "organ.edit": { platformAdmin: true, ownRoles: [], inheritedRoles: [] },
  "organ.view": { platformAdmin: true, ownRoles: ANY_ROLE, inheritedRoles: ["SUPERVISOR"] },
  // The organ's own admin, or the supervising office above it (which gives townships their date: report-format.md).
  "organ.setDeadline": { platformAdmin: true, ownRoles: ["ORGAN_ADMIN"], inheritedRoles: ["SUPERVISOR"] },
  "organ.setIndexSerial": { platformAdmin: true, ownRoles: ["ORGAN_ADMIN"], inheritedRoles: [] },
  "organ.manageUsers": { platformAdmin: true, ownRoles: ["ORGAN_ADMIN"], inheritedRoles: [] },
  "organ.viewAudit": { platformAdmin: true, ownRoles: ["ORGAN_ADMIN"], inheritedRoles: ["SUPERVISOR"] },
  "organ.manageReview": { platformAdmin: true, ownRoles: ["ORGAN_ADMIN"], inheritedRoles: [] },
  // The supervising disclosure office (上级主管) follows every organ below the one it sits in.
  "organ.importHistory": { platformAdmin: true, ownRoles: ["ORGAN_ADMIN"], inheritedRoles: [] },
  "organ.supervise": { platformAdmin: false, ownRoles: ["SUPERVISOR"], inheritedRoles: ["SUPERVISOR"] },
  // Drafts are the organ's own business: platform administrators run the platform, not reports.
  "report.view": { platformAdmin: false, ownRoles: ANY_ROLE, inheritedRoles: ["SUPERVISOR"] },
  "report.create": { platformAdmin: false, ownRoles: ["AUTHOR", "ORGAN_ADMIN"], inheritedRoles: [] },
  "report.edit": { platformAdmin: false, ownRoles: ["AUTHOR"], inheritedRoles: [] },
  "report.assign": { platformAdmin: false, ownRoles: ["AUTHOR", "ORGAN_ADMIN"], inheritedRoles: [] },
  "report.publish": { platformAdmin: false, ownRoles: ["PUBLISHER"], inheritedRoles: [] },
};

export function can(actor: Actor | null, action: Action, scope?: OrganScope): boolean {
  if (!actor) return false;
  const rule = RULES[action];
  if (!rule) return false;
  if (rule.platformAdmin && actor.isPlatformAdmin) return true;
  if (!scope) return false;
  const chain = new Set([...scope.ancestorIds, scope.organId]);
  return actor.memberships.some((m) => (m.organId === scope.organId && rule.ownRoles.includes(m.role)) || (chain.has(m.organId) && rule.inheritedRoles.includes(m.role)));
}

/** Organs where the actor may do `action` through a role held in that organ itself (e.g. where they write reports). */
export function organIdsWhere(actor: Actor, action: Action): string[] {
  const rule = RULES[action];
  return [...new Set(actor.memberships.filter((m) => rule.ownRoles.includes(m.role)).map((m) => m.organId))];
}

/** Organs whose whole subtree the actor reaches for `action` through a role held there (supervision flows down the tree). */
export function subtreeRootsWhere(actor: Actor, action: Action): string[] {
  const rule = RULES[action];
  return [...new Set(actor.memberships.filter((m) => rule.inheritedRoles.includes(m.role)).map((m) => m.organId))];
}

/** Roles an actor holds in one organ (not inherited). */
export function rolesIn(actor: Actor, organId: string): Role[] {
  return actor.memberships.filter((m) => m.organId === organId).map((m) => m.role);
}

/**
 * Whether the actor may manage an account (disable, enable, reset its password).
 * An organ admin may only when every organ the account belongs to is one they
 * administer, so that one organ cannot lock people out of another.
 */
export function canManageAccount(actor: Actor | null, target: { isPlatformAdmin: boolean; organScopes: ReadonlyArray<OrganScope> }): boolean {
  if (!actor) return false;
  if (actor.isPlatformAdmin) return true;
  if (target.isPlatformAdmin || target.organScopes.length === 0) return false;
  return target.organScopes.every((scope) => can(actor, "organ.manageUsers", scope));
}
