import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

/** A Prisma client on the pg driver. passwordHash leaves the database only where a query selects it. */
export function createPrismaClient(connectionString: string, poolSize = 10) {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type AppPrismaClient = ReturnType<typeof createPrismaClient>;
