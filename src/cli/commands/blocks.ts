import { defineCommand } from "citty";
import { t } from "../../i18n/catalogue.js";
import { Reporter } from "../../report/index.js";
import { kindFromWord } from "../../schema/block.js";
import { findWorkspaceRoot, loadWorkspace } from "../../workspace/index.js";
import { finish, type CliContext } from "../context.js";

export default defineCommand({
  meta: { name: "blocks", description: t("cli.blocksAbout") },
  args: {
    kind: { type: "string", description: t("cli.blocksKind") },
    tag: { type: "string", description: t("cli.blocksTag") },
    json: { type: "boolean", description: t("cli.blocksJson") },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const reporter = new Reporter();
    const workspace = await loadWorkspace(await findWorkspaceRoot(ctx.cwd), reporter);
    const kind = args.kind === undefined ? undefined : kindFromWord(String(args.kind));
    const rows = [...workspace.blocks]
      // A broken block is not listed: its warning says why.
      .filter(([, variants]) => ![...variants.values()].some((block) => block.problem))
      .map(([id, variants]) => {
        const main = variants.get("nb") ?? [...variants.values()][0];
        return { id, kind: main.meta.kind, title: main.meta.title, langs: [...variants.keys()].sort(), tags: main.meta.tags, requires: main.meta.requires, file: main.file };
      })
      .filter((row) => (!kind || row.kind === kind) && (!args.tag || row.tags.includes(String(args.tag))))
      .sort((a, b) => a.id.localeCompare(b.id, "nb"));
    if (args.json) ctx.out(JSON.stringify(rows, null, 2));
    else {
      const width = Math.max(2, ...rows.map((r) => r.id.length));
      for (const row of rows) ctx.out(`${row.id.padEnd(width)}  ${row.kind.padEnd(8)}  ${row.langs.join(",").padEnd(8)}  ${row.title}`);
      if (!rows.length) ctx.err(t("cli.noBlocksMatch"));
    }
    return finish(ctx, reporter);
  },
});
