// The cluster the build's notebooks run against: KAFKA_BROKERS when set,
// otherwise an embedded 3-broker cluster for this build. Starting and
// stopping it have deadlines, like every other wait of the build.
import { CliError } from "../cli-error";
import { startCluster } from "../cluster";
import { reachable } from "../lab/connect";
import { clearActivity, setActivity, withDeadline } from "../runner";

export type ClusterTarget = { env: NodeJS.ProcessEnv; stop(): Promise<void> };

/** How long the embedded cluster may take to start, and to stop. */
export const CLUSTER_START_MS = 30_000;
export const CLUSTER_STOP_MS = 15_000;

export async function clusterFor(log: (line: string) => void): Promise<ClusterTarget> {
  if (process.env.KAFKA_BROKERS) {
    const brokers = process.env.KAFKA_BROKERS.split(",").map((b) => b.trim()).filter(Boolean);
    const up = await Promise.all(brokers.map((b) => reachable(b, 2000)));
    if (!up.some(Boolean)) {
      throw new CliError(`KAFKA_BROKERS=${process.env.KAFKA_BROKERS}: no broker answers. Start the cluster (e.g. \`docker compose up -d --wait\`), or unset KAFKA_BROKERS to use the embedded cluster.`, 1);
    }
    log(`notebooks run against KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`);
    return { env: {}, stop: async () => {} };
  }
  setActivity("cluster", "the build: starting the embedded cluster");
  const cluster = await withDeadline(startCluster({ brokers: 3 }), CLUSTER_START_MS, "starting the embedded cluster");
  clearActivity("cluster");
  log(`notebooks run against an embedded 3-broker cluster at ${cluster.bootstrap}`);
  return {
    env: { KAFKA_BROKERS: cluster.bootstrap, PARTITION_LAB_CONTROL: cluster.controlUrl },
    async stop() {
      setActivity("cluster", "the build: stopping the embedded cluster");
      try {
        await withDeadline(cluster.stop(), CLUSTER_STOP_MS, "stopping the embedded cluster");
      } finally {
        clearActivity("cluster");
      }
    },
  };
}
