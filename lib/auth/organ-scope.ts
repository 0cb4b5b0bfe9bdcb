import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { OrganScope } from "./permissions";

// The input of every permission question about an organ. Cached per request (React's cache):
// a page, its layout and the use cases it calls ask about the same organ several times.
/** The organ with its ancestors (root first), or null when there is no such organ. */
export const findOrganScope = cache(async (organId: string): Promise<OrganScope | null> => {
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
});
