// One request as bytes to one broker of an in-process cluster, over an
// in-memory connection: for APIs and versions no installed client sends
// (IncrementalAlterConfigs, DescribeConfigs v4, DeleteRecords v2, …).
import type { ClusterCore } from "../core";
import { decodeResponse, encodeRequest } from "../protocol";

/** Sends `body` as API `apiKey` version `apiVersion` to broker `nodeId`; resolves with the decoded response body. */
export async function rawRequest(cluster: ClusterCore, nodeId: number, apiKey: number, apiVersion: number, body: object): Promise<any> {
  const broker = cluster.brokers.find((b) => b.nodeId === nodeId);
  if (!broker) throw new Error(`no broker ${nodeId}`);
  const connection = cluster.connect(broker.host, broker.port);
  try {
    const frame = new Promise<Buffer>((resolve, reject) => {
      let pending = Buffer.alloc(0);
      connection.onData((chunk) => {
        pending = Buffer.concat([pending, chunk]);
        if (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) resolve(pending.subarray(4, 4 + pending.readInt32BE(0)));
      });
      connection.onClose(() => reject(new Error(`broker ${nodeId} closed the connection instead of answering api ${apiKey} v${apiVersion}`)));
    });
    connection.write(encodeRequest({ apiKey, apiVersion, correlationId: 7, clientId: "raw" }, body));
    return decodeResponse(apiKey, apiVersion, await frame).body;
  } finally {
    connection.close();
  }
}
