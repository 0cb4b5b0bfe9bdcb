// `node --import ./scripts/node-hooks/register.mjs …`: lets scripts, benchmarks and the
// Playwright server load modules that `import "server-only"` in plain Node.
//
// "server-only" throws unless it is resolved with the `react-server` condition. Running
// under that condition instead (as these scripts once did) makes `react` the React Server
// Components build and makes react-dom/server throw, so the public pages could not be
// rendered in those processes (publishing renders them). This hook resolves exactly that
// one package to its empty module and leaves every other resolution alone.
import { register } from "node:module";

register("./resolve.mjs", import.meta.url);
