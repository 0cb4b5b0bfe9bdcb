import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { AppPrismaClient } from "@/lib/db/create-client";

/** Every organ at or below the given ones (for a supervisor's view). */
export async function findDescendantIds(rootIds: string[], tx: Tx | AppPrismaClient = db()): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM "Organ" WHERE id = ANY(${rootIds}::text[])
      UNION ALL
      SELECT o.id, t.depth + 1 FROM "Organ" o JOIN tree t ON o."parentId" = t.id WHERE t.depth < 32
    )
    SELECT DISTINCT id FROM tree`;
  return rows.map((r) => r.id);
}
