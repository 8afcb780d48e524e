import { defineCommand } from "citty";
import path from "node:path";
import { initWorkspace } from "../../workspace/init.js";
import { UsageError, type CliContext } from "../context.js";

export default defineCommand({
  meta: { name: "init", description: "Create a new workspace with the shipped blocks, templates and one example" },
  args: {
    dir: { type: "positional", description: "folder to create (must be new or empty)", required: true },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const dir = path.resolve(ctx.cwd, String(args.dir));
    const created = await initWorkspace(dir).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    ctx.out(`created ${path.relative(ctx.cwd, dir) || "."} with ${created.length} files\nnext: cd ${path.relative(ctx.cwd, dir) || "."} && opprop build ${EXAMPLE_DOCUMENT}`);
    return 0;
  },
});

const EXAMPLE_DOCUMENT = "documents/stotteerklaering-smertebehandling.md";
