// Builds the live pages' scripts with esbuild (at publish time, once per
// process): the small page controller every lesson loads, and the three
// scripts it loads on demand — the runtime (course package, cluster, kafkajs,
// transpiler), the editor (CodeMirror) and the charts (vega). Classic
// scripts, not modules: from file:// a browser loads <script src> but
// refuses module scripts and fetch.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plugin } from "esbuild";

const HERE = path.resolve(__dirname, "../../src/live");
const SRC = path.resolve(HERE, "..");
const NODE = path.join(HERE, "browser", "node");

export type LiveAsset = { file: string; text: string };

/** Node built-ins → browser stand-ins; Node-only course modules → their browser versions. */
const REPLACEMENTS: Record<string, string> = {
  buffer: require.resolve("buffer/"),
  events: require.resolve("events/"),
  util: path.join(NODE, "util.ts"),
  assert: path.join(NODE, "assert.ts"),
  crypto: path.join(NODE, "crypto.ts"),
  zlib: path.join(NODE, "zlib.ts"),
  path: path.join(NODE, "path.ts"),
  fs: path.join(NODE, "unavailable.ts"),
  net: path.join(NODE, "unavailable.ts"),
  tls: path.join(NODE, "unavailable.ts"),
  http: path.join(NODE, "unavailable.ts"),
  "tslab/dist/jupyter": path.join(NODE, "unavailable.ts"),
};
const MODULE_SWAPS: Record<string, string> = {
  [path.join(SRC, "lab", "connect.ts")]: path.join(HERE, "browser", "connect.ts"),
  [path.join(SRC, "lab", "render-svg.ts")]: path.join(HERE, "browser", "render-svg.ts"),
};

const browserPlugin: Plugin = {
  name: "partition-lab-browser",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, "");
      if (REPLACEMENTS[bare]) return { path: REPLACEMENTS[bare] };
      if (args.path.startsWith(".") && args.resolveDir) {
        const target = path.resolve(args.resolveDir, args.path);
        const swap = MODULE_SWAPS[target] ?? MODULE_SWAPS[`${target}.ts`];
        if (swap) return { path: swap };
      }
      return undefined;
    });
  },
};

const ENTRIES: Record<string, string> = {
  "live.js": path.join(HERE, "page", "live-page.ts"),
  "live-runtime.js": path.join(HERE, "browser", "runtime-entry.ts"),
  "live-editor.js": path.join(HERE, "browser", "editor-entry.ts"),
  "live-vega.js": path.join(HERE, "browser", "vega-entry.mts"),
};

let built: Promise<LiveAsset[]> | undefined;

/** The live scripts, built once per process and reused from `.cache/` while none of their inputs changed. */
export function liveAssets(): Promise<LiveAsset[]> {
  built ??= buildAll();
  return built;
}

const CACHE = path.resolve(HERE, "../../.cache/live-assets.json");
type Cached = { key: string; inputs: string[]; assets: LiveAsset[] };

/** A digest of every file the last bundles were made from (esbuild's own list), and of the build settings. */
function digest(inputs: string[]): string | undefined {
  const hash = createHash("sha256").update(fs.readFileSync(__filename)).update(process.env.PARTITION_LAB_LIVE_MINIFY ?? "");
  for (const input of inputs) {
    if (!fs.existsSync(input)) return undefined;
    hash.update(input).update(fs.readFileSync(input));
  }
  return hash.digest("hex");
}

async function buildAll(): Promise<LiveAsset[]> {
  try {
    const cached = JSON.parse(fs.readFileSync(CACHE, "utf8")) as Cached;
    if (cached.key === digest(cached.inputs)) return cached.assets;
  } catch {
    // no cache yet, or unreadable: build
  }
  const inputs = new Set<string>();
  const assets = await bundle(inputs);
  const list = [...inputs].sort();
  const key = digest(list);
  if (key) {
    fs.mkdirSync(path.dirname(CACHE), { recursive: true });
    fs.writeFileSync(CACHE, JSON.stringify({ key, inputs: list, assets } satisfies Cached));
  }
  return assets;
}

async function bundle(inputs: Set<string>): Promise<LiveAsset[]> {
  const esbuild = await import("esbuild");
  return Promise.all(
    Object.entries(ENTRIES).map(async ([file, entry]) => {
      const result = await esbuild.build({
        entryPoints: [entry],
        bundle: true,
        format: "iife",
        platform: "browser",
        target: "es2020",
        minify: process.env.PARTITION_LAB_LIVE_MINIFY !== "0",
        legalComments: "none",
        write: false,
        logLevel: "silent",
        plugins: [browserPlugin],
        // Only the runtime runs code written for Node (kafkajs, the cluster).
        inject: file === "live-runtime.js" ? [path.join(NODE, "globals.ts")] : [],
        define: { global: "globalThis", "process.env.NODE_ENV": '"production"' },
        mainFields: ["browser", "module", "main"],
        metafile: true,
      });
      for (const input of Object.keys(result.metafile.inputs)) inputs.add(path.resolve(input.replace(/^[a-z-]+:/, "")));
      return { file, text: result.outputFiles[0].text };
    }),
  );
}
