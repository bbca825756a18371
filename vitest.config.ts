import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./src/test-support/slow-first-sequencer.mts";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
    // node_modules/partition-lab links back to this folder; never walk it.
    exclude: ["**/node_modules/**", "**/dist/**"],
    // One course build per run, shared by the tests that need the executed course.
    globalSetup: ["src/build/test-support/course-build.global.ts"],
    // The slowest files first, also on a fresh clone with no timings cached.
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: integration suites start brokers, kernels and browsers.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
