import "server-only";
import { platformIndexNumber } from "@/lib/domain/publication-metadata";
import { lockedNames } from "@/lib/auth/login-throttle";
import { db } from "@/lib/db/client";

const organSummary = { id: true, name: true, shortName: true, kind: true, code: true, parentId: true } as const;

export function listAllOrgans() {
  return db().organ.findMany({ select: organSummary, orderBy: { code: "asc" } });
}

export function getOrganDetail(organId: string) {
  return db().organ.findUnique({
    where: { id: organId },
    select: {
      ...organSummary,
      deadlineMonth: true,
      deadlineDay: true,
      parent: { select: { id: true, name: true } },
      children: { select: organSummary, orderBy: { code: "asc" } },
    },
  });
}

/** The organ's people, with the roles they hold in it. */
export async function listOrganMembers(organId: string) {
  const users = await db().user.findMany({
    where: { memberships: { some: { organId } } },
    select: {
      id: true,
      username: true,
      displayName: true,
      disabledAt: true,
      mustChangePassword: true,
      memberships: { where: { organId }, select: { role: true } },
    },
    orderBy: { username: "asc" },
  });
  const locked = await lockedNames(
    db(),
    users.map((u) => u.username),
  );
  return users.map(({ memberships, ...user }) => ({ ...user, isLocked: locked.has(user.username), roles: memberships.map((m) => m.role) }));
}

/** The next 索引号 the platform would allocate to the organ in a year (for the 管理员's page). */
export async function findNextIndexNumber(organId: string, organCode: string, year: number): Promise<string> {
  const row = await db().indexSerial.findUnique({ where: { organId_year: { organId, year } }, select: { lastSerial: true } });
  return platformIndexNumber(organCode, year, (row?.lastSerial ?? 0) + 1);
}
