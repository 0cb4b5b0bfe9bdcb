import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { db } from "@/lib/db/client";
import { authenticate } from "./authenticate";
import { clientAddressFrom } from "./client-address";
import { sessionIdleSeconds, usesSecureCookies } from "./session-cookie";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

let options: NextAuthOptions | undefined;

/** Built on first use, because `next build` loads this module without the runtime environment. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: process.env.NEXTAUTH_SECRET,
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "jwt", maxAge: sessionIdleSeconds() },
    jwt: { maxAge: sessionIdleSeconds() },
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
          return { id: result.user.id, name: result.user.displayName, sessionVersion: result.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { name: token.name ?? null }, uid: token.uid, sv: token.sv };
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.uid) return;
        await db().$transaction((tx) =>
          appendAuditEntry(tx, {
            action: "auth.logout",
            actor: { id: token.uid!, displayName: token.name ?? "" },
            targetType: "user",
            targetId: token.uid,
            clientAddress: null,
          }),
        );
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
