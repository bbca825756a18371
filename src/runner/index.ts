// The headless notebook runner: the real tslab kernel over the Jupyter protocol.
export { runNotebook, type CellRun, type Failure, type NotebookRun, type RunOptions } from "./run-notebook";
export { defaultJobs, runNotebooks, type RunManyOptions } from "./run-many";
export { consoleReporter, formatFailure, formatSummary, silentReporter, stripAnsi, type Reporter } from "./report";
export { readNotebook, writeNotebook, sourceOf, hasTag, type Cell, type Notebook } from "./notebook";
export { killAllKernels } from "./kernel";
export { installKernelSpec, jupyterPathOf, KERNEL_DISPLAY_NAME, KERNEL_NAME, tslabKernelSpec, type KernelSpec } from "./kernelspec";
export type { Output } from "./outputs";
