// A request-level client (../client/request-client.ts) that has signed in
// with SASL/PLAIN, for tests of what ACLs let a user do with APIs no
// installed client sends (DescribeProducers, DescribeGroups v3+, …).
import { openRequestClient, type RequestClient } from "../client/request-client";
import type { ClusterCore } from "../core";
import { ApiKey } from "../protocol";

/** A client connected to broker `nodeId` of `cluster`, authenticated as `user`; throws if the broker refuses the password. */
export async function saslClient(cluster: ClusterCore, nodeId: number, user: string, password: string): Promise<RequestClient> {
  const broker = cluster.brokers.find((b) => b.nodeId === nodeId);
  if (!broker) throw new Error(`no broker ${nodeId}`);
  const client = await openRequestClient(cluster.connect(broker.host, broker.port), `sasl-${user}`);
  await client.request(ApiKey.SaslHandshake, 1, { mechanism: "PLAIN" });
  const auth = await client.request(ApiKey.SaslAuthenticate, 1, { authBytes: Buffer.from(`\0${user}\0${password}`) });
  if (auth.errorCode !== 0) throw new Error(`${user} could not sign in: error ${auth.errorCode}`);
  return client;
}
