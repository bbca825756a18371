/**
 * What notebooks and other programs import as `partition-lab`.
 * Each area re-exports its public API from its own index file.
 */
export * from "./cluster";
export * from "./lab";
