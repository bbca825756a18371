// The few `util` functions kafkajs calls, for the browser bundle.
import { inspect } from "../inspect";

export { inspect };

export function promisify(fn: unknown): (...args: unknown[]) => Promise<unknown> {
  return (...args) =>
    new Promise((resolve, reject) => {
      if (typeof fn !== "function") return reject(new Error("not available in the browser"));
      fn(...args, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
    });
}

export function format(pattern: unknown, ...args: unknown[]): string {
  if (typeof pattern !== "string") return [pattern, ...args].map((a) => (typeof a === "string" ? a : inspect(a))).join(" ");
  let i = 0;
  const out = pattern.replace(/%[sdifjoO%]/g, (m) => (m === "%%" ? "%" : i < args.length ? (typeof args[i] === "string" ? String(args[i++]) : inspect(args[i++])) : m));
  return [out, ...args.slice(i).map((a) => (typeof a === "string" ? a : inspect(a)))].join(" ");
}

export default { promisify, format, inspect };
