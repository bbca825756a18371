// Shows a MIME bundle in the notebook. In tslab a bundle of several MIME
// types needs tslab's internal `lastWriteDisplayData` (its public
// `display.raw` sends one type only); outside a kernel the plain-text part is
// printed, so the helpers also work in a script. The site's live pages set a
// sink of their own: there a display lands in the running cell's output.

export type MimeBundle = Record<string, unknown> & { "text/plain": string };

type Writer = (data: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

function tslabWriter(): Writer | undefined {
  try {
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData?: Writer };
    return typeof jupyter.lastWriteDisplayData === "function" ? jupyter.lastWriteDisplayData : undefined;
  } catch {
    return undefined;
  }
}

export type DisplaySink = (bundle: MimeBundle) => void;

let sink: DisplaySink | undefined;

/** Sends every later `display` to `next` instead of the kernel (undefined: back to the kernel). */
export function setDisplaySink(next: DisplaySink | undefined): void {
  sink = next;
}

/** Displays one output with every MIME type of `bundle` (the frontend picks the richest it can show). */
export function display(bundle: MimeBundle): void {
  if (sink) return sink(bundle);
  const write = tslabWriter();
  if (write) write({ data: bundle, metadata: {}, transient: {} }, false);
  else console.log(bundle["text/plain"]);
}
