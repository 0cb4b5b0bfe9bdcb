// Runs before every request: refuses cross-site writes and sets the security headers (a
// per-request CSP nonce). Sessions are checked on the server (lib/auth/sessions.ts), not here.
import { type NextRequest, NextResponse } from "next/server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isCrossSite(request: NextRequest) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin) {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true; // "null" or garbage: not our page
    }
  }
  return request.headers.get("sec-fetch-site") === "cross-site";
}

function contentSecurityPolicy(nonce: string) {
  const isDev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes; they cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) {
    return new NextResponse("跨站请求已被拒绝。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");

  return response;
}

// The public site (/gk) sets its own headers and has no sessions: it skips the proxy.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|gk(?:/|$)).*)"],
};
