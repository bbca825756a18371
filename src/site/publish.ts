// Publishes executed notebooks as a static site: one page per notebook, the
// course index, the partition calculator, the assets, and the executed
// notebooks themselves for download. Writes go through `effects` so tests
// can publish in memory.
import * as fs from "node:fs";
import * as path from "node:path";
import { liveAssets } from "../live/bundle";
import { calculatorBody, indexBody, layout, lessonBody } from "./layout";
import { glossaryBody, parseGlossary, termLinker } from "./glossary";
import { pageInfo, renderCells, type NotebookJson, type PageInfo } from "./model";
import { tokenStylesToClasses } from "./token-classes";

export type SiteEffects = { write(relativePath: string, content: string | Buffer): void };

export function directoryEffects(outDir: string): SiteEffects {
  return {
    write(rel, content) {
      const file = path.join(outDir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    },
  };
}

const ROOT = path.resolve(__dirname, "../..");
const ASSETS = path.join(ROOT, "site", "assets");

/** The browser build of src/lab/partitioners.ts (the calculator uses the course's own code). */
async function partitionersBundle(): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, "src", "lab", "partitioners.ts")],
    bundle: true,
    format: "iife",
    globalName: "PartitionLab",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

export type PublishedPage = { file: string; bytes: number };

export async function publishSite(notebooks: { file: string; notebook: NotebookJson }[], effects: SiteEffects): Promise<PublishedPage[]> {
  const sorted = [...notebooks].sort((a, b) => path.basename(a.file).localeCompare(path.basename(b.file)));
  const infos: PageInfo[] = sorted.map((n) => pageInfo(n.file, n.notebook));
  const written: PublishedPage[] = [];
  const write = (rel: string, content: string | Buffer) => {
    effects.write(rel, content);
    written.push({ file: rel, bytes: Buffer.byteLength(content) });
  };
  // The glossary lives beside the notebooks (notebooks/glossary.md).
  const glossaryFile = sorted.length > 0 ? path.join(path.dirname(sorted[0].file), "glossary.md") : undefined;
  const glossary = glossaryFile && fs.existsSync(glossaryFile) ? parseGlossary(fs.readFileSync(glossaryFile, "utf8")) : undefined;
  const shell = { glossary: glossary !== undefined };
  for (const [i, { notebook }] of sorted.entries()) {
    const info = infos[i];
    const cells = await renderCells(notebook, info.slug, glossary ? termLinker(glossary) : undefined);
    write(`${info.slug}.html`, tokenStylesToClasses(layout({ title: info.title, body: lessonBody(info, cells), pageId: info.slug, prev: infos[i - 1], next: infos[i + 1], live: true, ...shell })));
    write(`notebooks/${info.file}`, JSON.stringify(notebook, null, 1) + "\n");
  }
  write("index.html", layout({ title: "Course", body: indexBody(infos), pageId: "index", ...shell }));
  if (glossary) write("glossary.html", layout({ title: "Glossary", body: glossaryBody(glossary), pageId: "glossary", ...shell }));
  write("calculator.html", layout({ title: "Partition calculator", body: calculatorBody(), pageId: "calculator", ...shell }));
  for (const asset of fs.readdirSync(ASSETS)) write(`assets/${asset}`, fs.readFileSync(path.join(ASSETS, asset)));
  write("assets/partitioners.js", await partitionersBundle());
  for (const asset of await liveAssets()) write(`assets/${asset.file}`, asset.text);
  return written;
}
