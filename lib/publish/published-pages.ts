// Publishing renders the report's pages inside its transaction, from a server action
// that Next bundles; but Next refuses react-dom/server in any bundle it builds for the
// server ("You're importing a component that imports react-dom/server"). So the
// renderer is loaded here at run time by Node itself, outside the bundle: the import
// below is left alone by Turbopack and webpack. It works because the app always runs
// through scripts/server.ts under `node --import tsx` (tsx loads the .tsx file) and
// without the `react-server` condition, so react-dom/server is the real renderer; the
// same holds for scripts, benchmarks and vitest.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Renderer from "./render-pages";
import type { PublishedSnapshot } from "./snapshot";

let renderer: Promise<typeof Renderer> | null = null;

export async function renderPublishedPages(snapshot: PublishedSnapshot) {
  renderer ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ pathToFileURL(path.join(process.cwd(), "lib", "publish", "render-pages.tsx")).href).catch(
    (error: unknown) => {
      renderer = null; // tried again by the next publication
      throw error;
    },
  ) as Promise<typeof Renderer>;
  return (await renderer).renderPublishedPages(snapshot);
}
