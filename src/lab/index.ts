// What notebooks import as `partition-lab`: connect, partitioners, checks, refusals, predictions, tables and charts.
export * from "./lab";
export * from "./connect";
export * from "./partitioners";
export * from "./kafkajs-partitioners";
export * from "./checks";
export * from "./refusals";
export * from "./predictions";
export * from "./in-order";
export * from "./serialized-keys";
export * from "./tables";
export * from "./charts";
export { display, setDisplaySink, type DisplaySink, type MimeBundle } from "./display";
export { vegaLiteToSvg } from "./render-svg";
