// Vega-Lite → static SVG in Node, for notebooks (an image/svg+xml fallback
// that classic Notebook, VS Code and GitHub show) and for the site build.
// vega and vega-lite are ESM-only: this CommonJS module loads them with a
// real dynamic import (module Node16 keeps `import()` as it is).

// Typed loosely on purpose: naming the ESM packages' types from a CommonJS
// module is refused by TypeScript (TS1479); the two calls below are all we use.
type VegaModules = {
  vl: { compile(spec: never): { spec: object } };
  vega: { View: new (runtime: unknown, options: { renderer: string }) => { toSVG(): Promise<string>; finalize(): void }; parse(spec: object): unknown };
};
let modules: Promise<VegaModules> | undefined;

function load(): Promise<VegaModules> {
  modules ??= Promise.all([import("vega-lite"), import("vega")]).then(([vl, vega]) => ({ vl, vega }) as unknown as VegaModules);
  return modules;
}

/** Compiles a Vega-Lite spec and renders it to standalone SVG markup (no browser, no network). */
export async function vegaLiteToSvg(spec: object): Promise<string> {
  const { vl, vega } = await load();
  const compiled = vl.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
