// The live runtime's script (assets/live-runtime.js): the course package as
// cells import it (connect() starting in-page clusters), kafkajs, and the
// kernel. It defines `window.PartitionLabLive`; nothing runs until the page
// creates a kernel.
import * as kafkajs from "kafkajs";
import * as partitionLab from "../../index";
import { createKernel } from "./kernel";
import { setVegaLoader, type VegaApi } from "./vega";

(globalThis as Record<string, unknown>).PartitionLabLive = {
  createKernel(options: { loadVega: () => Promise<VegaApi> }) {
    setVegaLoader(options.loadVega);
    return createKernel({ "partition-lab": partitionLab, kafkajs });
  },
};
