import { execFile, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./cli";

describe("partition-lab CLI", () => {
  afterEach(() => vi.restoreAllMocks());

  it("rejects an unknown command with usage and exit code 2", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    expect(await main(["no-such-command"])).toBe(2);
    expect(errors.join("\n")).toMatch(/unknown command "no-such-command"[\s\S]*usage: partition-lab/);
  });

  it("prints usage and exits 0 for --help", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    expect(await main(["--help"])).toBe(0);
    expect(lines.join("\n")).toContain("usage: partition-lab <command>");
  });

  it("lists every command in the usage", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    await main(["--help"]);
    for (const name of ["cluster", "run", "kernelspec", "build", "lab"]) expect(lines.join("\n")).toMatch(new RegExp(`^  ${name}\\s`, "m"));
  });

  it.each([
    [["cluster", "--brokers", "0"], /--brokers must be a whole number from 1 to 32/],
    [["cluster", "--bogus"], /Unknown option '--bogus'[\s\S]*usage: partition-lab cluster/],
    [["run"], /no notebook given/],
    [["run", "missing.ipynb"], /missing\.ipynb: no such notebook/],
    [["run", "a.ipynb", "--out", "x", "--inplace"], /no such notebook|exclude each other/],
    [["build", "--jobs", "many"], /--jobs must be a whole number/],
    [["kernelspec", "--user", "--prefix", "/tmp/x"], /exclude each other/],
    [["lab", "--ui", "classic"], /--ui must be "lab" or "notebook"/],
    [["lab", "--port", "http"], /--port must be a whole number/],
    [["lab", "one", "two"], /one folder at most/],
  ])("explains a user mistake without a stack trace: %s", async (argv, message) => {
    // The compiled CLI: its commands load their modules with require, as installed users run them.
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child: ChildProcess = execFile(process.execPath, [path.resolve(__dirname, "../dist/cli.js"), ...(argv as string[])], { timeout: 30_000 }, (_err, _out, err) => resolve({ code: child.exitCode, stderr: err }));
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(message as RegExp);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
