// The embedded database's start-up in the situations a killed process leaves behind.
import { spawn } from "node:child_process";
import { chmod, mkdtemp } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, isPortOpen, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedDatabase", () => {
  let dir: string;
  let port: number;
  let first: EmbeddedDatabase;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-embedded-"));
    await chmod(dir, 0o755);
    port = await findFreePort();
    first = await startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), port, persistent: false });
  });
  afterAll(async () => first?.stop());

  it("creates a new cluster with a UTF-8 database", async () => {
    expect(first.isNew).toBe(true);
    expect(await query(first.url, "SHOW server_encoding")).toEqual([{ server_encoding: "UTF8" }]);
  });

  it("shares a server that a running app started (a script beside npm start, e.g. audit:verify) and leaves it running", async () => {
    const messages: string[] = [];
    const again = await startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), port, persistent: true, log: (m) => messages.push(m) });
    expect(again.isNew).toBe(false);
    expect(messages.join("\n")).toMatch(/正由运行中的应用使用.*结束时不停止它/);
    await again.stop();
    expect(await query(first.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });

  it("reuses, and then stops, a server left running by a killed process", async () => {
    const orphanDir = await mkdtemp(path.join(os.tmpdir(), "nianbao-embedded-"));
    await chmod(orphanDir, 0o755);
    const orphanPort = await findFreePort();
    const script = `const { startEmbeddedDatabase } = await import(${JSON.stringify(path.join(process.cwd(), "lib/db/embedded.ts"))});
      await startEmbeddedDatabase({ dataDir: ${JSON.stringify(path.join(orphanDir, "pg"))}, port: ${orphanPort}, persistent: true });
      console.log("ready"); setInterval(() => undefined, 1000);`;
    const starter = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => starter.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()));
    starter.kill("SIGKILL"); // the server stays, adopted by init
    await new Promise((r) => starter.once("exit", r));
    const messages: string[] = [];
    const again = await startEmbeddedDatabase({ dataDir: path.join(orphanDir, "pg"), port: orphanPort, persistent: true, log: (m) => messages.push(m) });
    expect(messages.join("\n")).toMatch(/未正常关闭.*继续使用/);
    expect(await query(again.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    await again.stop();
    expect(await isPortOpen(orphanPort)).toBe(false);
  });

  it("explains in plain words when that server cannot be reached on the configured port", async () => {
    const otherPort = await findFreePort();
    await expect(startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), port: otherPort, persistent: true })).rejects.toThrow(/正被进程 \d+ 使用，但在端口 \d+ 上连不上它/);
  });

  it("explains in plain words when another program holds the port", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    try {
      const otherDir = await mkdtemp(path.join(os.tmpdir(), "nianbao-embedded-"));
      await chmod(otherDir, 0o755);
      await expect(startEmbeddedDatabase({ dataDir: path.join(otherDir, "pg"), port: busyPort, persistent: false })).rejects.toThrow(`端口 ${busyPort} 已被其他程序占用`);
    } finally {
      blocker.close();
    }
  });
});
