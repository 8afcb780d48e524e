/**
 * `--help` text: flags as the README writes them (`--out-dir`), plain text
 * with no colour codes (it is often piped or pasted), headings in the user's
 * language. citty's own renderer writes `--outDir` and always colours.
 */
import type { ArgDef, ArgsDef, CommandDef } from "citty";
import { t } from "../i18n/catalogue.js";

/** `outDir` → `out-dir`: the spelling on the command line. */
export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

async function resolve<T>(value: T | (() => T) | (() => Promise<T>) | Promise<T> | undefined): Promise<T | undefined> {
  return typeof value === "function" ? await (value as () => T | Promise<T>)() : await value;
}

/** The usage of `command`, reached as `opprop <path…>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own args type
export async function renderUsage(command: CommandDef<any>, path: readonly string[]): Promise<string> {
  const meta = (await resolve(command.meta)) ?? {};
  const args = ((await resolve(command.args)) ?? {}) as ArgsDef;
  const subs = (await resolve(command.subCommands)) ?? {};
  const entries = Object.entries(args) as [string, ArgDef][];
  const positionals = entries.filter(([, def]) => def.type === "positional");
  const options = entries.filter(([, def]) => def.type !== "positional");
  const name = ["opprop", ...path].join(" ");
  const subNames = Object.keys(subs);
  const line = [
    name,
    subNames.length ? `<${subNames.join("|")}>` : "",
    options.length ? t("cli.usageOptions") : "",
    ...positionals.map(([key, def]) => (def.required ? key.toUpperCase() : `[${key.toUpperCase()}]`)),
  ].filter(Boolean);
  const out = [meta.description ?? "", "", `${t("cli.usageHeading")}: ${line.join(" ")}`];
  const table = (rows: [string, string][]) => {
    const width = Math.max(...rows.map(([left]) => left.length));
    return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd());
  };
  if (subNames.length) {
    const rows: [string, string][] = [];
    for (const sub of subNames) {
      const subMeta = (await resolve((await resolve(subs[sub]))?.meta)) ?? {};
      rows.push([sub, subMeta.description ?? ""]);
    }
    out.push("", `${t("cli.usageCommands")}:`, ...table(rows));
  }
  if (positionals.length) out.push("", `${t("cli.usageArguments")}:`, ...table(positionals.map(([key, def]) => [key.toUpperCase(), def.description ?? ""])));
  if (options.length) {
    const rows = options.map(([key, def]): [string, string] => {
      const flag = `--${kebab(key)}${def.type === "string" ? ` ${kebab(key).toUpperCase().replace(/-/g, "_")}` : ""}`;
      const fallback = "default" in def && def.default !== undefined && def.default !== false ? `  (${t("cli.usageDefault")}: ${String(def.default)})` : "";
      const required = def.required ? `  (${t("cli.usageRequired")})` : "";
      return [flag, `${def.description ?? ""}${required}${fallback}`];
    });
    out.push("", `${t("cli.usageOptionsHeading")}:`, ...table([...rows, ["--help", t("cli.usageHelp")]]));
  }
  return `${out.join("\n")}\n`;
}
