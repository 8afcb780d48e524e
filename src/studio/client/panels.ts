import { download } from "./api.js";
import { fill, h } from "./dom.js";
import { tr } from "./i18n.js";
import type { DocumentSession } from "./session.js";
import type { DocumentState, Problem } from "./types.js";

/** Every variable the included blocks need, in one form; the missing ones marked. */
export function variablesPanel(session: DocumentSession, save: () => void, titleOf: (id: string) => string | undefined) {
  const element = h("div", { className: "variables" });
  const inputs = new Map<string, HTMLInputElement>();
  const vars = () => {
    const meta = session.meta;
    if (!meta.vars || typeof meta.vars !== "object") meta.vars = {};
    return meta.vars as Record<string, unknown>;
  };
  function render(state: DocumentState) {
    // Only a different set of variables redraws: typing keeps its input and focus.
    const names = state.variables.map((v) => v.name).join("\n");
    if (element.dataset.names !== names) {
      element.dataset.names = names;
      inputs.clear();
      fill(
        element,
        h("p", { className: "hint" }, state.variables.length ? tr("variablesHelp") : tr("noVariables")),
        state.variables.map((variable) => {
          const id = `var-${variable.name}`;
          const input = h("input", {
            id,
            type: "text",
            value: variable.value,
            "aria-describedby": `${id}-note`,
            oninput: () => {
              const value = input.value;
              if (value) vars()[variable.name] = value;
              else delete vars()[variable.name];
              save();
            },
          });
          inputs.set(variable.name, input);
          const users = variable.usedBy.map((id) => (id ? (titleOf(id) ?? id) : tr("theDocument"))).join(", ");
          return h("div", { className: "field", "data-variable": variable.name }, h("label", { htmlFor: id }, variable.name), h("p", { className: "hint", id: `${id}-note` }, tr("usedBy", { blocks: users }), h("strong", { className: "missing-note" })), input);
        }),
      );
    }
    for (const variable of state.variables) {
      const input = inputs.get(variable.name)!;
      input.setAttribute("aria-invalid", String(variable.missing));
      input.closest(".field")!.classList.toggle("missing", variable.missing);
      input.closest(".field")!.querySelector(".missing-note")!.textContent = variable.missing ? ` ${tr("missing")}` : "";
    }
  }
  render(session.state);
  return { element, render };
}

const FORMATS = [
  ["docx", "exportDocx"],
  ["pdf", "exportPdf"],
  ["pdfa", "exportPdfa"],
  ["html", "exportHtml"],
  ["md", "exportMd"],
] as const;

/** Downloads of every format, each also written to `out/`. */
export function exportPanel(session: DocumentSession) {
  const status = h("p", { role: "status", className: "export-status" });
  const element = h(
    "div",
    { className: "export" },
    h("p", { className: "hint" }, tr("exportHelp")),
    h(
      "div",
      { className: "export-buttons" },
      FORMATS.map(([format, label]) =>
        h(
          "button",
          {
            type: "button",
            "data-format": format,
            onclick: async () => {
              status.textContent = tr("exporting");
              await session.flush();
              try {
                const name = await download("/api/export", { path: session.state.path, format });
                status.textContent = tr("exported", { name });
              } catch (error) {
                status.textContent = (error as Error).message;
              }
            },
          },
          tr(label),
        ),
      ),
    ),
    status,
  );
  return { element };
}

/** The pages as the PDF will have them, page by page. */
export function pagesPanel() {
  const list = h("div", { className: "page-list" });
  const status = h("p", { className: "pages-status", role: "status" });
  const element = h("section", { className: "pages", "aria-labelledby": "pages-heading" }, h("h2", { id: "pages-heading" }, tr("pages")), status, list);
  let generation = 0;
  function render(state: DocumentState) {
    const images = [...list.querySelectorAll("img")];
    state.pages.forEach((page, index) => {
      const src = `/api/pages/${page.hash}.svg`;
      const alt = tr("pageOf", { page: index + 1, pages: state.pages.length });
      const img = images[index] ?? list.appendChild(h("img", { className: "page", width: Math.round(page.width), height: Math.round(page.height) }));
      if (img.getAttribute("src") !== src) img.setAttribute("src", src);
      img.alt = alt;
    });
    for (const img of images.slice(state.pages.length)) img.remove();
    list.dataset.generation = String(++generation);
    list.dataset.pages = state.pages.map((p) => p.hash).join(" ");
    status.textContent = state.stale ? tr("pagesStale") : tr("pagesUpdated", { ms: Math.round(state.ms) });
    element.classList.toggle("stale", state.stale);
  }
  return { element, render };
}

/** The same messages as `check`, each a button to its place. */
export function problemsPanel(go: (problem: Problem) => void) {
  const list = h("ul", { className: "problem-list" });
  const heading = h("h2", { id: "problems-heading", tabIndex: -1 }, tr("problems"));
  const element = h("section", { className: "problems", "aria-labelledby": "problems-heading" }, heading, list);
  // In the bar at the top: how many problems, and a way to them at the foot of the page.
  const summary = h("button", { type: "button", className: "problems-summary", onclick: () => heading.focus() });
  function render(state: DocumentState) {
    heading.textContent = state.problems.length ? tr("problemsCount", { n: state.problems.length }) : tr("problems");
    const errors = state.problems.filter((p) => p.severity === "error").length;
    summary.textContent = state.problems.length ? tr("problemSummary", { errors, warnings: state.problems.length - errors }) : tr("noProblemsShort");
    summary.className = `problems-summary ${errors ? "errors" : state.problems.length ? "warnings" : "ok"}`;
    fill(
      list,
      state.problems.length
        ? state.problems.map((problem) =>
            h(
              "li",
              { className: problem.severity },
              h(
                "button",
                { type: "button", className: "problem", disabled: problem.place.view === "other", onclick: () => go(problem) },
                h("span", { className: "severity" }, tr(problem.severity === "error" ? "error" : "warning")),
                " ",
                h("code", {}, problem.where),
                " ",
                problem.text,
              ),
            ),
          )
        : h("li", { className: "none" }, tr("noProblems")),
    );
  }
  return { element, render, summary };
}
