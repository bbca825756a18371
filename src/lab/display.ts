// Shows a MIME bundle in the notebook. In tslab a bundle of several MIME
// types needs tslab's internal `lastWriteDisplayData` (its public
// `display.raw` sends one type only); outside a kernel the plain-text part is
// printed, so the helpers also work in a script.

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

/** Displays one output with every MIME type of `bundle` (the frontend picks the richest it can show). */
export function display(bundle: MimeBundle): void {
  const write = tslabWriter();
  if (write) write({ data: bundle, metadata: {}, transient: {} }, false);
  else console.log(bundle["text/plain"]);
}
