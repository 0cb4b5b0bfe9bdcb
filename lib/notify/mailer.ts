import "server-only";
import nodemailer from "nodemailer";

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

/** Sends one message; a failure is logged and never undoes the action it reports. */
export async function sendMail(message: { to: string[]; subject: string; text: string }): Promise<boolean> {
  const settings = smtpSettings();
  if (!settings || message.to.length === 0) return false;
  try {
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.auth,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
    await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
    return true;
  } catch (error) {
    console.error("[mail] not sent:", error instanceof Error ? error.message : error);
    return false;
  }
}
