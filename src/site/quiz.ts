// An interactive quiz from a markdown cell's `metadata.quiz`. The page's
// script checks answers; without JavaScript the questions still read as a
// list with the explanations behind a <details>.
import { html, type SafeHtml } from "./html";

export type QuizQuestion = { question: string; options: string[]; answer: number; explanation: string };
export type Quiz = { questions: QuizQuestion[] };

/** Checks the metadata's shape; returns a list of problems (empty when fine). */
export function quizProblems(quiz: unknown): string[] {
  const q = quiz as Quiz;
  if (!q || !Array.isArray(q.questions) || q.questions.length === 0) return ["quiz.questions must be a non-empty list"];
  return q.questions.flatMap((item, i) => {
    const problems: string[] = [];
    if (typeof item.question !== "string" || !item.question) problems.push(`question ${i + 1} has no text`);
    if (!Array.isArray(item.options) || item.options.length < 2) problems.push(`question ${i + 1} needs at least two options`);
    else if (!Number.isInteger(item.answer) || item.answer < 0 || item.answer >= item.options.length) problems.push(`question ${i + 1}: answer ${item.answer} is not an option index`);
    if (typeof item.explanation !== "string") problems.push(`question ${i + 1} has no explanation`);
    return problems;
  });
}

export function renderQuiz(quiz: Quiz, id: string): SafeHtml {
  return html`<section class="quiz" aria-label="Quiz">
<h2>Quiz</h2>
${quiz.questions.map((q, i) => html`<fieldset class="question" data-answer="${q.answer}">
<legend>${i + 1}. ${q.question}</legend>
${q.options.map((option, j) => html`<label><input type="radio" name="${id}-q${i}" value="${j}"> ${option}</label>`)}
<button type="button" class="check">Check</button>
<p class="feedback" aria-live="polite"></p>
<details class="explanation"><summary>Explanation</summary><p>${q.explanation}</p></details>
</fieldset>`)}
</section>`;
}
