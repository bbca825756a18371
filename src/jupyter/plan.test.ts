// `partition-lab lab`'s decisions, from plain data: which Jupyter, its
// arguments, its environment, the URL, and which processes are Jupyter's.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { findOnPath, installedJupyter } from "./detect";
import { chooseJupyter, jupyterArgv, jupyterEnv, noJupyterMessage, notebookUrl, openUrl, parseServerInfo } from "./plan";
import { descendantsOf, parseProcessTable } from "./processes";

describe("choosing Jupyter", () => {
  it("prefers JupyterLab, falls back to Notebook, and honours an explicit choice", () => {
    const both = { lab: "/x/jupyter-lab", notebook: "/x/jupyter-notebook" };
    expect(chooseJupyter(both)).toEqual({ flavor: "lab", executable: "/x/jupyter-lab" });
    expect(chooseJupyter({ notebook: "/x/jupyter-notebook" })).toEqual({ flavor: "notebook", executable: "/x/jupyter-notebook" });
    expect(chooseJupyter(both, "notebook")).toEqual({ flavor: "notebook", executable: "/x/jupyter-notebook" });
    expect(chooseJupyter({ notebook: "/x/jupyter-notebook" }, "lab")).toBeUndefined();
    expect(chooseJupyter({})).toBeUndefined();
  });

  it("finds executables on PATH in order, skipping what is not executable", () => {
    const executables = new Set(["/b/jupyter-notebook", "/c/jupyter-notebook", "/c/jupyter-lab"]);
    const isExe = (f: string) => executables.has(f);
    expect(findOnPath("jupyter-notebook", ["/a", "/b", "/c"].join(path.delimiter), isExe)).toBe("/b/jupyter-notebook");
    expect(findOnPath("jupyter-lab", "/a", isExe)).toBeUndefined();
    expect(installedJupyter("/nonexistent-dir")).toEqual({});
  });

  it("tells someone without Jupyter how to get it, and that the site needs nothing", () => {
    const text = noJupyterMessage();
    expect(text).toContain("pip install jupyterlab");
    expect(text).toContain("apt install jupyter-notebook");
    expect(text).toMatch(/npm run build.*site\/dist\/index\.html/);
    expect(noJupyterMessage("lab")).toMatch(/^JupyterLab \(jupyter-lab\) is not on your PATH/);
  });
});

describe("Jupyter's arguments", () => {
  it("listens on the given address, and adds --allow-root only as root", () => {
    expect(jupyterArgv({ ip: "127.0.0.1", openBrowser: true, root: false })).toEqual(["--ip=127.0.0.1"]);
    expect(jupyterArgv({ ip: "127.0.0.1", openBrowser: false, root: true })).toEqual(["--ip=127.0.0.1", "--no-browser", "--allow-root"]);
  });

  it("keeps a chosen port instead of moving to the next free one", () => {
    expect(jupyterArgv({ ip: "0.0.0.0", port: 9999, openBrowser: true, root: false })).toEqual(["--ip=0.0.0.0", "--port=9999", "--port-retries=0"]);
  });
});

describe("Jupyter's environment", () => {
  const base = { PATH: "/usr/bin", HOME: "/home/me", JUPYTER_PATH: "/mine", KAFKA_BROKERS: "old:1", PARTITION_LAB_CONTROL: "http://old" };

  it("points the kernels at the shared cluster and finds our kernelspec first", () => {
    const env = jupyterEnv(base, { kafka: { kind: "shared", bootstrap: "127.0.0.1:1,127.0.0.1:2", controlUrl: "http://127.0.0.1:3" }, token: "t", root: "/tmp/r", isolated: false });
    expect(env).toMatchObject({ PATH: "/usr/bin", KAFKA_BROKERS: "127.0.0.1:1,127.0.0.1:2", PARTITION_LAB_CONTROL: "http://127.0.0.1:3", JUPYTER_TOKEN: "t" });
    expect(env.JUPYTER_PATH).toBe(["/tmp/r/share/jupyter", "/mine"].join(path.delimiter));
    expect(env.JUPYTER_RUNTIME_DIR).toBe("/tmp/r/runtime");
    expect(env.JUPYTER_CONFIG_DIR).toBeUndefined();
    expect(env.PARTITION_LAB_CLUSTER).toBeUndefined();
  });

  it("per notebook: no inherited cluster, and connect() told to start its own", () => {
    const env = jupyterEnv(base, { kafka: { kind: "per-notebook" }, token: "t", root: "/tmp/r", isolated: false });
    expect(env.KAFKA_BROKERS).toBeUndefined();
    expect(env.PARTITION_LAB_CONTROL).toBeUndefined();
    expect(env.PARTITION_LAB_CLUSTER).toBe("embedded");
  });

  it("isolated: Jupyter's config, data and runtime folders are private, the user's JUPYTER_PATH ignored", () => {
    const env = jupyterEnv(base, { kafka: { kind: "per-notebook" }, token: "t", root: "/tmp/r", isolated: true });
    expect(env).toMatchObject({
      JUPYTER_CONFIG_DIR: "/tmp/r/config",
      JUPYTER_DATA_DIR: "/tmp/r/data",
      JUPYTER_RUNTIME_DIR: "/tmp/r/runtime",
      JUPYTER_PATH: "/tmp/r/share/jupyter",
      JUPYTER_NO_CONFIG: "1",
      TMPDIR: "/tmp/r/tmp",
    });
    expect(base.KAFKA_BROKERS).toBe("old:1"); // the caller's object is left alone
  });
});

describe("the URL", () => {
  const info = parseServerInfo(JSON.stringify({ url: "http://127.0.0.1:8890/", token: "a b", port: 8890, pid: 42, notebook_dir: "/n" }))!;

  it("reads Jupyter's server info file and rejects anything else", () => {
    expect(info).toEqual({ url: "http://127.0.0.1:8890/", token: "a b", port: 8890, pid: 42 });
    expect(parseServerInfo('{"url": "http://h:1/base"')).toBeUndefined(); // half written
    expect(parseServerInfo('{"url": "http://h:1/base", "port": 1}')).toBeUndefined();
    expect(parseServerInfo('{"url": "http://h:1/base", "port": 1, "pid": 2}')?.url).toBe("http://h:1/base/");
  });

  it("opens JupyterLab's workspace or Notebook's tree, and a notebook in either", () => {
    expect(openUrl(info, "lab")).toBe("http://127.0.0.1:8890/lab?token=a%20b");
    expect(openUrl(info, "notebook")).toBe("http://127.0.0.1:8890/tree?token=a%20b");
    expect(notebookUrl(info, "notebook", "sub dir/01 x.ipynb")).toBe("http://127.0.0.1:8890/notebooks/sub%20dir/01%20x.ipynb?token=a%20b");
    expect(notebookUrl(info, "lab", "01.ipynb")).toBe("http://127.0.0.1:8890/lab/tree/01.ipynb?token=a%20b");
  });
});

describe("Jupyter's processes", () => {
  it("finds every descendant, however deep, and nothing else", () => {
    const table = parseProcessTable("  1     0\n 10     1\n 11    10\n 12    11\n 13    10\n 20     1\n junk\n");
    expect(descendantsOf(10, table).sort()).toEqual([11, 12, 13]);
    expect(descendantsOf(20, table)).toEqual([]);
  });
});
