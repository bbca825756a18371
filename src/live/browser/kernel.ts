// The page's notebook kernel: runs cells in one CellSession, sends what they
// print, display and throw to the cell that is running (late output, from a
// consumer's callback say, goes to the last cell run), and restarts by
// stopping the clusters cells left running and forgetting every declaration.
import { setDisplaySink, type MimeBundle } from "../../lab/display";
import { CellSession } from "../cells/session";
import { describeError, type CellError } from "../cells/traceback";
import { stopPageClusters } from "./connect";
import { inspect } from "./inspect";
import { format } from "./node/util";

export type LiveOutput =
  | { kind: "stream"; name: "stdout" | "stderr"; text: string }
  | { kind: "display"; data: MimeBundle }
  | ({ kind: "error" } & CellError);

export type OutputSink = (output: LiveOutput) => void;

export type Kernel = {
  /** Runs one cell; resolves when it finished (true) or failed (false). */
  run(id: string, source: string, sink: OutputSink): Promise<boolean>;
  restart(): Promise<void>;
};

const STREAMS: Record<string, "stdout" | "stderr"> = { log: "stdout", info: "stdout", debug: "stdout", warn: "stderr", error: "stderr" };

/** Creates the kernel and routes console output and `display` to the running cell. */
export function createKernel(modules: Record<string, unknown>): Kernel {
  const session = new CellSession({ modules });
  let current: OutputSink | undefined;
  const emit = (output: LiveOutput) => current?.(output);
  const original = { ...console } as unknown as Record<string, (...args: unknown[]) => void>;
  for (const [method, name] of Object.entries(STREAMS)) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      if (current) emit({ kind: "stream", name, text: format(...(args as [unknown])) + "\n" });
      else original[method](...args);
    };
  }
  setDisplaySink((data) => emit({ kind: "display", data }));
  // A promise a cell forgot to await (a consumer loop, say) may fail later: show it there.
  globalThis.addEventListener?.("unhandledrejection", (event) => {
    if (!current) return;
    event.preventDefault();
    const reason = (event as PromiseRejectionEvent).reason;
    emit({ kind: "stream", name: "stderr", text: `Unhandled rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : inspect(reason)}\n` });
  });
  let queue = Promise.resolve<unknown>(undefined);
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    run: (id, source, sink) =>
      serial(async () => {
        current = sink;
        const result = await session.run(source, id);
        if (!result.ok) {
          emit({ kind: "error", ...describeError(result.error, source, id) });
          return false;
        }
        if (result.value !== undefined) emit({ kind: "display", data: { "text/plain": inspect(result.value) } });
        return true;
      }),
    restart: () =>
      serial(async () => {
        current = undefined;
        await stopPageClusters();
        session.reset();
      }),
  };
}
