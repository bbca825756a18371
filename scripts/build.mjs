#!/usr/bin/env node
// `npm run build` (after `tsc`): runs `partition-lab build` from the compiled CLI.
// All logic lives in src/; this file only forwards the arguments.
import cli from "../dist/cli.js";

process.exitCode = await cli.main(["build", ...process.argv.slice(2)]);
