// Starts the real app (npm start's path) on a throwaway embedded database for a benchmark.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/lib/db/embedded";

/** `core`: pin the app (and its database) to one CPU core with taskset, so a load generator can have the other. */
export async function startApp(options: { core?: number } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "nianbao-bench-"));
  await chmod(dataDir, 0o755);
  const [appPort, dbPort] = [await findFreePort(), await findFreePort()];
  const base = `http://localhost:${appPort}`;
  const command = [process.execPath, "--import", "tsx", "--import", "./scripts/node-hooks/register.mjs", "scripts/start.ts"];
  const pinned = options.core !== undefined && existsSync("/usr/bin/taskset");
  const app = spawn(pinned ? "/usr/bin/taskset" : command[0]!, pinned ? ["-c", String(options.core), ...command] : command.slice(1), {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: "",
      NIANBAO_DATA_DIR: dataDir,
      NIANBAO_EPHEMERAL_DB: "1",
      EMBEDDED_PG_PORT: String(dbPort),
      PORT: String(appPort),
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "bench-only-secret",
    },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      app.once("exit", () => resolve());
      app.kill("SIGTERM");
    });
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error("the app did not start");
    if (
      await fetch(`${base}/login`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // The benchmark's own writes (setting up organs and people) go straight to the same database.
  process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/nianbao`;
  return { base, stop, pid: app.pid };
}
