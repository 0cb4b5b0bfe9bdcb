import "server-only";
import { db } from "@/lib/db/client";
import type { OrganScope } from "@/lib/auth/permissions";

/** The organ with its ancestors (root first), or null when there is no such organ. */
export async function findOrganScope(organId: string): Promise<OrganScope | null> {
  const rows = await db().$queryRaw<Array<{ id: string; depth: number }>>`
    WITH RECURSIVE chain AS (
      SELECT id, "parentId", 0 AS depth FROM "Organ" WHERE id = ${organId}
      UNION ALL
      SELECT o.id, o."parentId", c.depth + 1 FROM "Organ" o JOIN chain c ON o.id = c."parentId"
      WHERE c.depth < 32
    )
    SELECT id, depth FROM chain ORDER BY depth DESC`;
  if (rows.length === 0) return null;
  return { organId, ancestorIds: rows.slice(0, -1).map((r) => r.id) };
}

/** Every organ at or below the given ones (for a supervisor's view). */
export async function findDescendantIds(rootIds: string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await db().$queryRaw<Array<{ id: string }>>`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM "Organ" WHERE id = ANY(${rootIds}::text[])
      UNION ALL
      SELECT o.id, t.depth + 1 FROM "Organ" o JOIN tree t ON o."parentId" = t.id WHERE t.depth < 32
    )
    SELECT DISTINCT id FROM tree`;
  return rows.map((r) => r.id);
}
