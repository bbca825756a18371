// A cell that needs Node is marked on the page instead of failing obscurely.
import { describe, expect, it } from "vitest";
import { browserNeeds, liveNotebook } from "./notebook-data";

describe("cells that need something a browser lacks", () => {
  it("are the ones that import other modules, require, or use the Node process or files", () => {
    expect(browserNeeds('import { connect } from "partition-lab";\nimport type { Consumer } from "kafkajs";')).toBeUndefined();
    expect(browserNeeds('import { execSync } from "node:child_process";')).toMatch(/"node:child_process", which needs Node/);
    expect(browserNeeds('const fs = require("fs");')).toMatch(/require\(\)/);
    expect(browserNeeds("console.log(__dirname);")).toMatch(/file system/);
    expect(browserNeeds("process.exit(1);")).toMatch(/Node process/);
    expect(browserNeeds("console.log(1);", ["no-browser"])).toMatch(/only in Jupyter/);
  });

  it("are named in the page's live data; markdown cells are left out", () => {
    const nb = liveNotebook("x", [
      { id: "a", cell_type: "markdown", source: "# t" },
      { id: "b", cell_type: "code", source: ["const x = ", "1;"] },
      { cell_type: "code", source: 'import * as cp from "child_process";', metadata: { tags: ["solution"] } },
    ]);
    expect(nb.cells).toEqual([
      { id: "b", source: "const x = 1;", tags: [] },
      { id: "cell-2", source: 'import * as cp from "child_process";', tags: ["solution"], needs: 'it imports "child_process", which needs Node' },
    ]);
  });
});
