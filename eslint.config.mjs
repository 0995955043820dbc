import next from "eslint-config-next";

const config = [
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", "coverage/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts", "**/*.d.mts"] },
  ...next,
  {
    // STYLE §1: the domain stays pure — no framework, no database, no server-only module.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["next", "next/*", "react", "react-dom", "@prisma/*", "server-only", "pg", "**/generated/**", "@/lib/server/*", "node:*"], message: "lib/domain est pur : ni framework, ni base, ni E/S." },
      ] }],
      "no-restricted-syntax": ["error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pas d'horloge dans lib/domain : today est un paramètre." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pas d'horloge dans lib/domain : today est un paramètre." },
      ],
    },
  },
  {
    // ARCHITECTURE: pages, components and actions reach data only through lib/server/access.ts.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["**/generated/prisma/*", "**/generated/prisma", "@prisma/client", "@/lib/server/db", "pg"], message: "Passer par lib/server/access.ts." },
      ] }],
    },
  },
];
export default config;
