// Settings from the environment, read when first needed (never at import time,
// because `next build` imports modules without the runtime environment).
import { z } from "zod";

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  DATABASE_URL: z.string().min(1),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_FAILURE_WINDOW_MINUTES: minutes(15),
  LOGIN_LOCK_MINUTES: minutes(15),
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(100),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).default(10),
  SESSION_IDLE_MINUTES: minutes(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  AUDIT_REFUSALS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
});

/** Plain values: the modules that apply them (auth's lockout and password policy) import this, not the reverse. */
export type AppConfig = {
  databaseUrl: string;
  lockout: { maxFailures: number; windowMinutes: number; lockMinutes: number };
  /** Failed password checks from one client address, within the same window, that block that address. */
  addressMaxFailures: number;
  passwordPolicy: { minLength: number };
  /** A session ends after this many minutes without the person's activity (checked on the server). */
  sessionIdleMinutes: number;
  /** …and after this many hours in any case (the cookie's lifetime). */
  sessionMaxHours: number;
  /** Refusals of one kind of act by one person (or address) written in full per minute; the rest are counted. */
  auditRefusalsPerMinute: number;
};

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`配置无效：${names}（见 README 的“配置”一节）`);
  }
  const env = parsed.data;
  cached = {
    databaseUrl: env.DATABASE_URL,
    lockout: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      windowMinutes: env.LOGIN_FAILURE_WINDOW_MINUTES,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
    },
    addressMaxFailures: env.LOGIN_ADDRESS_MAX_FAILURES,
    passwordPolicy: { minLength: env.PASSWORD_MIN_LENGTH },
    auditRefusalsPerMinute: env.AUDIT_REFUSALS_PER_MINUTE,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionMaxHours: env.SESSION_MAX_HOURS,
  };
  return cached;
}
