// The app instances the browser tests run: A, which Playwright starts (npm start on a throwaway
// embedded database), and B, a second npm start on A's database (e2e/two-instances.spec.ts).
// Both share the secrets every instance of one deployment must share.
import os from "node:os";
import path from "node:path";

export const PORT_A = Number(process.env.E2E_PORT ?? 3100);
export const PORT_B = PORT_A + 1;
export const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
export const DATA_DIR = path.join(os.tmpdir(), "nianbao-e2e");
export const SHARED_SECRETS = {
  NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use",
  // 32 bytes in base64, as `openssl rand -base64 32` makes one.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.from("e2e-only-actions-key-32-bytes-!!").toString("base64"),
};
