// Debian's Chromium, as the browser tests and the in-browser benchmarks launch it (Playwright's own
// browser download cannot work on our machines). The background-networking flags stop it from
// calling out to a closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
