// What notebooks import as `partition-lab`: connect, partitioners, checks, tables and charts.
export * from "./lab";
export * from "./connect";
export * from "./partitioners";
export * from "./kafkajs-partitioners";
export * from "./checks";
export * from "./tables";
export * from "./charts";
export { display, setDisplaySink, type DisplaySink, type MimeBundle } from "./display";
export { vegaLiteToSvg } from "./render-svg";
