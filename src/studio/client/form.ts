import { api } from "./api.js";
import { announce, fill, h, uid } from "./dom.js";
import { tr } from "./i18n.js";
import type { DocumentSession } from "./session.js";

type Row = Record<string, string>;
type Meta = Record<string, unknown>;

const LANG_NAMES = { nb: "langNb", nn: "langNn", en: "langEn" } as const;

/**
 * The letter's details as a form: every input writes one frontmatter field, empty
 * optional fields are left out, and the server's field errors show beside the field.
 */
export function letterForm(session: DocumentSession, save: () => void): { element: HTMLElement; showErrors: (errors: Record<string, string>) => void; focusFirstError: () => void; reset: () => void } {
  const element = h("form", { className: "letter-form", novalidate: true, onsubmit: (e: Event) => e.preventDefault() });
  const meta = () => session.meta;
  const change = () => {
    normalise(meta());
    save();
  };

  const text = (label: string, path: string[], options: { type?: string; required?: boolean; hint?: string } = {}) => {
    const id = uid("f");
    const input = h("input", {
      id,
      type: options.type ?? "text",
      value: String(get(meta(), path) ?? ""),
      required: options.required,
      "data-path": path.join("."),
      oninput: (event: Event) => {
        set(meta(), path, (event.target as HTMLInputElement).value);
        change();
      },
    });
    return fieldWrap(id, label, input, options.hint);
  };

  const select = (label: string, path: string[], choices: [string, string][]) => {
    const id = uid("f");
    const current = String(get(meta(), path) ?? choices[0]?.[0] ?? "");
    const input = h(
      "select",
      {
        id,
        "data-path": path.join("."),
        onchange: (event: Event) => {
          set(meta(), path, (event.target as HTMLSelectElement).value);
          change();
          render();
        },
      },
      choices.map(([value, name]) => h("option", { value, selected: value === current }, name)),
    );
    return fieldWrap(id, label, input);
  };

  /** A list of rows (recipients, senders, signers): add, remove, move up and down. */
  const rows = (legend: string, key: string, fields: [string, string][], addLabel: string, extra?: (row: Row, index: number) => HTMLElement) => {
    const list = (meta()[key] as Row[] | undefined) ?? [];
    const fieldset = h("fieldset", { className: "rows" }, h("legend", {}, legend));
    const move = (from: number, to: number) => {
      const items = [...((meta()[key] as Row[]) ?? [])];
      const [item] = items.splice(from, 1);
      if (to >= 0) items.splice(to, 0, item);
      meta()[key] = items;
      change();
      render();
      const target = to >= 0 ? to : Math.min(from, items.length - 1);
      element.querySelector<HTMLElement>(`[data-path="${key}.${target}.${fields[0][0]}"]`)?.focus();
      announce(to >= 0 ? tr("movedTo", { n: to + 1 }) : tr("removed"));
    };
    list.forEach((row, index) => {
      const number = index + 1;
      fieldset.append(
        h(
          "div",
          { className: "row", role: "group", "aria-label": `${legend} ${number}` },
          fields.map(([name, label]) => text(label, [key, String(index), name], { required: name === "name" })),
          extra?.(row, index),
          h(
            "div",
            { className: "row-buttons" },
            h("button", { type: "button", disabled: index === 0, onclick: () => move(index, index - 1) }, tr("moveUp"), h("span", { className: "visually-hidden" }, ` ${number}`)),
            h("button", { type: "button", disabled: index === list.length - 1, onclick: () => move(index, index + 1) }, tr("moveDown"), h("span", { className: "visually-hidden" }, ` ${number}`)),
            h("button", { type: "button", onclick: () => move(index, -1) }, tr("remove"), h("span", { className: "visually-hidden" }, ` ${number}`)),
          ),
        ),
      );
    });
    fieldset.append(
      h(
        "button",
        {
          type: "button",
          className: "add",
          onclick: () => {
            meta()[key] = [...((meta()[key] as Row[]) ?? []), { name: "" }];
            render();
            element.querySelector<HTMLElement>(`[data-path="${key}.${list.length}.${fields[0][0]}"]`)?.focus();
          },
        },
        addLabel,
      ),
    );
    return fieldset;
  };

  const logo = (row: Row, index: number) => {
    const id = uid("logo");
    return h(
      "div",
      { className: "field" },
      h("label", { htmlFor: id }, tr("logo")),
      h("input", {
        id,
        type: "file",
        accept: ".png,.jpg,.jpeg,.gif,image/png,image/jpeg,image/gif",
        onchange: async (event: Event) => {
          const file = (event.target as HTMLInputElement).files?.[0];
          if (!file) return;
          const { path } = await api<{ path: string }>("POST", `/api/upload?name=${encodeURIComponent(file.name)}`, file);
          ((meta().from as Row[])[index] ??= { name: "" }).logo = `../${path}`;
          change();
          render();
        },
      }),
      row.logo ? h("p", { className: "hint" }, tr("logoIs", { path: row.logo })) : null,
    );
  };

  function render() {
    if (session.state.yamlError) {
      fill(element, h("p", { className: "banner", role: "alert" }, tr("frontmatterUnreadable", { path: session.state.path }), h("br"), h("code", {}, session.state.yamlError)));
      return;
    }
    const m = meta();
    normalise(m);
    const templates = session.state.templates.map((name) => [name, name] as [string, string]);
    fill(
      element,
      h(
        "fieldset",
        {},
        h("legend", {}, tr("aboutLetter")),
        text(tr("title"), ["title"], { required: true }),
        select(tr("template"), ["template"], templates),
        select(tr("language"), ["lang"], (["nb", "nn", "en"] as const).map((lang) => [lang, tr(LANG_NAMES[lang])])),
        text(tr("date"), ["date"], { type: "date", hint: tr("dateHint") }),
      ),
      rows(tr("recipients"), "to", [["name", tr("name")], ["address", tr("address")]], tr("addRecipient")),
      rows(tr("senders"), "from", [["name", tr("name")], ["orgnr", tr("orgnr")], ["address", tr("address")]], tr("addSender"), logo),
      h("fieldset", {}, h("legend", {}, tr("references")), text(tr("refOurs"), ["ref", "ours"]), text(tr("refTheirs"), ["ref", "theirs"])),
      rows(tr("signature"), "signature", [["name", tr("name")], ["role", tr("role")]], tr("addSigner")),
      m.template === "horingssvar" ? consultation() : null,
    );
    showErrors(session.state.fieldErrors);
  }

  const consultation = () => {
    const id = uid("f");
    const chapters = ((get(meta(), ["consultation", "chapters"]) as string[] | undefined) ?? []).join("\n");
    return h(
      "fieldset",
      {},
      h("legend", {}, tr("consultation")),
      text(tr("consultationTitle"), ["consultation", "title"], { required: true }),
      text(tr("issuer"), ["consultation", "issuer"], { required: true }),
      text(tr("caseNumber"), ["consultation", "ref"]),
      text(tr("deadline"), ["consultation", "deadline"], { type: "date" }),
      fieldWrap(
        id,
        tr("chapters"),
        h("textarea", {
          id,
          rows: 6,
          "data-path": "consultation.chapters",
          value: chapters,
          oninput: (event: Event) => {
            const lines = (event.target as HTMLTextAreaElement).value.split("\n").map((line) => line.trim()).filter(Boolean);
            set(meta(), ["consultation", "chapters"], lines);
            change();
          },
        }),
        tr("chaptersHint"),
      ),
    );
  };

  function showErrors(errors: Record<string, string>) {
    for (const input of element.querySelectorAll<HTMLElement>("[data-path]")) {
      const message = errors[input.dataset.path!];
      const note = element.querySelector<HTMLElement>(`[id="${input.id}-error"]`)!;
      input.setAttribute("aria-invalid", message ? "true" : "false");
      note.textContent = message ?? "";
      note.hidden = !message;
    }
  }

  render();
  return {
    element,
    showErrors,
    focusFirstError: () => element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    /** Draws every field again from the document (after a reload from disk). */
    reset: render,
  };
}

function fieldWrap(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  const hintId = hint ? `${id}-hint` : undefined;
  input.setAttribute("aria-describedby", [hintId, `${id}-error`].filter(Boolean).join(" "));
  return h(
    "div",
    { className: "field" },
    h("label", { htmlFor: id }, label),
    hint ? h("p", { className: "hint", id: hintId }, hint) : null,
    input,
    h("p", { className: "field-error", id: `${id}-error`, hidden: true }),
  );
}

function get(object: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), object);
}

function set(object: Meta, path: string[], value: unknown): void {
  let target: Record<string, unknown> = object;
  for (const key of path.slice(0, -1)) target = (target[key] ??= /^\d+$/.test(key) ? [] : {}) as Record<string, unknown>;
  target[path.at(-1)!] = value;
}

/** Shapes the form cannot show become their long form; empty optional values go away. */
function normalise(meta: Meta): void {
  if (typeof meta.to === "string") meta.to = [meta.to];
  if (Array.isArray(meta.to)) meta.to = meta.to.map((r: unknown) => (typeof r === "string" ? { name: r } : r));
  if (meta.from && !Array.isArray(meta.from)) meta.from = [meta.from];
  for (const key of ["to", "from", "signature"]) {
    if (!Array.isArray(meta[key])) continue;
    for (const row of meta[key] as Row[]) for (const [k, v] of Object.entries(row)) if (v === "" && k !== "name") delete row[k];
    if (!(meta[key] as Row[]).length) delete meta[key];
  }
  for (const key of ["date"]) if (meta[key] === "") delete meta[key];
  for (const group of ["ref", "consultation"]) {
    const value = meta[group] as Record<string, unknown> | undefined;
    if (!value || typeof value !== "object") continue;
    for (const [k, v] of Object.entries(value)) if (v === "") delete value[k];
    if (!Object.keys(value).length) delete meta[group];
  }
}
