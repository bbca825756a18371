/**
 * An error caused by the user (bad flag, missing file): the CLI prints its
 * message without a stack trace and exits with `exitCode`.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}
