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
 * manage the cookie themselves (sign-out must not be undone); an open editor's
 * presence ping and Next's link prefetches are not activity — and a prefetch still
 * in flight when someone signs out would otherwise set the cookie again after
 * sign-out cleared it, bringing the session back.
 */
export function slidesSession(pathname: string, headers: { get(name: string): string | null }): boolean {
  const isPrefetch =
    headers.get("next-router-prefetch") !== null || /prefetch/i.test(headers.get("purpose") ?? "") || /prefetch/i.test(headers.get("sec-purpose") ?? "");
  // A server action may set the session cookie itself (a password change re-issues it under the
  // new session version); a slid copy of the request's old token in the same response could win.
  const isServerAction = headers.get("next-action") !== null;
  return !isPrefetch && !isServerAction && !pathname.startsWith("/api/auth/") && !pathname.endsWith("/presence");
}
