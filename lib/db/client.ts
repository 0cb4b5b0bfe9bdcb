import "server-only";
import { createPrismaClient, type AppPrismaClient } from "./create-client";
import { getConfig } from "@/lib/config";

// Created on first use: `next build` imports this module without DATABASE_URL.
// Kept on globalThis so that dev-mode reloads do not open a new pool each time.
const globalForPrisma = globalThis as unknown as { nianbaoPrisma?: AppPrismaClient };

export function db(): AppPrismaClient {
  return (globalForPrisma.nianbaoPrisma ??= createPrismaClient(getConfig().databaseUrl));
}

export type Tx = Parameters<Parameters<AppPrismaClient["$transaction"]>[0]>[0];
