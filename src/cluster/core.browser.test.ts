// The cluster core must run where Node does not: bundled for the browser it
// imports no Node built-in module and names no Node-only global, and the bundle, evaluated with only the
// globals core.ts names (no `process`, no `require`), serves a request over
// an in-memory pipe.
import * as path from "node:path";
import * as vm from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ENTRY = `export { createCluster } from "./core"; export { encodeRequest, decodeResponse } from "./protocol";`;

async function bundleCore() {
  return build({
    stdin: { contents: ENTRY, resolveDir: __dirname, loader: "ts", sourcefile: "browser-entry.ts" },
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "core",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
}

describe("the cluster core in a browser bundle", () => {
  it("imports no Node built-in module", async () => {
    const result = await bundleCore();
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith("src/cluster/core.ts") || i.endsWith(path.join("cluster", "core.ts")))).toBe(true);
    const builtins = inputs.filter((i) => i.startsWith("node:") || /^(fs|net|http|zlib|crypto|events|path|os|child_process)$/.test(i));
    expect(builtins).toEqual([]);
    const code = result.outputFiles[0].text;
    expect(code).not.toMatch(/\brequire\(["'](node:|fs|net|http|zlib|crypto|events|path)/);
    // Node-only globals, even on paths the next test does not run (a property
    // looked up on the host object, as delivery.ts feature-detects setImmediate, is not one).
    expect(code.match(/(?<![.\w])(process\.\w+|setImmediate|__dirname|__filename)\b/g)).toBeNull();
  });

  it("runs with only the globals it declares and answers ApiVersions over a pipe", async () => {
    const code = (await bundleCore()).outputFiles[0].text;
    const sandbox: { [name: string]: unknown } = { Buffer, crypto: globalThis.crypto, setTimeout, clearTimeout, queueMicrotask, console };
    vm.createContext(sandbox);
    vm.runInContext(`${code}\nglobalThis.core = core;`, sandbox);
    expect(vm.runInContext("typeof process + typeof require", sandbox)).toBe("undefinedundefined");
    const core = sandbox.core as typeof import("./core") & typeof import("./protocol");
    const cluster = await core.createCluster({ brokers: 2 });
    try {
      const [first] = cluster.brokers;
      const client = cluster.connect(first.host, first.port);
      const answer = new Promise<Buffer>((resolve) => client.onData((chunk) => resolve(Buffer.from(chunk))));
      client.write(core.encodeRequest({ apiKey: 18, apiVersion: 3, correlationId: 5, clientId: "browser" }, { clientSoftwareName: "test", clientSoftwareVersion: "1" }));
      const frame = await answer;
      const { correlationId, body } = core.decodeResponse(18, 3, frame.subarray(4)) as { correlationId: number; body: { errorCode: number; apiKeys: unknown[] } };
      expect(correlationId).toBe(5);
      expect(body.errorCode).toBe(0);
      expect(body.apiKeys.length).toBeGreaterThan(20);
    } finally {
      await cluster.stop();
    }
  });
});
