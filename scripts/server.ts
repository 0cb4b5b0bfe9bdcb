// The app's HTTP server: the public site (/gk) is answered here directly from the
// pages stored at publish time; everything else goes to Next (its supported
// custom-server mode, in the same process). Usage: node --import tsx scripts/server.ts [--dev]
import http from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, parseTrustProxy, resolveClientAddress } from "@/lib/auth/client-address";
import { scheduleDailyCheckpoints } from "@/lib/audit/anchor";
import { createPrismaClient } from "@/lib/db/create-client";
import { listenToDatabase } from "@/lib/db/listen";
import { smtpSettings } from "@/lib/notify/mailer";
import { MAIL_CHANNEL, startMailSender } from "@/lib/notify/outbox";
import { invalidatePublicPages, setPublicCacheListening } from "@/lib/publish/public-cache";
import { PUBLIC_CHANGES_CHANNEL, readPublicChange } from "@/lib/publish/public-changes";
import { handlePublicRequest, isPublicPath } from "@/lib/publish/public-handler";
import { heardProgressChange, PROGRESS_CHANGES_CHANNEL, readProgressChange, setProgressListening } from "@/lib/supervision/progress-changes";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
const log = (line: string) => console.log(`[年报工作台] ${line}`);

const server = http.createServer((req, res) => {
  // The one place the client's address is decided; whatever a client sent under this name is replaced.
  const address = resolveClientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], trust: trustProxy });
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
  if (isPublicPath(req.url)) void handlePublicRequest(req, res);
  else void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`▲ 年报工作台 ready on http://localhost:${port}`));

// The audit chain's daily signed checkpoint (no cron: this process checks at start and hourly).
scheduleDailyCheckpoints(createPrismaClient(process.env.DATABASE_URL!, 1), log);

// Review e-mails queued by any instance (lib/notify/outbox.ts): every instance sends what is due.
const mail = smtpSettings() ? startMailSender(createPrismaClient(process.env.DATABASE_URL!, 1), log) : null;

// What every instance must hear at once: public pages to drop, organs whose progress changed
// (the page cache and the dashboard's and 汇总's kept readings are trusted only while this
// connection listens) and mail to send.
const listener = listenToDatabase({
  url: process.env.DATABASE_URL!,
  channels: {
    [PUBLIC_CHANGES_CHANNEL]: (payload) => invalidatePublicPages(readPublicChange(payload)),
    [PROGRESS_CHANGES_CHANNEL]: (payload) => heardProgressChange(readProgressChange(payload)),
    [MAIL_CHANNEL]: () => mail?.wake(),
  },
  onState: (listening) => {
    setPublicCacheListening(listening);
    setProgressListening(listening);
  },
  log,
});

// Stop promptly: idle keep-alive connections would otherwise hold the server open for a minute.
const stop = () => {
  server.close(() => void Promise.all([app.close(), listener.stop(), mail?.stop()]).finally(() => process.exit(0)));
  server.closeIdleConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
