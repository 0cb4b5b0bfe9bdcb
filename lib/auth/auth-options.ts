import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { db } from "@/lib/db/client";
import { authenticate } from "./authenticate";
import { clientAddressFrom } from "./client-address";
import { getConfig } from "@/lib/config";
import { usesSecureCookies } from "./session-cookie";
import { endSessions, startSession } from "./sessions";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The server-side session (lib/auth/sessions.ts) this token stands for. */
    sid?: string;
  }
}

let options: NextAuthOptions | undefined;

/** Built on first use, because `next build` loads this module without the runtime environment. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: process.env.NEXTAUTH_SECRET,
    useSecureCookies: usesSecureCookies(),
    // The cookie's lifetime is only the upper bound: the idle timeout and every ending are decided on the server.
    session: { strategy: "jwt", maxAge: getConfig().sessionMaxHours * 3600 },
    jwt: { maxAge: getConfig().sessionMaxHours * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "账号密码",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await authenticate({
            username: credentials?.username,
            password: credentials?.password,
            clientAddress: clientAddressFrom(req?.headers ?? {}),
          });
          // The reason travels to the login page as its error code.
          if (!result.ok) throw new Error(result.reason);
          const userAgent = [req?.headers?.["user-agent"] ?? []].flat()[0] ?? null;
          const sessionId = await startSession({ userId: result.user.id, clientAddress: clientAddressFrom(req?.headers ?? {}), userAgent });
          return { id: result.user.id, name: result.user.displayName, sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sid = (user as { sessionId?: string }).sessionId;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { name: token.name ?? null }, uid: token.uid, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.uid) return;
        await db().$transaction(async (tx) => {
          // Signing out ends the session on the server: a copy of the cookie opens nothing afterwards.
          if (token.sid) await endSessions(tx, { userId: token.uid!, only: token.sid, reason: "signout" });
          await appendAuditEntry(tx, {
            action: "auth.logout",
            actor: { id: token.uid!, displayName: token.name ?? "" },
            targetType: "user",
            targetId: token.uid,
            clientAddress: null,
          });
        });
      },
    },
    logger: {
      // next-auth logs a stack for every refused login; a refused login is not an error.
      error(code, metadata) {
        if (code === "CREDENTIALS_SIGNIN_ERROR" || code === "CLIENT_FETCH_ERROR") return;
        console.error("[auth]", code, metadata instanceof Error ? metadata.message : "");
      },
      warn() {},
      debug() {},
    },
  };
  return options;
}
