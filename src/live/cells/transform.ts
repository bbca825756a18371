// A notebook cell (TypeScript) → JavaScript that runs in a persistent scope,
// the way tslab runs cells: top-level declarations outlive the cell, later
// cells see them, and running a cell again (after an edit) simply rebinds
// them. Types are stripped with sucrase; acorn finds the top-level
// declarations, which become assignments to scope properties. Every edit
// keeps the line count, so an error's line is the cell's line.
import { parse, type Node } from "acorn";
import { transform } from "sucrase";

export type TransformedCell = {
  /** The body of an async function run inside `with (scope)`. */
  code: string;
  /** Names the cell binds at top level; the runner creates them on the scope before running. */
  declared: string[];
  /** Module specifiers the cell imports. */
  imports: string[];
};

/** The identifier the generated code uses to import a module (a function of the runner). */
export const IMPORT = "__partitionLabImport";
/** The identifier of the scope object inside the generated code. */
export const SCOPE = "__partitionLabScope";

export class CellSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
    this.name = "SyntaxError";
  }
}

type AnyNode = Node & Record<string, any>;
type Edit = { start: number; end: number; text: string };

/** TypeScript → plain JavaScript, imports kept (even unused ones: a later cell may use them). */
export function stripTypes(source: string): string {
  try {
    return transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (err) {
    const e = err as Error & { loc?: { line: number; column: number } };
    throw new CellSyntaxError(e.message.replace(/\s*\(\d+:\d+\)$/, ""), e.loc?.line ?? 1, e.loc?.column ?? 0);
  }
}

/** Transforms one cell; throws {@link CellSyntaxError} for code that does not parse. */
export function transformCell(source: string): TransformedCell {
  const js = stripTypes(source);
  let program: AnyNode;
  try {
    program = parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true, locations: true }) as AnyNode;
  } catch (err) {
    const e = err as Error & { loc?: { line: number; column: number } };
    throw new CellSyntaxError(e.message.replace(/\s*\(\d+:\d+\)$/, ""), e.loc?.line ?? 1, e.loc?.column ?? 0);
  }
  const edits: Edit[] = [];
  const declared: string[] = [];
  const imports: string[] = [];
  const hoisted: string[] = [];
  const body: AnyNode[] = program.body;
  for (const [i, statement] of body.entries()) {
    let node = statement;
    if (node.type === "ExportNamedDeclaration" && node.declaration) {
      edits.push({ start: node.start, end: node.declaration.start, text: "" });
      node = node.declaration;
    } else if (node.type === "ExportDefaultDeclaration" || node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") {
      throw new CellSyntaxError("a notebook cell cannot export; declare the value instead", node.loc?.start.line ?? 1, node.loc?.start.column ?? 0);
    }
    if (node.type === "ImportDeclaration") {
      imports.push(node.source.value);
      hoisted.push(importAssignment(node, declared));
      edits.push({ start: node.start, end: node.end, text: keepNewlines(js.slice(node.start, node.end)) });
    } else if (node.type === "VariableDeclaration") {
      edits.push(...variableAssignment(js, node, declared));
    } else if (node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") {
      const name: string = node.id.name;
      declared.push(name);
      // A function stays a declaration (hoisted, as in a module) and is published at the start;
      // a class is published where it is defined (classes are not hoisted).
      if (node.type === "FunctionDeclaration") hoisted.push(`${SCOPE}.${name} = ${name};`);
      else edits.push({ start: node.end, end: node.end, text: `;${SCOPE}.${name} = ${name};` });
    } else if (i === body.length - 1 && node.type === "ExpressionStatement") {
      // The last expression is the cell's value, as in Jupyter.
      edits.push({ start: node.expression.start, end: node.expression.start, text: "return (" });
      edits.push({ start: node.expression.end, end: node.expression.end, text: ")" });
    }
  }
  let code = applyEdits(js, edits);
  if (hoisted.length > 0) code = hoisted.join(" ") + " " + code;
  return { code, declared: [...new Set(declared)], imports };
}

function keepNewlines(text: string): string {
  return text.replace(/[^\n]/g, "");
}

function importAssignment(node: AnyNode, declared: string[]): string {
  const from = `${IMPORT}(${JSON.stringify(node.source.value)})`;
  const parts: string[] = [];
  const named: string[] = [];
  for (const s of node.specifiers as AnyNode[]) {
    const local: string = s.local.name;
    declared.push(local);
    if (s.type === "ImportNamespaceSpecifier") parts.push(`${local} = ${from};`);
    else if (s.type === "ImportDefaultSpecifier") parts.push(`${local} = ${from}.default;`);
    else named.push(`${JSON.stringify(s.imported.type === "Identifier" ? s.imported.name : s.imported.value)}: ${local}`);
  }
  if (named.length > 0) parts.push(`({ ${named.join(", ")} } = ${from});`);
  if (node.specifiers.length === 0) parts.push(`${from};`);
  return parts.join(" ");
}

/** `const a = 1, { b } = o;` → `;(a = 1, { b } = o);` with every name declared on the scope. */
function variableAssignment(js: string, node: AnyNode, declared: string[]): Edit[] {
  const edits: Edit[] = [{ start: node.start, end: node.declarations[0].start, text: ";(" }];
  for (const d of node.declarations as AnyNode[]) {
    declared.push(...patternNames(d.id));
    if (!d.init) edits.push({ start: d.id.end, end: d.id.end, text: node.kind === "var" ? ` = ${d.id.name}` : " = void 0" });
  }
  const last = node.declarations[node.declarations.length - 1];
  const tail = js.slice(last.end, node.end);
  edits.push({ start: last.end, end: node.end, text: `)${tail}` });
  return edits;
}

function patternNames(pattern: AnyNode): string[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name];
    case "ObjectPattern":
      return pattern.properties.flatMap((p: AnyNode) => patternNames(p.type === "RestElement" ? p.argument : p.value));
    case "ArrayPattern":
      return pattern.elements.filter(Boolean).flatMap((e: AnyNode) => patternNames(e));
    case "RestElement":
      return patternNames(pattern.argument);
    case "AssignmentPattern":
      return patternNames(pattern.left);
    default:
      return [];
  }
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += text.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}
