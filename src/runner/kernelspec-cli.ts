// `partition-lab kernelspec [--user | --prefix DIR]`: install our tslab kernelspec for Jupyter.
import { parseFlags } from "../cli-args";
import { CliError } from "../cli-error";
import { installKernelSpec, jupyterPathOf, KERNEL_DISPLAY_NAME, KERNEL_NAME, tslabKernelSpec } from "./kernelspec";

const USAGE = `usage: partition-lab kernelspec [--user | --prefix DIR]

Writes the "${KERNEL_NAME}" kernelspec ("${KERNEL_DISPLAY_NAME}" in Jupyter's
kernel menu) that starts this checkout's tslab, so Jupyter and nbclient can run
the course notebooks. A "tslab" kernelspec of your own is left alone.
--user (the default) installs into your Jupyter data directory; --prefix DIR
into DIR/share/jupyter/kernels (then point JUPYTER_PATH at DIR/share/jupyter).
No Python needed. \`partition-lab lab\` does this for you, in a private folder.

The kernelspec holds absolute paths to this node and this checkout: if you
move or delete the checkout, run this command again from its new place.`;

export async function main(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { user: { type: "boolean" }, prefix: { type: "string" } }, USAGE);
  if (!flags) return 0;
  const { values } = flags;
  if (values.user && values.prefix) throw new CliError("--user and --prefix exclude each other");
  const prefix = values.prefix as string | undefined;
  const dir = installKernelSpec({ prefix, user: !prefix });
  console.log(`installed the ${KERNEL_NAME} kernelspec ("${KERNEL_DISPLAY_NAME}") in ${dir}`);
  console.log(`it runs: ${tslabKernelSpec().argv.join(" ")}`);
  console.log("These are absolute paths into this checkout: if you move or delete it, run `npx partition-lab kernelspec` again from its new place.");
  if (prefix) console.log(`Jupyter finds it with: JUPYTER_PATH=${jupyterPathOf(prefix)}`);
  return 0;
}
