import { spawn } from "node:child_process";
import path from "node:path";
import { defineCommand } from "citty";
import { t } from "../../i18n/catalogue.js";
import { startStudio } from "../../studio/server.js";
import { findWorkspaceRoot } from "../../workspace/index.js";
import { UsageError, type CliContext } from "../context.js";

const DEFAULT_PORT = 4330;

export default defineCommand({
  meta: { name: "studio", description: t("cli.studioHelp") },
  args: {
    dir: { type: "positional", description: t("cli.studioDir"), required: false },
    port: { type: "string", description: t("cli.studioPort", { port: DEFAULT_PORT }) },
    open: { type: "boolean", description: t("cli.studioOpen"), default: true },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const port = args.port === undefined ? DEFAULT_PORT : Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t("studio.badPort", { port: String(args.port) }));
    const root = await findWorkspaceRoot(path.resolve(ctx.cwd, String(args.dir ?? ".")));
    const studio = await startStudio({ root, port }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") throw new UsageError(t("studio.portInUse", { port }));
      throw error;
    });
    ctx.out(t("studio.serving", { url: studio.url, root: path.relative(ctx.cwd, root) || "." }));
    if (args.open) openBrowser(studio.url);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await studio.close();
    return 0;
  },
});

/** The desktop's own way to open a URL; without one, the printed URL is enough. */
function openBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(command, [url], { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}
