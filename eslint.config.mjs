import next from "eslint-config-next";

export default [
  ...next,
  { ignores: ["lib/db/generated/**", ".next/**", "node_modules/**", "test-results/**", "playwright-report/**", ".tmp/**"] },
];
