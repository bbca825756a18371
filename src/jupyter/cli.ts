// `partition-lab lab`: the course in Jupyter with one command.
import * as path from "node:path";
import { intFlag, parseFlags } from "../cli-args";
import { CliError } from "../cli-error";
import { KERNEL_DISPLAY_NAME } from "../runner/kernelspec";
import { startLab, type RunningLab } from "./lab";
import { FLAVOR_NAMES, type JupyterFlavor } from "./plan";

const NOTEBOOKS = path.resolve(__dirname, "../../notebooks");

const USAGE = `usage: partition-lab lab [DIR] [--port 8888] [--ip 127.0.0.1] [--no-browser]
                         [--ui lab|notebook] [--brokers 3] [--kafka-port 0]
                         [--per-notebook-clusters] [--isolated] [--verbose]
                         [--start-timeout 60]

Opens the course in Jupyter: starts an embedded Kafka cluster (or uses the
one in KAFKA_BROKERS), installs the "${KERNEL_DISPLAY_NAME}" kernel in a
private folder, and starts JupyterLab if it is installed, else Jupyter
Notebook, on DIR (default: this checkout's notebooks/). The kernels get
KAFKA_BROKERS and PARTITION_LAB_CONTROL (fault injection). Ctrl-C stops
Jupyter, its kernels and the cluster.

  --port P                 Jupyter's port (default: 8888 or the next free one; 0: any free one)
  --ip ADDR                address Jupyter listens on (default 127.0.0.1)
  --no-browser             print the URL, do not open a browser
  --ui lab|notebook        insist on JupyterLab or on Jupyter Notebook
  --brokers N              brokers of the embedded cluster (default 3)
  --kafka-port P           first broker port (default 0: free ports)
  --per-notebook-clusters  no shared cluster: each notebook starts its own
  --isolated               ignore your Jupyter config and extensions (a fresh, throwaway one)
  --verbose                show Jupyter's log
  --start-timeout S        seconds to wait for Jupyter to start (default 60)`;

function uiFlag(value: string | undefined): JupyterFlavor | undefined {
  if (value === undefined || value === "lab" || value === "notebook") return value;
  throw new CliError(`--ui must be "lab" or "notebook" (got "${value}")`);
}

export async function main(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    port: { type: "string" },
    ip: { type: "string" },
    "no-browser": { type: "boolean" },
    ui: { type: "string" },
    brokers: { type: "string" },
    "kafka-port": { type: "string" },
    "per-notebook-clusters": { type: "boolean" },
    isolated: { type: "boolean" },
    verbose: { type: "boolean" },
    "start-timeout": { type: "string" },
  }, USAGE, true);
  if (!flags) return 0;
  const { values, positionals } = flags;
  if (positionals.length > 1) throw new CliError(`one folder at most (got ${positionals.join(", ")})\n\n${USAGE}`);
  const str = (name: string) => values[name] as string | undefined;
  const perNotebook = Boolean(values["per-notebook-clusters"]);
  if (perNotebook && process.env.KAFKA_BROKERS?.trim()) throw new CliError("--per-notebook-clusters and KAFKA_BROKERS exclude each other: unset KAFKA_BROKERS, or drop the flag to use that cluster");
  const brokers = intFlag(str("brokers"), "brokers", 3, 1, 32);
  // Handlers first: a Ctrl-C while Jupyter starts must still take it down (it runs in its own process group).
  const interrupted = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (interrupted.signal.aborted) console.error(`${name} again: still stopping (every step has a deadline)…`);
    interrupted.abort(name);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await runLab(values, positionals, brokers, perNotebook, interrupted.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

async function runLab(values: Record<string, string | boolean | undefined>, positionals: string[], brokers: number, perNotebook: boolean, interrupted: AbortSignal): Promise<number> {
  const str = (name: string) => values[name] as string | undefined;
  const lab = await startLab({
    notebooksDir: path.resolve(positionals[0] ?? NOTEBOOKS),
    flavor: uiFlag(str("ui")),
    port: str("port") === undefined ? undefined : intFlag(str("port"), "port", 8888, 0, 65535),
    ip: str("ip"),
    openBrowser: !values["no-browser"],
    kafka: perNotebook ? "per-notebook" : "shared",
    brokers,
    kafkaPort: intFlag(str("kafka-port"), "kafka-port", 0, 0, 65535 - brokers),
    isolated: Boolean(values.isolated),
    startTimeoutMs: intFlag(str("start-timeout"), "start-timeout", 60, 1, 3600) * 1000,
    onLog: values.verbose ? (line) => console.error(line) : undefined,
    signal: interrupted,
  });
  printBanner(lab);
  const byItself = await new Promise<boolean>((resolve) => {
    if (interrupted.aborted) resolve(false);
    interrupted.addEventListener("abort", () => resolve(false));
    void lab.exited.then(() => resolve(true));
  });
  console.log(byItself ? `${FLAVOR_NAMES[lab.flavor]} exited by itself; stopping the rest…` : "stopping Jupyter, its kernels and the cluster…");
  await lab.stop();
  console.log("stopped.");
  return byItself ? 1 : 0;
}

function printBanner(lab: RunningLab): void {
  const kafka = lab.kafka;
  const cluster =
    kafka.kind === "per-notebook"
      ? "none shared: each notebook starts its own embedded cluster"
      : `${kafka.bootstrap} (${kafka.source === "embedded" ? "embedded, started here" : "from KAFKA_BROKERS"})`;
  console.log(`partition-lab lab: ${FLAVOR_NAMES[lab.flavor]} is up with the "${KERNEL_DISPLAY_NAME}" kernel`);
  console.log(`kafka:   ${cluster}`);
  if (kafka.kind === "shared" && kafka.controlUrl) console.log(`control: ${kafka.controlUrl}`);
  console.log(`open:    ${lab.url}`);
  console.log("Ctrl-C stops Jupyter, its kernels and the cluster.");
}
