// Runs the other Kafka clients the course supports: Debian's kcat and Python
// (confluent-kafka on librdkafka, kafka-python). Always Debian's python3,
// where those packages are installed.
import { execFile } from "node:child_process";

export function run(command: string, args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { timeout: options.timeoutMs ?? 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(" ")} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}

export const python = (script: string, args: string[] = [], timeoutMs?: number) => run("/usr/bin/python3", ["-c", script, ...args], { timeoutMs });
export const kcat = (args: string[], input?: string) => run("/usr/bin/kcat", args, { input });
