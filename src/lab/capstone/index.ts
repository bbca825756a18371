// The capstone's pipeline: events, the scenario runner, the grade and its chart.
export * from "./orders";
export * from "./grade";
export * from "./pipeline";
export * from "./chart";
export * from "./report";
