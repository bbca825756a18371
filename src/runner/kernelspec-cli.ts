// `partition-lab kernelspec [--user | --prefix DIR]`: install the tslab kernelspec for Jupyter.
import { parseFlags } from "../cli-args";
import { CliError } from "../cli-error";
import { installKernelSpec, tslabKernelSpec } from "./kernelspec";

const USAGE = `usage: partition-lab kernelspec [--user | --prefix DIR]

Writes a "tslab" kernelspec that starts this project's tslab, so \`jupyter lab\`
and nbclient can run the course notebooks. --user (the default) installs into
your Jupyter data directory; --prefix DIR into DIR/share/jupyter/kernels
(then point JUPYTER_PATH at DIR/share/jupyter). No Python needed.`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { user: { type: "boolean" }, prefix: { type: "string" } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.user && values.prefix) throw new CliError("--user and --prefix exclude each other");
  const dir = installKernelSpec({ prefix: values.prefix as string | undefined, user: !values.prefix });
  console.log(`installed the tslab kernelspec in ${dir}`);
  console.log(`it runs: ${tslabKernelSpec().argv.join(" ")}`);
  return 0;
}
