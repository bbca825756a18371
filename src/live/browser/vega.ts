// How the runtime reaches vega and vega-lite, which live in their own script
// and load only when a cell shows a chart. The page provides the loader.
export type VegaApi = {
  /** Renders a Vega-Lite spec into `container` as SVG elements. */
  render(spec: object, container: HTMLElement): Promise<void>;
  /** A Vega-Lite spec as standalone SVG markup. */
  toSvg(spec: object): Promise<string>;
};

let loader: (() => Promise<VegaApi>) | undefined;

export function setVegaLoader(load: () => Promise<VegaApi>): void {
  loader = load;
}

export function loadVega(): Promise<VegaApi> {
  if (!loader) return Promise.reject(new Error("charts need the page's vega loader"));
  return loader();
}
