// The embedded database's start-up in the situations a killed process leaves behind.
import { chmod, mkdtemp } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

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

  it("reuses a server still running on the same data folder (left by a killed process)", async () => {
    const messages: string[] = [];
    const again = await startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), port, persistent: true, log: (m) => messages.push(m) });
    expect(again.isNew).toBe(false);
    expect(messages.join("\n")).toMatch(/未正常关闭.*继续使用/);
    expect(await query(again.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });

  it("explains in plain words when that server cannot be reached on the configured port", async () => {
    const otherPort = await findFreePort();
    await expect(startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), port: otherPort, persistent: true })).rejects.toThrow(
      /正被进程 \d+ 使用，但在端口 \d+ 上连不上它/,
    );
  });

  it("explains in plain words when another program holds the port", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    try {
      const otherDir = await mkdtemp(path.join(os.tmpdir(), "nianbao-embedded-"));
      await chmod(otherDir, 0o755);
      await expect(startEmbeddedDatabase({ dataDir: path.join(otherDir, "pg"), port: busyPort, persistent: false })).rejects.toThrow(
        `端口 ${busyPort} 已被其他程序占用`,
      );
    } finally {
      blocker.close();
    }
  });
});
