import type { z } from "zod";

/**
 * Reads a Json column through its schema: stored JSON is parsed, never cast. A value that
 * does not fit was not written by this application (or the schema drifted): that is a
 * bug to see in the log, not data to show, so it throws.
 */
export function readJsonColumn<S extends z.ZodType>(schema: S, value: unknown, column: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw new Error(`${column} holds JSON that does not match its schema (${where})`);
  }
  return parsed.data;
}
