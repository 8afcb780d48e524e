import { defineCommand, type ArgsDef } from "citty";
import { assembleDocuments } from "../../build/index.js";
import { Reporter } from "../../report/index.js";
import { finish, type CliContext } from "../context.js";
import { documentArgs, positionalFiles } from "../documents.js";

const args = { ...documentArgs } satisfies ArgsDef;

export default defineCommand({
  meta: { name: "check", description: "Check documents, their blocks and signatories; write nothing" },
  args,
  async run({ rawArgs, data }) {
    const ctx = data as CliContext;
    const reporter = new Reporter();
    const documents = await assembleDocuments(positionalFiles(rawArgs, ctx, args), reporter);
    for (const doc of documents) ctx.out(`ok  ${doc.name}  version ${doc.fingerprint}  ${doc.blocks.length} blocks, ${doc.signatories.total} signatories`);
    return finish(ctx, reporter);
  },
});
