// "Predict, then run": the learner writes a guess in a cell tagged
// `prediction`; the next cell shows the guess beside what Kafka did. A wrong
// guess is part of learning, so this never throws (it must not halt Run All).
import { display } from "./display";

/** The MIME type the site reads to grade a reader's choice against what really happened. */
export const PREDICTION_MIME = "application/vnd.partition-lab.prediction+json";

export type PredictionResult = { prediction: string | null; actual: string; right: boolean | null };

const normalise = (v: unknown) => String(v).trim().replace(/\s+/g, " ").toLowerCase();

function shown(v: unknown): string | null {
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return null;
  return Array.isArray(v) ? v.join(" ") : String(v);
}

/**
 * Compares the learner's prediction with what happened; both are shown as
 * text (arrays joined with spaces) and compared ignoring case and spacing.
 * An empty prediction (the cell left as it came) is reported, not judged.
 * Returns nothing (a cell ending with it shows only the comparison); use
 * {@link judgePrediction} for the verdict as data.
 */
export function comparePrediction(prediction: unknown, actual: unknown): void {
  const { prediction: p, actual: a, right } = judgePrediction(prediction, actual);
  const verdict = right === null ? "— write a prediction in the cell above and run both cells again" : right ? "✓ you predicted it" : "✗ not what you predicted: worth a second look";
  display({
    "text/plain": `your prediction: ${p ?? "(none yet)"}\nwhat happened:   ${a}\n${verdict}\n`,
    [PREDICTION_MIME]: { prediction: p, actual: a },
  });
}

/** The comparison behind {@link comparePrediction}: texts shown, and whether they match (null when no prediction). */
export function judgePrediction(prediction: unknown, actual: unknown): PredictionResult {
  const p = shown(prediction);
  const a = shown(actual) ?? "(nothing)";
  return { prediction: p, actual: a, right: p === null ? null : normalise(p) === normalise(a) };
}
