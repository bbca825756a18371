// The headless notebook runner: the real tslab kernel over the Jupyter protocol.
export { runNotebook, startKernelFor, type CellRun, type Failure, type NotebookRun, type RunMode, type RunOptions } from "./run-notebook";
export { DEFAULT_WARM_KERNELS, defaultJobs, runNotebooks, type RunManyOptions } from "./run-many";
export { durationsFile, type Durations } from "./durations";
export { consoleReporter, formatFailure, formatSlowest, formatSummary, silentReporter, stripAnsi, type Reporter } from "./report";
export { readNotebook, writeNotebook, sourceOf, hasTag, type Cell, type Notebook } from "./notebook";
export { Kernel, KernelStartError, killAllKernels, type Deadlines, type KernelOptions } from "./kernel";
export { kernelArgv } from "./kernel-argv";
export { debugEnabled, trailDirectory } from "./trail";
export { DeadlineError, withDeadline } from "./waits";
export { describeActivity, setActivity, clearActivity } from "./activity";
export { installKernelSpec, jupyterPathOf, KERNEL_DISPLAY_NAME, KERNEL_NAME, tslabKernelSpec, type KernelSpec } from "./kernelspec";
export type { Output } from "./outputs";
