import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
    // node_modules/partition-lab links back to this folder; never walk it.
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: integration suites start brokers, kernels and browsers.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
