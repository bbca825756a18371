// Showing a grade in the notebook: one row per requirement, numbered as the
// lesson numbers them.
import { showTable } from "../tables";
import type { Grade } from "./grade";

/** The numbers (1-based) of the requirements a grade failed. */
export function failedRequirements(grade: Grade): number[] {
  return grade.verdicts.flatMap((v, i) => (v.ok ? [] : [i + 1]));
}

/** Prints whether the design passed and shows a table of the requirements. Never throws. */
export function showGrade(grade: Grade): void {
  console.log(`Design "${grade.design}": ${grade.passed ? "PASSED — every requirement held" : `REJECTED — requirement ${failedRequirements(grade).join(", ")} failed`}`);
  showTable(grade.verdicts.map((v, i) => ({ "#": i + 1, requirement: v.requirement, held: v.ok ? "✓" : "✗", "what the cluster shows": v.detail })));
}
