// Node's `assert(value, message)`, the only form kafkajs uses.
export default function assert(value: unknown, message?: string): asserts value {
  if (!value) throw new Error(message ?? "assertion failed");
}
