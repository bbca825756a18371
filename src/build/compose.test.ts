// docker-compose.yml cannot run here (no Docker engine), so check its shape:
// real Kafka 3.9 in KRaft mode, three brokers reachable from the host on
// 9092-9094, each advertising the address the host uses, with healthchecks.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Service = { image: string; ports: string[]; environment: Record<string, string | number>; healthcheck?: { test: string[] } };

describe("docker-compose.yml", () => {
  const compose = parse(fs.readFileSync(path.resolve(__dirname, "../../docker-compose.yml"), "utf8"), { merge: true }) as { services: Record<string, Service> };
  const services = Object.entries(compose.services);

  it("runs three apache/kafka 3.9 brokers in KRaft mode with healthchecks", () => {
    expect(services).toHaveLength(3);
    const voters = String(services[0][1].environment.KAFKA_CONTROLLER_QUORUM_VOTERS).split(",");
    expect(voters).toHaveLength(3);
    for (const [name, s] of services) {
      expect(s.image, name).toMatch(/^apache\/kafka:3\.9\.\d+$/);
      expect(s.environment.KAFKA_PROCESS_ROLES, name).toMatch(/controller/);
      expect(voters.some((v) => v.startsWith(`${s.environment.KAFKA_NODE_ID}@${name}:`)), name).toBe(true);
      expect(s.healthcheck?.test.join(" "), name).toMatch(/kafka-broker-api-versions/);
    }
  });

  it("publishes ports 9092-9094 and advertises each as localhost:<host port>", () => {
    const hostPorts = services.map(([name, s]) => {
      expect(s.ports, name).toHaveLength(1);
      const [host, container] = s.ports[0].split(":").map(Number);
      const advertised = String(s.environment.KAFKA_ADVERTISED_LISTENERS);
      expect(advertised, name).toContain(`EXTERNAL://localhost:${host}`);
      expect(String(s.environment.KAFKA_LISTENERS), name).toContain(`EXTERNAL://:${container}`);
      return host;
    });
    expect(hostPorts.sort()).toEqual([9092, 9093, 9094]);
  });
});
