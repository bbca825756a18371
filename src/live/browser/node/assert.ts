// Node's `assert(value, message)`, the only form kafkajs uses (it requires
// the module itself as the function, hence `export =`).
function assert(value: unknown, message?: string): asserts value {
  if (!value) throw new Error(message ?? "assertion failed");
}

export = assert;
