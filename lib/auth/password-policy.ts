// Password rules, pure so the browser and the server check the same way.
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/fields";

export type PasswordPolicy = { minLength: number };

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10 };

/** Returns a Chinese message for the first broken rule, or null when the password is acceptable. */
export function checkPassword(password: string, username: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | null {
  if ([...password].length < policy.minLength) return `密码至少需要 ${policy.minLength} 个字符。`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`;
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return "密码不能与用户名相同。";
  return null;
}
