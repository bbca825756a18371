// What `partition-lab lab` runs, decided from plain data: which Jupyter,
// with which arguments and environment, and the URL to print. No I/O here;
// `lab.ts` does the starting and stopping.
import * as path from "node:path";
import { isolatedJupyterEnv, jupyterPathOf } from "../runner/kernelspec";

export type JupyterFlavor = "lab" | "notebook";

/** Jupyter front ends found on this machine: the executable of each. */
export type InstalledJupyter = Partial<Record<JupyterFlavor, string>>;

export const FLAVOR_NAMES: Record<JupyterFlavor, string> = { lab: "JupyterLab", notebook: "Jupyter Notebook" };

/** The executables `partition-lab lab` looks for on PATH, per front end. */
export const EXECUTABLES: Record<JupyterFlavor, string> = { lab: "jupyter-lab", notebook: "jupyter-notebook" };

export type JupyterChoice = { flavor: JupyterFlavor; executable: string };

/** JupyterLab if it is installed, else Jupyter Notebook; `wanted` insists on one. Undefined: none usable. */
export function chooseJupyter(installed: InstalledJupyter, wanted?: JupyterFlavor): JupyterChoice | undefined {
  const order: JupyterFlavor[] = wanted ? [wanted] : ["lab", "notebook"];
  const flavor = order.find((f) => installed[f]);
  return flavor ? { flavor, executable: installed[flavor]! } : undefined;
}

/** What to tell someone without Jupyter (or without the front end they asked for). */
export function noJupyterMessage(wanted?: JupyterFlavor): string {
  const what = wanted ? `${FLAVOR_NAMES[wanted]} (${EXECUTABLES[wanted]})` : "Jupyter (neither jupyter-lab nor jupyter-notebook)";
  return [
    `${what} is not on your PATH. Install one of:`,
    "  pip install jupyterlab                 # JupyterLab, in a virtualenv or with --user",
    "  sudo apt install jupyter-notebook      # Debian/Ubuntu: the classic Notebook",
    "then run `npx partition-lab lab` again.",
    "Without Jupyter, read the course on the site: `npm run build`, then open site/dist/index.html (it needs nothing else).",
  ].join("\n");
}

export type ServerOptions = {
  /** Jupyter's port; undefined lets Jupyter pick (8888, or the next free one). */
  port?: number;
  ip: string;
  openBrowser: boolean;
  /** Classic Notebook refuses to run as root without --allow-root. */
  root: boolean;
};

/** Jupyter's command-line arguments; its working directory is the notebooks folder. */
export function jupyterArgv(options: ServerOptions): string[] {
  const argv = [`--ip=${options.ip}`];
  // A port the user chose must be that port, not Jupyter's "next free one".
  if (options.port !== undefined) argv.push(`--port=${options.port}`, "--port-retries=0");
  if (!options.openBrowser) argv.push("--no-browser");
  if (options.root) argv.push("--allow-root");
  return argv;
}

/** Where the notebooks find Kafka: one cluster for all, or each its own (started in its kernel). */
export type KafkaTarget = { kind: "shared"; bootstrap: string; controlUrl?: string } | { kind: "per-notebook" };

export type EnvOptions = {
  kafka: KafkaTarget;
  token: string;
  /** A private folder: our kernelspec is installed with it as prefix; Jupyter's runtime files go in it. */
  root: string;
  /** Also keep Jupyter away from the user's config and data (tests; a broken personal setup). */
  isolated: boolean;
};

/** The environment of Jupyter and so of every kernel it starts. */
export function jupyterEnv(base: NodeJS.ProcessEnv, options: EnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, JUPYTER_TOKEN: options.token };
  if (options.isolated) Object.assign(env, isolatedJupyterEnv(options.root));
  else {
    // Our kernelspec first, then whatever the user's JUPYTER_PATH adds.
    env.JUPYTER_PATH = [jupyterPathOf(options.root), base.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
    // A private runtime folder, so the server info file found there is this server's.
    env.JUPYTER_RUNTIME_DIR = path.join(options.root, "runtime");
  }
  delete env.KAFKA_BROKERS;
  delete env.PARTITION_LAB_CONTROL;
  delete env.PARTITION_LAB_CLUSTER;
  if (options.kafka.kind === "shared") {
    env.KAFKA_BROKERS = options.kafka.bootstrap;
    if (options.kafka.controlUrl) env.PARTITION_LAB_CONTROL = options.kafka.controlUrl;
  } else {
    // connect() then starts a cluster in the kernel without probing 127.0.0.1:9092.
    env.PARTITION_LAB_CLUSTER = "embedded";
  }
  return env;
}

/** The fields of Jupyter's server info file (nbserver-PID.json, jpserver-PID.json) that we read. */
export type ServerInfo = { url: string; token: string; port: number; pid: number };

/** Parses a server info file; undefined if it is not one (or not complete yet). */
export function parseServerInfo(text: string): ServerInfo | undefined {
  try {
    const info = JSON.parse(text) as Partial<ServerInfo>;
    if (typeof info.url !== "string" || typeof info.port !== "number" || typeof info.pid !== "number") return undefined;
    return { url: info.url.endsWith("/") ? info.url : `${info.url}/`, token: info.token ?? "", port: info.port, pid: info.pid };
  } catch {
    return undefined;
  }
}

/** The page to open: JupyterLab's workspace or classic Notebook's file tree, with the token. */
export function openUrl(info: ServerInfo, flavor: JupyterFlavor): string {
  const page = flavor === "lab" ? "lab" : "tree";
  return `${info.url}${page}${info.token ? `?token=${encodeURIComponent(info.token)}` : ""}`;
}

/** The URL of one notebook (a path relative to the notebooks folder) in the chosen front end. */
export function notebookUrl(info: ServerInfo, flavor: JupyterFlavor, relativePath: string): string {
  const encoded = relativePath.split("/").map(encodeURIComponent).join("/");
  const page = flavor === "lab" ? `lab/tree/${encoded}` : `notebooks/${encoded}`;
  return `${info.url}${page}${info.token ? `?token=${encodeURIComponent(info.token)}` : ""}`;
}
