import { t } from "../i18n/catalogue.js";

/** Why a file could not be read or written, in words (never ENOENT, EISDIR, EEXIST…). */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return t("input.notFound");
    case "EISDIR":
      return t("input.isFolder");
    case "EACCES":
    case "EPERM":
      return t("input.noAccess");
    default:
      return t("input.cannotRead", { reason: code ?? (error as Error).message });
  }
}

/** Why an output file could not be written: a file where a folder should be says to choose another --out-dir. */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EEXIST" || code === "ENOTDIR") return t("cli.writeFailed", { reason: t("cli.pathPartIsFile") });
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return t("cli.writeFailed", { reason: t("input.noAccess") });
  // A folder on the way is missing and cannot be made (makeDirectory tried): /proc, a vanished drive.
  if (code === "ENOENT") return t("cli.writeFailed", { reason: t("cli.folderCannotBeMade") });
  return t("cli.writeFailed", { reason: code ?? (error as Error).message });
}
