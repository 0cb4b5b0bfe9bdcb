// Shared invalidation: a publication's change is announced through PostgreSQL to every
// listening instance when its transaction commits (and never when it rolls back); a listener
// whose connection breaks or silently stops answering says so within seconds and comes back.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listenToDatabase, type DatabaseListener } from "@/lib/db/listen";
import { isPublicCacheListening, setPublicCacheListening } from "@/lib/publish/public-cache";
import { announcePublicChange, PUBLIC_CHANGES_CHANNEL, readPublicChange, type PublicChange } from "@/lib/publish/public-changes";

const quiet = () => undefined;

/** A listener as an instance runs one, recording what it hears and its state changes. */
function instance(url = process.env.DATABASE_URL!, heartbeatMs?: number) {
  const heard: PublicChange[] = [];
  const states: boolean[] = [];
  const listener = listenToDatabase({
    url,
    channels: { [PUBLIC_CHANGES_CHANNEL]: (payload) => heard.push(readPublicChange(payload)) },
    onState: (listening) => states.push(listening),
    log: quiet,
    heartbeatMs,
  });
  return { heard, states, listener };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
};

/** A TCP relay to the database that can be frozen: the connection stays open but nothing passes. */
async function freezableRelay(target: URL) {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => undefined);
    }
    client.on("data", (d) => void (frozen || upstream.write(d)));
    upstream.on("data", (d) => void (frozen || client.write(d)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    freeze: () => (frozen = true),
    thaw: () => (frozen = false),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("public changes announced through PostgreSQL", () => {
  const listeners: DatabaseListener[] = [];
  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.stop()));
    await db().$disconnect();
  });

  it("reach every listening instance when the transaction commits, and none when it rolls back", async () => {
    const [a, b] = [instance(), instance()];
    listeners.push(a.listener, b.listener);
    await until(() => a.states.at(-1) === true && b.states.at(-1) === true);

    await expect(
      db().$transaction(async (tx) => {
        await announcePublicChange(tx, { organCode: "ROLLEDBACK", year: 2025 });
        throw new Error("the publication failed");
      }),
    ).rejects.toThrow();
    await db().$transaction(async (tx) => {
      await announcePublicChange(tx, { organCode: "WITHDRAWN", year: 2024 });
      // Not before the commit: a page reloaded now must still find the old state.
      await new Promise((r) => setTimeout(r, 200));
      expect(a.heard).toEqual([]);
    });
    const took = await until(() => a.heard.length > 0 && b.heard.length > 0);
    expect(took).toBeLessThan(1_000);
    expect(a.heard).toEqual([{ organCode: "WITHDRAWN", year: 2024 }]);
    expect(b.heard).toEqual([{ organCode: "WITHDRAWN", year: 2024 }]);
    await Promise.all([a.listener.stop(), b.listener.stop()]);
  });

  it("an instance whose connection is cut stops trusting its cache at once and listens again by itself", async () => {
    const listener = listenToDatabase({ url: process.env.DATABASE_URL!, channels: { [PUBLIC_CHANGES_CHANNEL]: quiet }, onState: setPublicCacheListening, log: quiet });
    listeners.push(listener);
    await until(() => isPublicCacheListening());
    const superuser = new URL(process.env.NIANBAO_TEST_SUPERUSER_URL!);
    superuser.pathname = new URL(process.env.DATABASE_URL!).pathname;
    const { createPrismaClient } = await import("@/lib/db/create-client");
    const admin = createPrismaClient(superuser.toString(), 1);
    try {
      await admin.$queryRaw`SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE application_name = 'nianbao-listen'`;
    } finally {
      await admin.$disconnect();
    }
    await until(() => !isPublicCacheListening(), 1_000);
    // Back within a few seconds (the first retry comes after half a second).
    await until(() => isPublicCacheListening(), 5_000);
    await listener.stop();
    expect(isPublicCacheListening()).toBe(false);
  });

  it("a connection that silently stops answering is found by the heartbeat within seconds", async () => {
    const relay = await freezableRelay(new URL(process.env.DATABASE_URL!));
    const { states, listener } = instance(relay.url, 500);
    listeners.push(listener);
    try {
      await until(() => states.at(-1) === true);
      relay.freeze();
      const noticed = await until(() => states.at(-1) === false, 3_000);
      expect(noticed).toBeLessThan(1_500);
      relay.thaw();
      await until(() => states.at(-1) === true, 5_000);
    } finally {
      await listener.stop();
      await relay.close();
    }
  });
});
