import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { sessionCookieName, sessionIdleSeconds, usesSecureCookies } from "./session-cookie";

/** After the user's own password change: keep this session, under the new session version. */
export async function reissueSession(user: { id: string; displayName: string; sessionVersion: number }) {
  const maxAge = sessionIdleSeconds();
  const token = await encode({
    token: { name: user.displayName, uid: user.id, sv: user.sessionVersion, sub: user.id },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true, sameSite: "lax", path: "/", secure: usesSecureCookies(), maxAge,
  });
}
