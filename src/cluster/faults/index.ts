/** Fault injection: rules the broker consults, the loopback control endpoint and its typed client. */
export * from "./injector";
export * from "./control";
export * from "./server";
export * from "./client";
export * from "./produce-journal";
