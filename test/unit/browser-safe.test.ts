// The pure folders run in the browser (the editor checks as people type) as well as on the
// server: each module is bundled for the browser here, and a Node built-in, Next, Prisma,
// the database layer or a server-only module anywhere in its imports fails the bundle.
import { readdirSync } from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BROWSER_SAFE_FOLDERS = ["lib/domain", "lib/report-format", "lib/review", "lib/validation"];
const FORBIDDEN = /^(node:|next($|\/)|@prisma\/|server-only$|react-dom\/server|@\/lib\/db\/client$|@\/lib\/db\/generated)/;

const guard: Plugin = {
  name: "browser-safe",
  setup(b) {
    b.onResolve({ filter: /^@\// }, (args) => {
      if (FORBIDDEN.test(args.path)) return { errors: [{ text: `${args.importer} imports ${args.path}, which cannot run in the browser` }] };
      return { path: path.join(ROOT, `${args.path.slice(2)}.ts`) };
    });
    b.onResolve({ filter: FORBIDDEN }, (args) => ({ errors: [{ text: `${args.importer} imports ${args.path}, which cannot run in the browser` }] }));
  },
};

async function bundleForBrowser(entry: { file: string } | { contents: string }) {
  const result = await build({
    ...("file" in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: "ts" } }),
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    plugins: [guard],
  }).then(
    () => ({ ok: true as const }),
    (error: { errors?: Array<{ text: string }> }) => ({ ok: false as const, errors: (error.errors ?? []).map((e) => e.text) }),
  );
  return result;
}

const modules = BROWSER_SAFE_FOLDERS.flatMap((folder) =>
  readdirSync(path.join(ROOT, folder))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(folder, f)),
);

describe("the browser-safe folders", () => {
  it.each(modules)("%s bundles for the browser", async (file) => {
    expect(await bundleForBrowser({ file: path.join(ROOT, file) })).toEqual({ ok: true });
  });

  it("would catch a Node import, directly or through another module", async () => {
    const direct = await bundleForBrowser({ contents: 'import { createHash } from "node:crypto"; console.log(createHash);' });
    expect(direct.ok).toBe(false);
    const indirect = await bundleForBrowser({ contents: 'import { db } from "@/lib/db/client"; console.log(db);' });
    expect(indirect).toMatchObject({ ok: false, errors: [expect.stringContaining("@/lib/db/client")] });
  });
});
