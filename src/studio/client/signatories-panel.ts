import { api } from "./api.js";
import { announce, fill, h, uid } from "./dom.js";
import { tr } from "./i18n.js";
import type { DocumentSession } from "./session.js";
import type { ColumnGuess, DocumentState } from "./types.js";

type Entry = { file: string; group?: string; map?: Record<string, string> };
type Field = Parameters<typeof fieldLabel>[0];
type Columns = { columns: ColumnGuess[]; fields: Field[] };

const fieldLabel = (field: "type" | "name" | "organisation" | "role" | "orgnr" | "place" | "email" | "phone" | "publish" | "signed_at" | "version") => tr(`field_${field}`);

/**
 * The document's signatory lists with counts and problems; a form export uploaded
 * here shows its columns with opprop's guess per column, and the writer's fixes are
 * saved as the entry's `map`.
 */
export function signatoriesPanel(session: DocumentSession, save: () => void) {
  const summary = h("p", { className: "signatory-summary", role: "status" });
  const files = h("ul", { className: "signatory-files" });
  const problems = h("ul", { className: "signatory-problems" });
  const mapping = h("div", { className: "mapping" });
  const uploadId = uid("upload");
  const upload = h("input", {
    id: uploadId,
    type: "file",
    accept: ".csv,.tsv,.txt,.xlsx,.yaml,.yml,.json",
    onchange: async () => {
      const file = upload.files?.[0];
      if (!file) return;
      try {
        const result = await api<Columns & { path: string }>("POST", `/api/upload?name=${encodeURIComponent(file.name)}`, file);
        showMapping(`../${result.path}`, result, {}, true);
      } catch (error) {
        fill(mapping, h("p", { className: "field-error", role: "alert" }, (error as Error).message));
      }
      upload.value = "";
    },
  });
  const entries = (): Entry[] => {
    const meta = session.meta;
    meta.signatories = (Array.isArray(meta.signatories) ? meta.signatories : []).map((e: unknown) => (typeof e === "string" ? { file: e } : e));
    return meta.signatories as Entry[];
  };

  function showMapping(file: string, { columns, fields }: Columns, map: Record<string, string>, isNew: boolean) {
    const selects = columns.map((column) => {
      const id = uid("col");
      const chosen = map[column.column] ?? column.field ?? "";
      const select = h(
        "select",
        { id, "data-column": column.column },
        h("option", { value: "" }, tr("columnIgnored")),
        fields.map((field) => h("option", { value: field, selected: field === chosen }, fieldLabel(field))),
      );
      return { column, select, id };
    });
    fill(
      mapping,
      h("h3", {}, tr("columnsOf", { file })),
      h("p", { className: "hint" }, tr("columnsHelp")),
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, tr("column")), h("th", { scope: "col" }, tr("meaning")))),
        h(
          "tbody",
          {},
          selects.map(({ column, select, id }) =>
            h("tr", {}, h("th", { scope: "row" }, h("label", { htmlFor: id }, column.column)), h("td", {}, select, column.field ? null : h("span", { className: "hint" }, ` ${column.shadowedBy ? tr("shadowedBy", { column: column.shadowedBy }) : tr("noGuess")}`))),
          ),
        ),
      ),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            // Only what differs from opprop's own guess is written down.
            const chosen = Object.fromEntries(selects.filter(({ column, select }) => select.value && select.value !== column.field).map(({ column, select }) => [column.column, select.value]));
            const list = entries();
            const existing = list.find((e) => e.file === file);
            const entry = existing ?? { file };
            if (Object.keys(chosen).length) entry.map = chosen;
            else delete entry.map;
            if (!existing) list.push(entry);
            save();
            fill(mapping);
            announce(isNew ? tr("listAdded", { file }) : tr("mappingSaved"));
          },
        },
        isNew ? tr("addList") : tr("saveMapping"),
      ),
    );
    selects[0]?.select.focus();
  }

  function render(state: DocumentState) {
    const s = state.signatories;
    summary.textContent = tr("signatoryCounts", { organisations: s.organisations, persons: s.persons, hidden: s.hiddenPersons, total: s.total });
    fill(
      files,
      s.files.length
        ? s.files.map((entry, index) =>
            h(
              "li",
              {},
              h("code", {}, entry.file),
              ` ${tr("namedCount", { n: entry.named })}`,
              entry.map ? ` · ${tr("mapped", { n: Object.keys(entry.map).length })}` : "",
              h(
                "button",
                {
                  type: "button",
                  className: "small",
                  onclick: async () => {
                    const path = new URL(entry.file, `http://x/${state.path}`).pathname.slice(1);
                    showMapping(entry.file, await api<Columns>("GET", `/api/columns?path=${encodeURIComponent(path)}`), entry.map ?? {}, false);
                  },
                },
                tr("editColumns"),
                h("span", { className: "visually-hidden" }, ` ${entry.file}`),
              ),
              h(
                "button",
                {
                  type: "button",
                  className: "small",
                  onclick: () => {
                    entries().splice(index, 1);
                    save();
                    announce(tr("removed"));
                  },
                },
                tr("remove"),
                h("span", { className: "visually-hidden" }, ` ${entry.file}`),
              ),
            ),
          )
        : h("li", {}, tr("noLists")),
    );
    const own = state.problems.filter((p) => p.place.view === "signatories");
    fill(problems, own.length ? own.map((p) => h("li", { className: p.severity }, h("code", {}, p.where), " ", p.text)) : h("li", {}, tr("noProblems")));
  }

  render(session.state);
  return {
    element: h(
      "div",
      { className: "signatories" },
      summary,
      h("h3", {}, tr("lists")),
      files,
      h("div", { className: "field" }, h("label", { htmlFor: uploadId }, tr("uploadList")), h("p", { className: "hint" }, tr("uploadHint")), upload),
      mapping,
      h("h3", {}, tr("listProblems")),
      problems,
    ),
    render,
  };
}
