// In which order a run starts its notebooks. With a fixed number of kernels,
// starting the longest notebooks first (LPT scheduling) keeps the last ones
// from running alone at the end: with the course in file order, the capstone
// (the longest) started last and ran by itself for its whole length. What a
// notebook is expected to take comes from an earlier run; notebooks never
// timed (new, or a first run) go first in their own order, since nothing says
// they are short. Pure; the durations are kept by ./durations.ts.

/** Indices into `paths` in the order to start them. */
export function startOrder(paths: string[], expectedSeconds: (path: string) => number | undefined = () => undefined): number[] {
  const timed = paths.map((p, index) => ({ index, seconds: expectedSeconds(p) }));
  const unknown = timed.filter((t) => t.seconds === undefined).map((t) => t.index);
  const known = timed.filter((t) => t.seconds !== undefined).sort((a, b) => b.seconds! - a.seconds! || a.index - b.index).map((t) => t.index);
  return [...unknown, ...known];
}
