import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/server/db/generated/**",
      // Build outputs (gitignored), linted as their sources.
      "public/sw.js",
      "public/office-sw.js",
      "public/photo-checks-worker.js",
      "public/scan/**",
      "public/vendor/**",
      "public/scalar/api-reference-*.js",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // The business rules run on the server and on the device: no framework, database or browser store.
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\./|\\.\\./).*", message: "src/domain imports only its own modules." }] },
      ],
    },
  },
  {
    // Device code reaches the server's shapes as types only: no server module may end up in the
    // browser bundle, yet a renamed server field still fails the type check on the device side.
    files: ["src/client/**/*.{ts,tsx}", "src/app/walk/**/*.{ts,tsx}", "service-worker/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/server/*", "**/server/*"],
              allowTypeImports: true,
              message: "The device imports the server only as types (import type …).",
            },
          ],
        },
      ],
    },
  },
  {
    // Every setting is declared and validated once (README, "Settings"): the server reads them
    // through src/server/config.ts, the browser through src/config/public.ts.
    files: ["src/**/*.{ts,tsx}", "scripts/serve.ts", "scripts/create-admin.ts"],
    ignores: ["src/server/config.ts", "src/config/public.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read settings through config() (src/server/config.ts) or publicConfig (src/config/public.ts).",
        },
      ],
    },
  },
  {
    // Server code logs through src/server/logging/logger.ts: JSON lines with the request's id.
    files: ["src/server/**/*.ts", "scripts/serve.ts"],
    ignores: ["src/server/**/*.test.ts"],
    rules: { "no-console": "error" },
  },
  {
    files: ["scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
