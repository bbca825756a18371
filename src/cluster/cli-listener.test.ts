// `partition-lab cluster --sasl users.json --tls cert.pem key.pem`: the files
// are checked before anything starts, mistakes are explained without a stack
// trace, and the running cluster is one kcat reaches over SASL_SSL.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { kcat } from "./test-support/external";
import { tempDirs } from "./test-support/temp-dir";
import { throwawayCertificate } from "./test-support/tls-cert";

const CLI = path.resolve(__dirname, "../../dist/cli.js");
const PASSWORD = "cli-Pa55-word";
const temp = tempDirs("cluster-cli-");

/** A directory with users.json, a certificate and key, and a second certificate whose key does not match. */
function files() {
  const dir = temp();
  const users = path.join(dir, "users.json");
  fs.writeFileSync(users, JSON.stringify({ users: { alice: PASSWORD }, mechanisms: ["SCRAM-SHA-256", "PLAIN"] }));
  const cert = throwawayCertificate(dir);
  const other = throwawayCertificate(fs.mkdtempSync(path.join(dir, "other-")));
  const write = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
  return { dir, users, cert, otherKey: other.keyFile, write };
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child: ChildProcess = execFile(process.execPath, [CLI, "cluster", "--port", "0", ...args], { timeout: 30_000 }, (_err, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
  });
}

describe("partition-lab cluster --sasl --tls", () => {
  it("explains each mistake in the files or flags, with exit code 2 and no stack trace", async () => {
    const f = files();
    const cases: [string[], RegExp][] = [
      [["--tls", f.cert.certFile], /--tls takes two files: --tls cert\.pem key\.pem/],
      [["--tls", f.cert.certFile, "--brokers", "1"], /--tls takes two files/],
      [["--sasl", path.join(f.dir, "nope.json")], /--sasl .*nope\.json: no such file/],
      [["--sasl", f.write("bad.json", "{users:")], /--sasl .*bad\.json is not JSON/],
      [["--sasl", f.write("empty.json", `{"users": {}}`)], /--sasl .*empty\.json: "users" is empty/],
      [["--sasl", f.write("mech.json", `{"users": {"a": "b"}, "mechanisms": ["GSSAPI"]}`)], /unknown mechanism "GSSAPI"/],
      [["--tls", f.cert.certFile, f.otherKey], /--tls .* not a PEM certificate and its private key \(.*key values mismatch/],
      [["--tls", f.users, f.cert.keyFile], /not a PEM certificate and its private key/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("serves SASL_SSL that kcat reaches with the printed settings, and prints no password", async () => {
    const f = files();
    const child = spawn(process.execPath, [CLI, "cluster", "--port", "0", "--brokers", "2", "--sasl", f.users, "--tls", f.cert.certFile, f.cert.keyFile]);
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stdout += d));
    try {
      const deadline = Date.now() + 20_000;
      while (!stdout.includes("Use it with")) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the cluster did not start:\n${stdout}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(stdout).toContain("listener:  SASL_SSL (SCRAM-SHA-256, PLAIN; users: alice)");
      const bootstrap = /bootstrap: (\S+)/.exec(stdout)![1];
      expect(stdout).toContain(`KAFKA_BROKERS=${bootstrap} KAFKA_SSL=1 KAFKA_SSL_CA_FILE=${f.cert.certFile} KAFKA_SASL_MECHANISM=scram-sha-256 KAFKA_SASL_USERNAME=alice KAFKA_SASL_PASSWORD=<alice's password>`);
      const listing = await kcat(["-L", "-b", bootstrap, "-X", "security.protocol=SASL_SSL", "-X", "sasl.mechanisms=SCRAM-SHA-256", "-X", "sasl.username=alice", "-X", `sasl.password=${PASSWORD}`, "-X", `ssl.ca.location=${f.cert.certFile}`]);
      expect(listing).toMatch(/2 brokers:/);
      child.kill("SIGINT");
      await new Promise((r) => child.once("exit", r));
      expect(child.exitCode).toBe(0);
      expect(stdout).not.toContain(PASSWORD);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
