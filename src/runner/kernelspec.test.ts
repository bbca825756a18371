// Our kernelspec: its own name, so that a "tslab" kernelspec someone
// installed for other work is never replaced, and absolute paths that the
// command warns about.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installKernelSpec, KERNEL_NAME } from "./kernelspec";

const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-kernelspec-"));
afterAll(() => fs.rmSync(prefix, { recursive: true, force: true }));

describe("the partition-lab-tslab kernelspec", () => {
  it("installs under its own name and leaves another tslab kernelspec alone", () => {
    const theirs = path.join(prefix, "share", "jupyter", "kernels", "tslab", "kernel.json");
    fs.mkdirSync(path.dirname(theirs), { recursive: true });
    fs.writeFileSync(theirs, '{"argv": ["/elsewhere/tslab"], "display_name": "TypeScript", "language": "typescript"}');
    const dir = installKernelSpec({ prefix });
    expect(dir).toBe(path.join(prefix, "share", "jupyter", "kernels", "partition-lab-tslab"));
    expect(KERNEL_NAME).toBe("partition-lab-tslab");
    const spec = JSON.parse(fs.readFileSync(path.join(dir, "kernel.json"), "utf8"));
    expect(spec.display_name).toBe("TypeScript (partition-lab)");
    expect(spec.argv[0]).toBe(process.execPath);
    expect(fs.existsSync(spec.argv[1])).toBe(true);
    expect(path.isAbsolute(spec.argv[1])).toBe(true);
    expect(fs.readFileSync(theirs, "utf8")).toContain("/elsewhere/tslab");
  });

  it("the command says the paths are absolute and how to repair a moved checkout", async () => {
    const cli = path.resolve(__dirname, "../../dist/cli.js");
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [cli, "kernelspec", "--prefix", prefix], { timeout: 30_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
    );
    expect(out).toContain(`installed the partition-lab-tslab kernelspec ("TypeScript (partition-lab)")`);
    expect(out).toMatch(/absolute paths into this checkout: if you move or delete it, run `npx partition-lab kernelspec` again/);
    expect(out).toContain(`JUPYTER_PATH=${path.join(prefix, "share", "jupyter")}`);
  });
});
