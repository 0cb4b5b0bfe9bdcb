import nodemailer from "nodemailer";

// No "server-only" import: the mail sender runs in the front server (scripts/server.ts) too.

/** The SMTP settings, or null: email is off unless SMTP_HOST is set. */
export function smtpSettings() {
  const host = process.env.SMTP_HOST;
  if (!host) return null;
  return {
    host,
    port: Number(process.env.SMTP_PORT ?? 587),
    secure: process.env.SMTP_SECURE === "1",
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? "" } : undefined,
    from: process.env.SMTP_FROM ?? `年报工作台 <no-reply@${host}>`,
  };
}

/** Hands one message to the SMTP server; throws when it is not accepted (the outbox then retries). */
export async function deliverMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const settings = smtpSettings();
  if (!settings) throw new Error("SMTP_HOST is not set");
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.auth,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  try {
    await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
  } finally {
    transport.close();
  }
}
