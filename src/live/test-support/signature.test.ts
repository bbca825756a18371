// The comparison the live test relies on must see a wrong partition, a
// missing check or a lost row, and ignore what may differ between runs.
import { describe, expect, it } from "vitest";
import { parseTableHtml, partsOfNotebookOutputs, signature } from "./signature";
import { tableHtml } from "../../lab/tables";

const table = (rows: Record<string, string | number>[]) => ({ output_type: "display_data", data: { "text/html": tableHtml(rows), "text/plain": "" } });

describe("the deterministic signature of a cell's outputs", () => {
  const built = partsOfNotebookOutputs([
    { output_type: "stream", text: ["✓ orders-mx5c05a6-7x1s was created\n", "took 31 ms\n"] },
    table([{ key: "user1", partition: 0, offset: 7 }, { key: "<b>", partition: 2, offset: 9 }]),
    { output_type: "display_data", data: { "application/vnd.vegalite.v5+json": {}, "text/plain": "chart" } },
  ]);

  it("reads back the tables our helpers write", () => {
    expect(parseTableHtml(tableHtml([{ key: "<b>", partition: 2 }]))).toEqual({ headers: ["key", "partition"], rows: [["<b>", "2"]] });
  });

  it("ignores topic suffixes, timings, offsets and row order", () => {
    const live = partsOfNotebookOutputs([
      { output_type: "stream", text: "took 5 ms\n✓ orders-mx5dzzzz-abcd was created\n" },
      table([{ key: "<b>", partition: 2, offset: 1 }, { key: "user1", partition: 0, offset: 0 }]),
      { output_type: "display_data", data: { "application/vnd.vegalite.v5+json": {}, "text/plain": "chart" } },
    ]);
    expect(signature(live)).toEqual(signature(built));
  });

  it("compares a check's words, not the measurements in it", () => {
    const check = (line: string) => signature(partsOfNotebookOutputs([{ output_type: "stream", text: `${line}\n` }]));
    expect(check("✓ the hot partition's lag peaked at 510 orders, drained 3.4 s after")).toEqual(check("✓ the hot partition's lag peaked at 480 orders, drained 2.7 s after"));
    expect(check("✓ the hot partition's lag peaked at 510 orders")).not.toEqual(check("✓ the cold partition's lag peaked at 510 orders"));
  });

  it("sees a key on another partition, a missing check, a lost row and a missing chart", () => {
    const variants = [
      [{ output_type: "stream", text: "✓ orders-mx5c05a6-7x1s was created\n" }, table([{ key: "user1", partition: 1, offset: 7 }, { key: "<b>", partition: 2, offset: 9 }]), { output_type: "display_data", data: { "application/vnd.vegalite.v5+json": {} } }],
      [table([{ key: "user1", partition: 0, offset: 7 }, { key: "<b>", partition: 2, offset: 9 }]), { output_type: "display_data", data: { "application/vnd.vegalite.v5+json": {} } }],
      [{ output_type: "stream", text: "✓ orders-mx5c05a6-7x1s was created\n" }, table([{ key: "user1", partition: 0, offset: 7 }]), { output_type: "display_data", data: { "application/vnd.vegalite.v5+json": {} } }],
      [{ output_type: "stream", text: "✓ orders-mx5c05a6-7x1s was created\n" }, table([{ key: "user1", partition: 0, offset: 7 }, { key: "<b>", partition: 2, offset: 9 }])],
    ];
    for (const v of variants) expect(signature(partsOfNotebookOutputs(v))).not.toEqual(signature(built));
  });
});
