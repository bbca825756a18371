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
});
