// How Kafka describes a config: its type, default, check and whether a
// running broker may change it. The numbers are the wire's: ConfigSource and
// ConfigType of DescribeConfigsResponse (Kafka's DescribeConfigsResponse.java).

export type ConfigType = "boolean" | "string" | "int" | "short" | "long" | "double" | "list";

/** DescribeConfigs v3+ ConfigType. */
export const CONFIG_TYPE_ID: Record<ConfigType, number> = { boolean: 1, string: 2, int: 3, short: 4, long: 5, double: 6, list: 7 };

/** DescribeConfigs v1+ ConfigSource. */
export const ConfigSource = {
  TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;

/** A parsed value: numbers stay exact as bigint for longs. */
export type ConfigValue = boolean | string | number | bigint | string[];

/** Why a parsed value is not allowed ("Value must be at least 1"), or undefined. */
export type Check = (value: ConfigValue) => string | undefined;

export type ConfigDef = {
  name: string;
  type: ConfigType;
  /** Kafka's default as it prints it, or null when the config has none (log.retention.ms). */
  default: string | null;
  check?: Check;
};

export type BrokerConfigDef = ConfigDef & {
  /** Whether IncrementalAlterConfigs may change it on a running broker (Kafka's DynamicBrokerConfig.AllDynamicConfigs). */
  dynamic: boolean;
};

/** A topic config and the broker configs it falls back to, in Kafka's order, each with its unit in ms where it is a duration. */
export type TopicConfigDef = ConfigDef & { synonyms: { name: string; toMs?: number }[] };

const LONG_MAX = 9223372036854775807n;
export const LONG_MAX_TEXT = LONG_MAX.toString();

export const atLeast = (min: number): Check => (v) => (Number(v) < min ? `Value must be at least ${min}` : undefined);
export const between = (min: number, max: number): Check => (v) =>
  Number(v) < min ? `Value must be at least ${min}` : Number(v) > max ? `Value must be no more than ${max}` : undefined;
export const oneOf = (...allowed: string[]): Check => (v) => {
  const values = Array.isArray(v) ? v : [String(v)];
  return values.every((x) => allowed.includes(x)) ? undefined : `String must be one of: ${allowed.join(", ")}`;
};
