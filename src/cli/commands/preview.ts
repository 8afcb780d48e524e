import path from "node:path";
import { defineCommand } from "citty";
import { t } from "../../i18n/catalogue.js";
import { startPreview } from "../../preview/index.js";
import { UsageError, type CliContext } from "../context.js";

const DEFAULT_PORT = 4321;

export default defineCommand({
  meta: { name: "preview", description: t("cli.previewAbout") },
  args: {
    document: { type: "positional", description: t("cli.previewDocument"), required: true },
    port: { type: "string", description: t("cli.previewPort", { port: DEFAULT_PORT }) },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const port = args.port === undefined ? DEFAULT_PORT : Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t("cli.badPort", { value: String(args.port) }));
    const document = path.resolve(ctx.cwd, String(args.document));
    const preview = await startPreview({
      document,
      port,
      onRebuild: (state) => ctx.err(`${t("cli.previewRebuilt", { time: new Date().toLocaleTimeString("nb-NO"), ms: Math.round(state.ms) })}${state.messages.length ? `\n${state.messages.join("\n")}` : ""}`),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") throw new UsageError(t("cli.portInUse", { port }));
      throw error;
    });
    ctx.out(t("cli.previewServing", { file: path.relative(ctx.cwd, document), url: preview.url }));
    // Runs until the user stops it; the open SSE connections are closed cleanly.
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await preview.close();
    return 0;
  },
});
