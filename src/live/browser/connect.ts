// `connect()` as notebooks call it, in the site's live pages: every call
// starts a fresh 3-broker cluster in this page (in memory; kafkajs reaches it
// through its socketFactory) — the page's counterpart of the embedded cluster
// a kernel starts when it finds none. Replaces src/lab/connect.ts in the
// browser bundle, with the same exports.
import { createLab, labKafkaConfig, type Lab } from "../../lab/lab";
import { memorySocketFactory } from "../kafkajs-socket";
import { createCluster, type ClusterCore } from "../../cluster/core";

export const DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
export const DEFAULT_CONTROL_URL = "http://127.0.0.1:9095";

const running = new Set<ClusterCore>();

/** A page has no TCP: nothing is ever reachable. */
export async function reachable(): Promise<boolean> {
  return false;
}

/** Starts an in-page cluster and returns the notebook's {@link Lab} over it (every call its own, so `own` changes nothing here). */
export async function connect(options: { quiet?: boolean; own?: boolean } = {}): Promise<Lab> {
  // The advertised names say where these brokers are; nothing listens on those ports.
  const cluster = await createCluster({ brokers: 3, host: "in-page-broker", port: 9092 });
  running.add(cluster);
  if (!options.quiet) console.log(`Running in your browser: started a 3-broker cluster inside this page (in memory, nothing leaves it) at ${cluster.bootstrap}`);
  return createLab({
    config: labKafkaConfig(cluster.bootstrap, { socketFactory: memorySocketFactory((host, port) => cluster.connect(host, port)) }),
    bootstrap: cluster.bootstrap,
    source: "in-page",
    cluster,
    faults: async () => cluster.faults,
    startOwn: () => connect(options),
    async stop() {
      running.delete(cluster);
      await cluster.stop();
    },
  });
}

/** Stops every cluster a cell started and did not close (a kernel restart). */
export async function stopPageClusters(): Promise<void> {
  const all = [...running];
  running.clear();
  await Promise.allSettled(all.map((c) => c.stop()));
}
