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
 * The database refused text it cannot store (a NUL byte: PostgreSQL's 22021 in text, 22P05 in
 * JSON; Prisma's P2007 around them). Input schemas refuse such text first; this is the net below.
 */
export function isUnstorableText(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const codes = ["22021", "22P05"];
  return (
    codes.includes(String(e.code)) ||
    codes.includes(String(e.meta?.driverAdapterError?.cause?.originalCode)) ||
    (e.code === "P2007" && /22021|22P05|0x00|\\u0000/.test(String((error as { message?: unknown }).message))) ||
    (e.cause !== undefined && e.cause !== error && isUnstorableText(e.cause))
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
