/**
 * The sub-commands of `partition-lab`: one entry per command. Each area owns
 * the module its entry loads, lazily, so `partition-lab cluster` never loads
 * the site's dependencies (and the other way round). Local modules load with
 * `require`: this package compiles to CommonJS, where `import()` stays a real
 * ESM dynamic import (kept for ESM-only packages such as vega).
 */
export type CommandModule = { main(argv: string[]): Promise<number> };
export type Command = { summary: string; load: () => Promise<CommandModule> };

export const commands: Record<string, Command> = {
  cluster: { summary: "run an embedded Kafka-compatible cluster in the foreground", load: async () => require("./cluster/cli") },
  build: { summary: "run every notebook headless, then publish the static site to site/dist/", load: async () => require("./build/cli") },
  run: { summary: "run notebooks headless in the tslab kernel and report failures", load: async () => require("./runner/cli") },
  lab: { summary: "open the course in Jupyter, with a cluster and the kernel set up (Ctrl-C stops all)", load: async () => require("./jupyter/cli") },
  kernelspec: { summary: "install the partition-lab-tslab kernelspec for Jupyter (no Python needed)", load: async () => require("./runner/kernelspec-cli") },
};
