// Next.js's ESLint configs (core-web-vitals + typescript), loaded from this workspace package so that
// typescript-eslint finds the classic TypeScript 6 API installed here: the project's own `typescript`
// is 7.x (the native port), which has no JS compiler API, and typescript-eslint refuses to load with it.
import { createRequire } from "node:module";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// eslint-plugin-import re-parses every imported file with the parser named in `import/parsers`, which it
// requires by bare name from ESLint's own location, where @typescript-eslint/parser is not installed.
// Every such parse would fail silently and import/no-cycle would never report: use an absolute path.
const fromHere = createRequire(import.meta.url);
const fromNext = createRequire(fromHere.resolve("eslint-config-next"));
const fromTypescriptEslint = createRequire(fromNext.resolve("typescript-eslint"));
const typescriptParserPath = fromTypescriptEslint.resolve("@typescript-eslint/parser");

function withAbsoluteParserPath(config) {
  const parsers = config.settings?.["import/parsers"];
  if (!parsers) return config;
  const extensions = parsers["@typescript-eslint/parser"] ?? [".ts", ".mts", ".cts", ".tsx", ".d.ts"];
  return { ...config, settings: { ...config.settings, "import/parsers": { [typescriptParserPath]: extensions } } };
}

export const next = nextVitals.map(withAbsoluteParserPath);
export const typescript = nextTypescript;

const config = [...next, ...typescript];
export default config;
