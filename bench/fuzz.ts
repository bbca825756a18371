// `npm run bench -- fuzz [--runs=N] [--seed=S]`: the structure-aware fuzzer
// and the model-based checks of bench/fuzz.test.ts, for far longer (default
// 20x the runs of `npm test`), with what they exercised. Also times a
// READ_COMMITTED fetch's aborted-transaction lookup against the full scan it
// replaced, on a partition with 100,000 aborted transactions.
import { AbortedTransactionIndex, type AbortedTransaction } from "partition-lab/dist/cluster/producers/aborted-index";
import { fuzzFrames } from "./fuzz-frames";
import { checkAgainstModel } from "./fuzz-model";

function flag(flags: string[], name: string): number | undefined {
  const hit = flags.find((f) => f.startsWith(`--${name}=`));
  return hit ? Number(hit.split("=")[1]) : undefined;
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${what}: ${((performance.now() - start) / 1000).toFixed(1)} s`, result ?? "");
  return result;
}

function abortedLookup(): void {
  const index = new AbortedTransactionIndex();
  const all: AbortedTransaction[] = [];
  for (let i = 0n; i < 100_000n; i++) {
    const t = { producerId: i % 50n, firstOffset: i * 10n, lastOffset: i * 10n + 5n };
    index.add(t);
    all.push(t);
  }
  const fetches = 2_000;
  const measure = (lookup: (from: bigint) => AbortedTransaction[]) => {
    const start = performance.now();
    let found = 0;
    for (let f = 0; f < fetches; f++) found += lookup(BigInt(f * 500)).length;
    return { ms: performance.now() - start, found };
  };
  const scan = measure((from) => all.filter((a) => a.lastOffset >= from && a.firstOffset < from + 200n));
  const indexed = measure((from) => index.overlapping(from, from + 200n));
  if (scan.found !== indexed.found) throw new Error(`the index found ${indexed.found} aborted transactions, the scan ${scan.found}`);
  console.log(`aborted-transaction lookup, ${fetches} fetches over 100,000 aborted transactions: full scan ${scan.ms.toFixed(1)} ms, index ${indexed.ms.toFixed(1)} ms (${(indexed.ms / scan.ms).toFixed(4)}x)`);
}

export async function runBenchmark(flags: string[]): Promise<void> {
  const seed = flag(flags, "seed") ?? Date.now() % 2 ** 31;
  const scale = flag(flags, "runs") ?? 20;
  console.log(`seed ${seed} (replay with --seed=${seed}), ${scale}x the runs of npm test`);
  await timed("structure-aware fuzzing", () => fuzzFrames({ runs: 150 * scale, maxRequests: 40, seed }));
  await timed("model-based checks", () => checkAgainstModel({ runs: 120 * scale, maxCommands: 60, seed }));
  abortedLookup();
}
