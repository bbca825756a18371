// `npm run bench -- cluster`: kafkajs produces 200,000 keyed 100-byte
// messages (acks=all, 500 per send) to a 6-partition topic and reads them
// back, against a cluster in a forked process. Prints throughput both ways,
// broker CPU time against the client's (the reference measured in the same
// run; goal ≤ 0.5×) and the broker's memory per stored message beyond the
// payload (goal ≤ 200 bytes).
import { fork, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { Kafka, logLevel } from "kafkajs";

type Stats = { cpuMicros: number; heapUsed: number; external: number };

function ask<T>(child: ChildProcess, msg: object, pick: (m: any) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: any) => {
      if (!pick(m)) return;
      child.off("message", on);
      resolve(m);
    };
    child.on("message", on);
    child.send(msg);
  });
}

function flag(flags: string[], name: string, fallback: number): number {
  const hit = flags.find((f) => f.startsWith(`--${name}=`));
  return hit ? Number(hit.split("=")[1]) : fallback;
}

export async function runBenchmark(flags: string[]): Promise<void> {
  const total = flag(flags, "messages", 200_000);
  const perSend = 500;
  const child = fork(path.join(__dirname, "cluster-broker.js"), [], { execArgv: ["--expose-gc"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { bootstrap } = await new Promise<{ bootstrap: string }>((resolve) => child.once("message", (m: any) => resolve(m)));
  const stats = () => ask<Stats>(child, { cmd: "stats" }, (m) => "cpuMicros" in m);
  try {
    const kafka = new Kafka({ clientId: "bench", brokers: bootstrap.split(","), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "bench", numPartitions: 6 }] });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    const payload = "x".repeat(100);

    const before = await stats();
    const clientBefore = process.cpuUsage();
    let start = process.hrtime.bigint();
    for (let sent = 0; sent < total; sent += perSend) {
      await producer.send({ topic: "bench", acks: -1, messages: Array.from({ length: perSend }, (_, i) => ({ key: `key-${(sent + i) % 1000}`, value: payload })) });
    }
    const produceSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const afterProduce = await stats();
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: "bench", maxBytesPerPartition: 4 << 20, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: "bench", fromBeginning: true });
    start = process.hrtime.bigint();
    let consumed = 0;
    await new Promise<void>((resolve) => consumer.run({ eachBatch: async ({ batch }) => { consumed += batch.messages.length; if (consumed >= total) resolve(); } }));
    const consumeSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const after = await stats();
    const clientCpu = process.cpuUsage(clientBefore);
    await consumer.disconnect();

    const brokerMicros = after.cpuMicros - before.cpuMicros;
    const clientMicros = clientCpu.user + clientCpu.system;
    const stored = afterProduce.heapUsed + afterProduce.external - (before.heapUsed + before.external);
    const perMessage = stored / total - 100;
    const rows: [string, string, string][] = [
      ["produce", `${Math.round(total / produceSeconds).toLocaleString("en")} msg/s`, `${produceSeconds.toFixed(2)} s`],
      ["consume", `${Math.round(consumed / consumeSeconds).toLocaleString("en")} msg/s`, `${consumeSeconds.toFixed(2)} s`],
      ["broker CPU / client CPU", `${(brokerMicros / clientMicros).toFixed(2)}×`, `${(brokerMicros / 1e6).toFixed(2)} s vs ${(clientMicros / 1e6).toFixed(2)} s (goal ≤ 0.50×)`],
      ["broker memory per message", `${perMessage.toFixed(0)} B beyond the 100 B payload`, "goal ≤ 200 B"],
    ];
    for (const [what, value, note] of rows) console.log(`${what.padEnd(28)} ${value.padEnd(34)} ${note}`);
  } finally {
    child.send({ cmd: "stop" });
    await new Promise((r) => child.once("exit", r));
  }
}
