// A real SMTP server on loopback that keeps what it receives, for the mail tests.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; body: string };

/**
 * Starts the server and points SMTP_HOST/SMTP_PORT at it. `refuse(to)` may reject a recipient
 * (a temporary failure, as a busy server gives); `delayMs` holds each message before accepting it.
 */
export async function startSmtpSink(options: { refuse?: (to: string) => boolean; delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = new Error("mailbox busy, try later") as Error & { responseCode: number };
        error.responseCode = 450;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () =>
        setTimeout(() => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        }, options.delayMs ?? 0),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String((server.server.address() as AddressInfo).port);
  process.env.SMTP_FROM = "年报工作台 <no-reply@example.test>";
  return {
    received,
    async stop() {
      delete process.env.SMTP_HOST;
      delete process.env.SMTP_PORT;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
