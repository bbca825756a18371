/**
 * Flag parsing shared by the sub-commands: node's `parseArgs` in strict mode,
 * with its errors turned into CliErrors that name the command's usage.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./cli-error";

export type Flags = { values: Record<string, string | boolean | undefined>; positionals: string[] };

/**
 * Parses `argv` strictly. On `--help`/`-h` it prints `usage` and returns
 * undefined: the command has nothing more to do and exits 0.
 */
export function parseFlags(argv: string[], options: NonNullable<ParseArgsConfig["options"]>, usage: string, allowPositionals = false): Flags | undefined {
  let flags: Flags;
  try {
    flags = parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals }) as Flags;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${usage}`);
  }
  if (!flags.values.help) return flags;
  console.log(usage);
  return undefined;
}

/** A flag that must be a whole number in [min, max]. */
export function intFlag(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}
