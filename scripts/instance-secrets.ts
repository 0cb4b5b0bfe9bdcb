// The two secrets every instance of one deployment must share: NEXTAUTH_SECRET signs and
// encrypts the session cookie, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY encrypts what Server Actions
// carry between page and server. An instance with its own would reject its siblings' cookies
// and forms, so with DATABASE_URL set (a real deployment) npm start refuses to guess them.

const HOW = [
  "请各生成一个，并在每个实例上设置同样的值，例如：",
  "  export NEXTAUTH_SECRET=$(openssl rand -base64 32)",
  "  export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=$(openssl rand -base64 32)",
  "（没有 openssl 时：node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"）",
].join("\n");

/** NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is an AES key: 16, 24 or 32 bytes in standard base64. */
export function isActionsKey(value: string) {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return [16, 24, 32].includes(Buffer.from(value, "base64").byteLength);
}

/** Why this environment may not start a production instance, in Chinese; null when it may. */
export function instanceSecretsProblem(env: Record<string, string | undefined>): string | null {
  const missing = ["NEXTAUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"].filter((name) => !env[name]);
  if (missing.length) {
    return `已设置 DATABASE_URL（按生产环境运行），但没有设置 ${missing.join(" 和 ")}。同一部署的所有实例必须使用相同的这两个密钥，否则彼此不认对方的登录和表单。\n${HOW}`;
  }
  if (env.NEXTAUTH_SECRET!.length < 32) return `NEXTAUTH_SECRET 太短（至少 32 个字符）。\n${HOW}`;
  if (!isActionsKey(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!)) {
    return `NEXT_SERVER_ACTIONS_ENCRYPTION_KEY 必须是 16、24 或 32 字节随机数的 base64 编码。\n${HOW}`;
  }
  return null;
}

export const NO_BUILD_MESSAGE =
  "没有找到构建结果（.next/BUILD_ID）。设置了 DATABASE_URL 时 npm start 只运行已有的构建、不会自行构建：请先运行一次 npm run build（所有实例共用同一份构建），再启动各实例。";
