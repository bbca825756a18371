// Charts in live pages (assets/live-vega.js, loaded with the first chart):
// Vega-Lite compiled and drawn by vega into SVG elements, no network (the
// spec's data is inline; no loader is configured).
import * as vega from "vega";
import { compile } from "vega-lite";
import type { VegaApi } from "./vega.js";

function view(spec: object, options: { renderer: "svg" | "none"; container?: HTMLElement }) {
  const loader = vega.loader();
  loader.load = () => Promise.reject(new Error("charts in live pages use inline data only"));
  return new vega.View(vega.parse(compile(spec as never).spec), { ...options, loader, hover: true });
}

const api: VegaApi = {
  async render(spec, container) {
    await view(spec, { renderer: "svg", container }).runAsync();
  },
  async toSvg(spec) {
    const v = view(spec, { renderer: "none" });
    try {
      return await v.toSVG();
    } finally {
      v.finalize();
    }
  },
};

(globalThis as Record<string, unknown>).PartitionLabVega = api;
