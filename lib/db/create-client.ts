import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

/**
 * A Prisma client on the pg driver. passwordHash leaves the database only where a query selects
 * it. The tableValues columns are never read through the client: they hold NULL where a value is
 * not plain digits, which Prisma cannot return in a BigInt[], and only raw queries (as text) use them.
 */
export function createPrismaClient(connectionString: string, poolSize = 10) {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true }, section: { tableValues: true }, publication: { tableValues: true } } });
}

export type AppPrismaClient = ReturnType<typeof createPrismaClient>;
