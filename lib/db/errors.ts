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

/** Which unique field refused the write, when Prisma says. */
export function uniqueViolationTarget(error: unknown): string[] {
  const meta = (error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } } })?.meta;
  const fields = meta?.target ?? meta?.driverAdapterError?.cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map((f) => String(f).replaceAll('"', "")) : [];
}
