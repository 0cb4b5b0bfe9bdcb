// Whether session cookies are Secure: when the app's public address is https.
export function usesSecureCookies() {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}
