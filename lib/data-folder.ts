// The data folder (NIANBAO_DATA_DIR, default ./.data): the embedded database and the secrets
// generated on first use. Read by the scripts and by the server process alike, so no
// "server-only" import here.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export function dataDir(): string {
  return path.resolve(process.env.NIANBAO_DATA_DIR ?? path.join(process.cwd(), ".data"));
}

/**
 * The secret kept in the data folder's file `name`; when `create`, generated on first use (readable by
 * this OS user only): 32 random bytes, written in base64url, or in base64 where a reader wants that.
 */
export async function dataFolderSecret(name: string, options: { create: true; encoding?: "base64" | "base64url" }): Promise<string>;
export async function dataFolderSecret(name: string, options: { create: false }): Promise<string | null>;
export async function dataFolderSecret(name: string, options: { create: boolean; encoding?: "base64" | "base64url" }): Promise<string | null> {
  const file = path.join(dataDir(), name);
  const existing = await readFile(file, "utf8").then(
    (s) => s.trim(),
    () => null,
  );
  if (existing || !options.create) return existing || null;
  await mkdir(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString(options.encoding ?? "base64url");
  try {
    // "wx": two processes starting at once must not each keep a different secret.
    await writeFile(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // The other process may not have written its secret yet.
    for (let i = 0; i < 50; i++) {
      const theirs = (await readFile(file, "utf8")).trim();
      if (theirs) return theirs;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${file} 为空：请删除它后重新启动。`);
  }
}
