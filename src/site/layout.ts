// The page shell shared by every page: header with course link, dark-mode
// switch, main content, previous/next navigation. Relative links only, so the
// site works from file:// and from any static host.
import { html, type SafeHtml } from "./html";
import type { PageInfo } from "./model";

export const SITE_TITLE = "partition-lab";

export function layout(options: { title: string; body: SafeHtml; pageId: string; prev?: PageInfo; next?: PageInfo; live?: boolean; glossary?: boolean }): string {
  const { title, body, pageId, prev, next, live, glossary } = options;
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${SITE_TITLE}</title>
<link rel="stylesheet" href="assets/style.css">
<script src="assets/theme.js"></script>
</head>
<body data-page="${pageId}">
<header class="site">
<a class="home" href="index.html">${SITE_TITLE}</a>
<nav aria-label="Site"><a href="index.html">Course</a> <a href="calculator.html">Partition calculator</a>${glossary ? html` <a href="glossary.html">Glossary</a>` : ""}</nav>
<button type="button" id="theme-toggle" aria-pressed="false">Dark mode</button>
</header>
<main>
${body}
</main>
${prev || next ? html`<nav class="pager" aria-label="Lessons">
${prev ? html`<a rel="prev" href="${prev.slug}.html">← ${prev.title}</a>` : html`<span></span>`}
${next ? html`<a rel="next" href="${next.slug}.html">${next.title} →</a>` : html`<span></span>`}
</nav>` : ""}
<script src="assets/app.js"></script>
${live ? html`<script src="assets/live.js"></script>
` : ""}</body>
</html>`}\n`;
}

/** A lesson page: metadata, the rendered notebook, the "done" switch and how to open it in Jupyter. */
export function lessonBody(info: PageInfo, cells: SafeHtml): SafeHtml {
  return html`<article class="lesson" data-lesson="${info.slug}">
<p class="meta">${info.step ? html`<span class="step">Mini-project step ${info.step} of 4</span> · ` : ""}${info.minutes} min</p>
${cells}
<section class="finish">
<button type="button" class="mark-done" data-lesson="${info.slug}" aria-pressed="false">Mark this lesson as done</button>
<details class="jupyter"><summary>Open this notebook in Jupyter</summary>
<pre><code>npm install
npx partition-lab kernelspec        # once: the TypeScript (tslab) kernel
npx partition-lab cluster &amp;        # optional: otherwise the notebook starts its own cluster
jupyter lab notebooks/${info.file}</code></pre>
</details>
</section>
</article>`;
}

/** The course index: lessons with time, progress and the mini-project tracker. */
export function indexBody(pages: PageInfo[]): SafeHtml {
  const minutes = pages.reduce((s, p) => s + p.minutes, 0);
  return html`<h1>Kafka partitioning and message ordering</h1>
<p class="lead">A hands-on course in ${pages.length} lessons (about ${minutes} minutes): where each key's messages go, why their order holds within a partition — and what breaks it.</p>
<section class="tracker" aria-label="Mini-project progress">
<h2>Mini-project</h2>
<p>Progress <strong id="steps-done">0</strong> / 4 steps</p>
<ol class="steps">${pages.filter((p) => p.step).map((p) => html`<li data-lesson="${p.slug}"><a href="${p.slug}.html">${p.title}</a></li>`)}</ol>
</section>
<section aria-label="Lessons">
<h2>Lessons</h2>
<ol class="lessons">
${pages.map((p) => html`<li data-lesson="${p.slug}"><a href="${p.slug}.html">${p.title}</a> <span class="minutes">${p.minutes} min</span> <span class="done-badge" hidden>✓ done</span><p>${p.summary}</p></li>`)}
</ol>
<p class="progress-summary">Done: <strong id="lessons-done">0</strong> / ${pages.length}</p>
</section>`;
}

export function calculatorBody(): SafeHtml {
  return html`<h1>Partition calculator</h1>
<p>Which partition does a key land on? kafkajs and the Java client hash the key's UTF-8 bytes with <strong>murmur2</strong>; librdkafka's <code>consistent</code> partitioner (confluent-kafka, kcat) uses <strong>CRC32</strong>. Both take the hash modulo the number of partitions — the same code as the course's <code>partitionFor</code>.</p>
<form id="calculator" onsubmit="return false">
<label for="calc-keys">Keys, one per line</label>
<textarea id="calc-keys" rows="6">user1
user2
user123
user999
Walmart</textarea>
<label for="calc-partitions">Partitions</label>
<input id="calc-partitions" type="number" min="1" max="10000" value="3">
</form>
<table id="calc-results" class="partition-lab-table"><thead><tr><th>key</th><th>murmur2 (Java, kafkajs)</th><th>consistent (CRC32)</th></tr></thead><tbody></tbody></table>
<figure id="calc-chart" aria-label="Keys per partition"></figure>
<script src="assets/partitioners.js"></script>`;
}
