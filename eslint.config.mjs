// ESLint flat config. Next's rules come from the workspace package tools/eslint-config (see there why).
import nextConfig from "@nianbao/eslint-config";

const config = [
  ...nextConfig,
  {
    // .gitignore'd output and Prisma's generated client (next-env.d.ts, .next/ are ignored by Next's config)
    ignores: ["lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "e2e/.auth/**"],
  },
  {
    settings: {
      // import/no-cycle follows imports into packages too; they cannot import our code, so skip parsing them.
      "import/ignore": ["node_modules"],
    },
  },
  {
    rules: {
      // `_state, _formData`: server actions must accept the arguments useActionState passes.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Mount-only effects (the hydration flag, restoring unsaved text) set state on purpose.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    // Pages and layouts are async Server Components, rendered once per request: Date.now() there is fine.
    files: ["app/**/page.tsx", "app/**/layout.tsx"],
    rules: { "react-hooks/purity": "off" },
  },
  {
    // The public pages are whole documents rendered to stored HTML (react-dom/server), not Next pages.
    files: ["components/public/**"],
    rules: { "@next/next/no-head-element": "off" },
  },
  {
    // lib/ is imported by everything else; a cycle there is an initialisation-order bug waiting to happen.
    // `@/...` imports resolve through tsconfig's paths (eslint-import-resolver-typescript, set up by Next's config).
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

export default config;
