// One connection per process that LISTENs to PostgreSQL notifications (NOTIFY), for what
// every instance must hear at once: public pages to drop, mail to send. Whoever depends on
// hearing everything is told as soon as the connection is in doubt, and again when it is back
// (and may have missed notifications meanwhile). A connection that breaks says so at once; one
// that silently stops answering is found by a heartbeat query. Plain Node (scripts/server.ts).
import pg from "pg";

export type DatabaseListener = { stop(): Promise<void> };

export function listenToDatabase(options: {
  url: string;
  channels: Record<string, (payload: string) => void>;
  /** true once every channel is listened to; false as soon as notifications may be missed. */
  onState: (listening: boolean) => void;
  log: (line: string) => void;
  /** How often the connection is checked; a check that takes as long counts as a lost connection. */
  heartbeatMs?: number;
}): DatabaseListener {
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;

  const connect = async () => {
    retry = null;
    if (stopped) return;
    const client = new pg.Client({
      connectionString: options.url,
      keepAlive: true,
      connectionTimeoutMillis: heartbeatMs * 2,
      query_timeout: heartbeatMs,
      application_name: "nianbao-listen",
    });
    let lost = false;
    let heartbeat: ReturnType<typeof setInterval> | null = null;
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      if (heartbeat) clearInterval(heartbeat);
      options.onState(false);
      client.removeAllListeners("notification");
      client.end().catch(() => undefined);
      if (current === client) current = null;
      if (stopped) return;
      if (failures++ === 0) options.log(`数据库通知连接中断（${reason}），公开页面、进度表和汇总暂不使用缓存，正在重连……`);
      retry = setTimeout(() => void connect(), Math.min(5_000, 250 * 2 ** Math.min(failures, 5)));
    };
    client.on("error", (error) => onLost(error.message));
    client.on("end", () => onLost("连接已关闭"));
    client.on("notification", (message) => {
      try {
        options.channels[message.channel]?.(message.payload ?? "");
      } catch (error) {
        console.error("[listen]", error);
      }
    });
    try {
      await client.connect();
      for (const channel of Object.keys(options.channels)) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      onLost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (lost || stopped) return void client.end().catch(() => undefined);
    current = client;
    if (failures > 0) options.log("数据库通知连接已恢复。");
    failures = 0;
    options.onState(true);
    heartbeat = setInterval(() => client.query("SELECT 1").catch((error: Error) => onLost(`心跳检查失败：${error.message}`)), heartbeatMs);
    heartbeat.unref();
  };
  void connect();

  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const client = current;
      current = null;
      options.onState(false);
      await client?.end().catch(() => undefined);
    },
  };
}
