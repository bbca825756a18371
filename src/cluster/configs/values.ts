// A config value from text, as Kafka's ConfigDef parses it (trimmed; lists
// split on commas; numbers within their Java type), and back to the text
// Kafka prints (ConfigDef.convertToString: "compact,delete", "0.5", "1.0").
import type { ConfigDef, ConfigType, ConfigValue } from "./types";

const JAVA_RANGES: Partial<Record<ConfigType, [bigint, bigint]>> = {
  short: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
};

export type Parsed = { value: ConfigValue; text: string } | { error: string };

function parseType(type: ConfigType, raw: string): ConfigValue | undefined {
  const trimmed = raw.trim();
  switch (type) {
    case "boolean":
      return /^true$/i.test(trimmed) ? true : /^false$/i.test(trimmed) ? false : undefined;
    case "string":
      return trimmed;
    case "list":
      return trimmed === "" ? [] : trimmed.split(/\s*,\s*/);
    case "double":
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
    default: {
      if (!/^[+-]?\d+$/.test(trimmed)) return undefined;
      const n = BigInt(trimmed);
      const [min, max] = JAVA_RANGES[type]!;
      if (n < min || n > max) return undefined;
      return type === "long" ? n : Number(n);
    }
  }
}

/** Java's Double.toString for the values configs hold: "0.5", "1.0", "1.0E-4". */
function javaDouble(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e7)) {
    const [mantissa, exponent] = n.toExponential().split("e");
    return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
  }
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/** The text Kafka prints for a parsed value. */
export function formatValue(type: ConfigType, value: ConfigValue): string {
  if (type === "list") return (value as string[]).join(",");
  if (type === "double") return javaDouble(value as number);
  return String(value);
}

/** Parses and checks `raw` for `def`; the error reads as Kafka's ConfigException does. */
export function parseValue(def: ConfigDef, raw: string): Parsed {
  const value = parseType(def.type, raw);
  const invalid = (why: string) => ({ error: `Invalid value ${raw} for configuration ${def.name}: ${why}` });
  if (value === undefined) {
    return invalid(def.type === "boolean" ? "Expected value to be either true or false" : `Not a number of type ${def.type.toUpperCase()}`);
  }
  const problem = def.check?.(value);
  if (problem) return invalid(problem);
  return { value, text: formatValue(def.type, value) };
}
