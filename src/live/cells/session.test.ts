// Cell scoping as in tslab: a cell's top-level declarations stay visible to
// later cells, a cell can be edited and run again (redeclaring its names),
// TypeScript types are stripped, top-level await works, imports resolve to
// the modules the page provides, and errors point at the cell's own line.
import { describe, expect, it } from "vitest";
import { CellSession, cellUrl } from "./session";
import { transformCell } from "./transform";

const session = () => new CellSession({ modules: { "partition-lab": { double: (n: number) => 2 * n, label: "lab" }, kafkajs: { default: { kind: "default" }, Kafka: class {} } } });

async function value(s: CellSession, source: string): Promise<unknown> {
  const result = await s.run(source);
  if (!result.ok) throw result.error;
  return result.value;
}

describe("cells in one session", () => {
  it("see a const of cell 1 in cell 3", async () => {
    const s = session();
    await value(s, "const greeting: string = 'hello';");
    await value(s, "const unrelated = 1;");
    expect(await value(s, "greeting + ' world'")).toBe("hello world");
  });

  it("run a redeclaring cell again after an edit, and later cells see the new value", async () => {
    const s = session();
    await value(s, "const key = 'user1';\nlet count = 1;");
    await value(s, "const key = 'user2';\nlet count = 2;");
    expect(await value(s, "`${key}:${count}`")).toBe("user2:2");
    await value(s, "function f() { return 1; }\nclass C {}");
    await value(s, "function f() { return 2; }\nclass C { x = 3 }");
    expect(await value(s, "f() + new C().x")).toBe(5);
  });

  it("keep closures live: a later cell sees what an earlier cell's callback assigned", async () => {
    const s = session();
    await value(s, "let faults: number | undefined;\ntry { faults = await Promise.resolve(7); } catch {}\nlet bump = () => faults!++;");
    await value(s, "bump();");
    expect(await value(s, "faults")).toBe(8);
  });

  it("strip types, allow top-level await, destructuring, and hoist functions", async () => {
    const s = session();
    await value(s, "type Row = { key: string };\nconst rows: Row[] = [{ key: 'a' }];\nconst [{ key: first }, ...rest] = rows;\nconst { length } = rows as const;\nconst later = twice(await Promise.resolve(21));\nfunction twice(n: number): number { return n * 2; }");
    expect(s.get("first")).toBe("a");
    expect(s.get("rest")).toEqual([]);
    expect(s.get("length")).toBe(1);
    expect(s.get("later")).toBe(42);
  });

  it("imports from the modules it was given, including default and namespace imports", async () => {
    const s = session();
    await value(s, "import { double, label as name, type Nothing } from 'partition-lab';\nimport type { Consumer } from 'kafkajs';\nimport kafka, * as all from 'kafkajs';");
    expect(await value(s, "[double(2), name, kafka.kind, typeof all.Kafka]")).toEqual([4, "lab", "default", "function"]);
    const missing = await s.run("import { execSync } from 'node:child_process';");
    expect(missing.ok).toBe(false);
    expect(String((missing as { error: Error }).error.message)).toMatch(/Cannot find module 'node:child_process'.*"partition-lab"/);
  });

  it("does not leak declarations to the page's globals, and reset forgets them", async () => {
    const s = session();
    await value(s, "const leakCheck = 1; var leakVar = 2;");
    expect((globalThis as Record<string, unknown>).leakCheck).toBeUndefined();
    expect((globalThis as Record<string, unknown>).leakVar).toBeUndefined();
    s.reset();
    const after = await s.run("leakCheck");
    expect(after.ok).toBe(false);
  });

  it("reports a runtime error with the cell's own line number", async () => {
    const s = session();
    const result = await s.run("const a = 1;\n\nthrow new Error('boom');", "c7");
    expect(result.ok).toBe(false);
    const error = (result as { error: Error }).error;
    expect(error.message).toBe("boom");
    expect(error.stack).toContain(`${cellUrl("c7")}:3:`);
  });

  it("reports a syntax error with its line", async () => {
    const result = await session().run("const a = 1;\nconst = ;");
    expect(result.ok).toBe(false);
    expect((result as { error: { name: string; line: number } }).error).toMatchObject({ name: "SyntaxError", line: 2 });
  });
});

describe("the cell transform", () => {
  it("keeps every line where it was", () => {
    const source = "import { a } from 'x';\nconst b = {\n  c: 1,\n};\nlet d: number;\nfunction e() {}\nb";
    const { code, declared, imports } = transformCell(source);
    expect(code.split("\n")).toHaveLength(source.split("\n").length);
    expect(declared.sort()).toEqual(["a", "b", "d", "e"]);
    expect(imports).toEqual(["x"]);
    expect(code.split("\n")[6]).toBe("return (b)");
  });
});
