// Login failure messages by the code next-auth hands back to the login page. Browser-safe.
export const LOGIN_MESSAGES: Record<string, string> = {
  INVALID_INPUT: "请输入有效的用户名和密码。",
  INVALID_CREDENTIALS: "用户名或密码不正确。",
  LOCKED: "登录失败次数过多，账号已被暂时锁定，请稍后再试或联系管理员。",
  DISABLED: "该账号已停用，请联系本机关管理员。",
  SessionRequired: "请先登录。",
};

export const LOGIN_FALLBACK_MESSAGE = "登录未成功，请稍后重试。";

export function loginMessageFor(code: string | null | undefined): string | null {
  if (!code) return null;
  return LOGIN_MESSAGES[code] ?? LOGIN_FALLBACK_MESSAGE;
}

/**
 * Only paths on this site: a login link must not send anyone elsewhere. The value is resolved as a
 * browser would (which drops tabs and newlines, so "/\t/evil" would become "//evil") and kept only
 * when it stays on this origin; control characters and backslashes are refused outright.
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  const fallback = "/workspace";
  if (!raw || !raw.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  const base = "http://this-site.invalid";
  let resolved: URL;
  try {
    resolved = new URL(raw, base);
  } catch {
    return fallback;
  }
  // A path that became "//host" would leave the site when used as a location.
  if (resolved.origin !== base || resolved.pathname.startsWith("//")) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
