// With DATABASE_URL set, npm start is a deployment's instance: it refuses to run without the
// secrets every instance must share, and says how to make them.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { instanceSecretsProblem, isActionsKey } from "../../scripts/instance-secrets";

const key = (bytes: number) => randomBytes(bytes).toString("base64");
const goodSecret = randomBytes(32).toString("base64");

describe("the secrets every instance shares", () => {
  it("takes a base64 AES key of 16, 24 or 32 bytes for Server Actions, and nothing else", () => {
    for (const bytes of [16, 24, 32]) expect(isActionsKey(key(bytes)), String(bytes)).toBe(true);
    expect(isActionsKey(key(20))).toBe(false);
    expect(isActionsKey(randomBytes(32).toString("base64url").replace(/=/g, "") + "-_")).toBe(false);
    expect(isActionsKey("not a key")).toBe(false);
  });

  it("names what is missing or wrong, in Chinese, with the commands that make them", () => {
    const missing = instanceSecretsProblem({});
    expect(missing).toContain("NEXTAUTH_SECRET 和 NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
    expect(missing).toContain("openssl rand -base64 32");
    expect(instanceSecretsProblem({ NEXTAUTH_SECRET: goodSecret })).toContain("没有设置 NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
    expect(instanceSecretsProblem({ NEXTAUTH_SECRET: "short", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key(32) })).toContain("NEXTAUTH_SECRET 太短");
    expect(instanceSecretsProblem({ NEXTAUTH_SECRET: goodSecret, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "abc" })).toContain("base64 编码");
    expect(instanceSecretsProblem({ NEXTAUTH_SECRET: goodSecret, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key(32) })).toBeNull();
  });

  it("npm start with DATABASE_URL and no secrets stops before touching the database", () => {
    // Port 1 has no database: had it tried to connect or build, it would fail differently and later.
    const env = { ...process.env, DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:1/none", NEXTAUTH_SECRET: "", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "" };
    const result = spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/node-hooks/register.mjs", "scripts/start.ts"], {
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("没有设置 NEXTAUTH_SECRET 和 NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
    expect(result.stdout).not.toContain("构建");
  });
});
