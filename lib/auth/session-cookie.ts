// The session cookie's name and lifetime, shared by next-auth and the proxy that
// slides its expiry forward on every request (so 30 idle minutes end a session).
export function usesSecureCookies() {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName() {
  return usesSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** SESSION_IDLE_MINUTES (default 30); read here because the proxy needs it too. */
export function sessionIdleSeconds() {
  const minutes = Number(process.env.SESSION_IDLE_MINUTES ?? 30);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 30) * 60;
}
