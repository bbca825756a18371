/**
 * The sub-commands of `partition-lab`: one entry per command. Each area owns
 * the module its entry loads, lazily, so `partition-lab cluster` never loads
 * the site's dependencies (and the other way round).
 */
export type CommandModule = { main(argv: string[]): Promise<number> };
export type Command = { summary: string; load: () => Promise<CommandModule> };

export const commands: Record<string, Command> = {};
