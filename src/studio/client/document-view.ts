import { api } from "./api.js";
import { announce, h } from "./dom.js";
import { replaceText } from "./editor.js";
import { letterForm } from "./form.js";
import { tr } from "./i18n.js";
import { exportPanel, pagesPanel, problemsPanel, variablesPanel } from "./panels.js";
import { DocumentSession } from "./session.js";
import { signatoriesPanel } from "./signatories-panel.js";
import { textPanel } from "./text-panel.js";
import type { DocumentState, LibraryBlock, Problem } from "./types.js";

/** How long typing rests before the text is saved and built: short, so pages follow the writer. */
const TEXT_DELAY_MS = 40;
const FORM_DELAY_MS = 250;

const TABS = ["letter", "text", "variables", "signatories", "export"] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS = { letter: "tabLetter", text: "tabText", variables: "tabVariables", signatories: "tabSignatories", export: "tabExport" } as const;

export interface DocumentView {
  element: HTMLElement;
  /** An SSE event from the server: a file changed on disk. */
  onChanged: (path: string, hash: string) => void;
  onWorkspaceChanged: (path: string) => void;
  /** Shows another tab (the address changed to it). */
  select: (tab: Tab) => void;
  close: () => void;
}

export async function documentView(path: string, tab: Tab, navigate: (hash: string) => void): Promise<DocumentView> {
  const [state, { blocks }] = await Promise.all([api<DocumentState>("GET", `/api/document?path=${encodeURIComponent(path)}`), api<{ blocks: LibraryBlock[] }>("GET", "/api/blocks")]);
  const saveStatus = h("p", { className: "save-status", role: "status" });
  const banner = h("div", { className: "banner", role: "alert", hidden: true });
  const session: DocumentSession = new DocumentSession(state, {
    onState: (next, fromDisk) => render(next, fromDisk),
    onConflict: () => showConflict(),
    onSaving: (saving) => (saveStatus.textContent = saving ? tr("saving") : session.dirty ? tr("unsaved") : tr("saved")),
    onError: (error) => (saveStatus.textContent = error.message),
  });
  const saveForm = () => session.edit({ meta: session.meta }, FORM_DELAY_MS);

  const form = letterForm(session, saveForm);
  const text = textPanel(state.body, (body) => session.edit({ body }, TEXT_DELAY_MS), (id) => navigate(`#/block/${encodeURIComponent(id)}?from=${encodeURIComponent(path)}`));
  text.setLibrary(blocks);
  const variables = variablesPanel(session, saveForm, (id) => blocks.find((b) => b.id === id)?.title);
  const signatories = signatoriesPanel(session, saveForm);
  const exports = exportPanel(session);
  const pages = pagesPanel();
  const problems = problemsPanel(goToProblem);
  const title = h("h1", { className: "doc-title" }, String(state.meta.title ?? path));

  const panels: Record<Tab, HTMLElement> = { letter: form.element, text: text.element, variables: variables.element, signatories: signatories.element, export: exports.element };
  const tabButtons = TABS.map((name) =>
    h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${name}`,
        "aria-controls": `panel-${name}`,
        onclick: () => select(name, true),
        onkeydown: (event: KeyboardEvent) => {
          const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
          if (!step && event.key !== "Home" && event.key !== "End") return;
          event.preventDefault();
          const index = event.key === "Home" ? 0 : event.key === "End" ? TABS.length - 1 : (TABS.indexOf(name) + step + TABS.length) % TABS.length;
          select(TABS[index], true);
          tabButtons[index].focus();
        },
      },
      tr(TAB_LABELS[name]),
    ),
  );
  const panelElements = TABS.map((name) => h("div", { role: "tabpanel", id: `panel-${name}`, "aria-labelledby": `tab-${name}`, className: `panel panel-${name}`, tabIndex: 0 }, panels[name]));
  function select(name: Tab, record: boolean) {
    TABS.forEach((other, i) => {
      const on = other === name;
      tabButtons[i].setAttribute("aria-selected", String(on));
      tabButtons[i].tabIndex = on ? 0 : -1;
      panelElements[i].hidden = !on;
    });
    if (record) history.replaceState(null, "", `#/doc/${encodeURIComponent(path)}/${name}`);
  }
  select(tab, false);

  function render(next: DocumentState, fromDisk: boolean) {
    title.textContent = String(next.meta.title ?? path);
    document.title = `${next.errors ? "✗ " : ""}${String(next.meta.title ?? path)} – ${tr("appName")}`;
    if (fromDisk) {
      replaceText(text.view, next.body);
      form.reset();
      banner.hidden = true;
    }
    text.refresh();
    form.showErrors(next.fieldErrors);
    variables.render(next);
    signatories.render(next);
    pages.render(next);
    problems.render(next);
  }

  function showConflict() {
    banner.replaceChildren(
      h("p", {}, tr("changedOnDisk")),
      h(
        "button",
        {
          type: "button",
          onclick: async () => {
            await session.reload();
            announce(tr("reloaded"));
          },
        },
        tr("reload"),
      ),
      h(
        "button",
        {
          type: "button",
          onclick: async () => {
            banner.hidden = true;
            await session.overwrite();
          },
        },
        tr("keepMine"),
      ),
    );
    banner.hidden = false;
    banner.querySelector("button")?.focus();
  }

  function goToProblem(problem: Problem) {
    const place = problem.place;
    if (place.view === "text") {
      select("text", true);
      text.goTo(place.line, place.column);
    } else if (place.view === "form") {
      select("letter", true);
      form.focusFirstError();
    } else if (place.view === "signatories") {
      select("signatories", true);
    } else if (place.view === "block") {
      const block = blocks.find((b) => place.file.startsWith(`demands/${b.id}`));
      if (block) navigate(`#/block/${encodeURIComponent(block.id)}?from=${encodeURIComponent(path)}`);
    }
  }

  render(state, false);
  const element = h(
    "div",
    { className: "document-view" },
    h("header", { className: "app-bar" }, h("a", { href: "#/", className: "home" }, tr("allDocuments")), title, problems.summary, saveStatus),
    banner,
    h(
      "main",
      { className: "doc-layout" },
      h("div", { className: "work" }, h("div", { role: "tablist", "aria-label": tr("partsOfDocument") }, tabButtons), panelElements),
      pages.element,
    ),
    problems.element,
  );
  const onUnload = (event: BeforeUnloadEvent) => {
    if (session.dirty) event.preventDefault();
  };
  window.addEventListener("beforeunload", onUnload);

  return {
    element,
    onChanged(changed, hash) {
      if (changed !== path || hash === session.state.hash) return;
      showConflict();
      session.conflict = true;
    },
    onWorkspaceChanged(changed) {
      void session.refresh();
      if (changed.startsWith("demands/")) void api<{ blocks: LibraryBlock[] }>("GET", "/api/blocks").then((r) => text.setLibrary(r.blocks));
    },
    select: (name) => select(name, false),
    close() {
      void session.flush();
      window.removeEventListener("beforeunload", onUnload);
    },
  };
}

export { TABS, type Tab };
