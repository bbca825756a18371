#!/usr/bin/env node
/**
 * One CLI for the whole project: `partition-lab <command> ...`. The commands
 * are listed in `commands.ts`; this file only dispatches and reports errors.
 */
import { CliError } from "./cli-error";
import { commands } from "./commands";

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length), 4);
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ["usage: partition-lab <command> [options]", "", "commands:", ...lines, "", "Run `partition-lab <command> --help` for a command's options."].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`partition-lab: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const module = await command.load();
    return await module.main(rest);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`partition-lab ${name}: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
