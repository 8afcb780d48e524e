import path from "node:path";
import { defineCommand } from "citty";
import { startPreview } from "../../preview/index.js";
import { UsageError, type CliContext } from "../context.js";

const DEFAULT_PORT = 4321;

export default defineCommand({
  meta: { name: "preview", description: "Serve the document as HTML on 127.0.0.1 and reload it whenever a block, the document, a template or a signatory file is saved" },
  args: {
    document: { type: "positional", description: "the document (DOC.md)", required: true },
    port: { type: "string", description: `port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)` },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const port = args.port === undefined ? DEFAULT_PORT : Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a number from 0 to 65535, not "${args.port}"`);
    const document = path.resolve(ctx.cwd, String(args.document));
    const preview = await startPreview({
      document,
      port,
      onRebuild: (state) => ctx.err(`${new Date().toLocaleTimeString("nb-NO")}  built in ${Math.round(state.ms)} ms${state.messages.length ? `\n${state.messages.join("\n")}` : ""}`),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") throw new UsageError(`port ${port} is in use; choose another with --port`);
      throw error;
    });
    ctx.out(`preview of ${path.relative(ctx.cwd, document)} on ${preview.url}  (Ctrl+C stops it)`);
    // Runs until the user stops it; the open SSE connections are closed cleanly.
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await preview.close();
    return 0;
  },
});
