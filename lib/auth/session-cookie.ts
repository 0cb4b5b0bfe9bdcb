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

/**
 * Whether a request counts as the person being active. next-auth's own endpoints
 * manage the cookie themselves (sign-out must not be undone), and an open editor's
 * background presence ping is not activity: it must not keep an idle session alive.
 */
export function slidesSession(pathname: string): boolean {
  return !pathname.startsWith("/api/auth/") && !pathname.endsWith("/presence");
}
