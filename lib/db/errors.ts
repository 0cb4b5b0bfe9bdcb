// Recognises database errors that mean something to a user.

/** A unique constraint refused the write (Prisma's P2002, or PostgreSQL's 23505 through the adapter). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  return (
    e.code === "P2002" ||
    e.code === "23505" ||
    e.meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    (e.cause !== undefined && e.cause !== error && isUniqueViolation(e.cause))
  );
}

/**
 * The name of the unique index that refused the write, e.g. "Organ_code_key"
 * (through the pg adapter Prisma reports the index, not the fields).
 */
export function uniqueViolationIndex(error: unknown): string | null {
  const meta = (error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: unknown } } } } })?.meta;
  const index = meta?.driverAdapterError?.cause?.constraint?.index ?? meta?.target;
  return typeof index === "string" ? index : null;
}
