/** Unit and integration suites run under Node; the browser suite (tests/e2e) drives Chromium. */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2020" } }];
module.exports = {
  testTimeout: 60000,
  // Two cores in CI: jest would otherwise use one worker (cores − 1) and take twice as long.
  maxWorkers: 2,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.(t|j)sx?$": swc },
      testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/tests/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/", "<rootDir>/tests/page/browser/"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform: { "^.+\\.(t|j)sx?$": swc },
      testMatch: ["<rootDir>/tests/e2e/**/*.test.ts", "<rootDir>/tests/page/browser/**/*.test.ts"],
    },
  ],
};
