// What notebooks import as `partition-lab`: connect, partitioners, checks, tables and charts.
export * from "./connect";
export * from "./partitioners";
export * from "./kafkajs-partitioners";
export * from "./checks";
export * from "./tables";
export * from "./charts";
export { display, type MimeBundle } from "./display";
export { vegaLiteToSvg } from "./render-svg";
export * from "./wait";
export * from "./lag";
export * from "./workloads";
export * from "./resequence";
export * from "./processing-log";
export * from "./hot-charts";
export * from "./consumer-charts";
export * from "./capstone";
