// Runs transformed cells one after another in one persistent scope: the
// notebook's "kernel state". Each cell is compiled with an indirect eval (so
// it is sloppy code, where `with` is allowed) into an async function whose
// free names resolve against the scope first, then the page's globals.
import { CellSyntaxError, IMPORT, SCOPE, transformCell } from "./transform";

export type CellResult = { ok: true; value: unknown } | { ok: false; error: unknown };

export type SessionOptions = {
  /** What `import … from "name"` gives; an unknown name throws a readable error. */
  modules: Record<string, unknown>;
};

type Compiled = (scope: object, load: (name: string) => unknown) => Promise<unknown>;

/** The sourceURL a cell's code carries, so stack frames name the cell. */
export function cellUrl(id: string): string {
  return `partition-lab-cell-${id.replace(/[^A-Za-z0-9_-]/g, "_")}.js`;
}

export class CellSession {
  private scope: Record<string, unknown> = Object.create(null);

  constructor(private options: SessionOptions) {}

  /** Forgets every declaration (a kernel restart). */
  reset(): void {
    this.scope = Object.create(null);
  }

  /** The value of a top-level name, for tests and tools. */
  get(name: string): unknown {
    return this.scope[name];
  }

  /** Compiles and runs one cell; never throws (a failure is the result). */
  async run(source: string, id = "cell"): Promise<CellResult> {
    let compiled: Compiled;
    try {
      const cell = transformCell(source);
      for (const name of cell.declared) if (!(name in this.scope)) this.scope[name] = undefined;
      // The wrapper sits on the cell's first line, so line numbers in stack traces are the cell's.
      const text = `(async function (${SCOPE}, ${IMPORT}) { with (${SCOPE}) { return await (async () => { ${cell.code}\n})(); } })\n//# sourceURL=${cellUrl(id)}`;
      compiled = (0, eval)(text) as Compiled;
    } catch (error) {
      return { ok: false, error: error instanceof SyntaxError && !(error instanceof CellSyntaxError) ? new CellSyntaxError(error.message, 1, 0) : error };
    }
    try {
      return { ok: true, value: await compiled(this.scope, (name) => this.load(name)) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private load(name: string): unknown {
    if (Object.prototype.hasOwnProperty.call(this.options.modules, name)) return this.options.modules[name];
    throw new Error(`Cannot find module '${name}': in the browser a cell can import ${Object.keys(this.options.modules).map((m) => `"${m}"`).join(" and ")} only`);
  }
}
