import { defineConfig, devices } from "@playwright/test";
import { DATA_DIR, PG_PORT, PORT_A, SHARED_SECRETS } from "./e2e/instances";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/chromium";

const BASE_URL = `http://localhost:${PORT_A}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "off",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"] } }],
  // The real `npm start` path, on a throwaway embedded database seeded with the demo city.
  webServer: {
    command: "node --import tsx --import ./scripts/node-hooks/register.mjs scripts/start.ts",
    url: `${BASE_URL}/login`,
    reuseExistingServer: false,
    timeout: 240_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: "",
      NIANBAO_DATA_DIR: DATA_DIR,
      NIANBAO_EPHEMERAL_DB: "1",
      EMBEDDED_PG_PORT: String(PG_PORT),
      PORT: String(PORT_A),
      NEXTAUTH_URL: BASE_URL,
      ...SHARED_SECRETS,
    },
  },
});
